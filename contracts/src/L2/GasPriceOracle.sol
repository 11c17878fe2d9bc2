// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Predeploys } from "../libraries/Predeploys.sol";
import { Constants } from "../libraries/Constants.sol";
import { FastLzLength } from "./FastLzLength.sol";

/// @notice The L1Block getters GasPriceOracle reads.
interface IL1BlockFees {
    function basefee() external view returns (uint256);
    function blobBaseFee() external view returns (uint256);
    function baseFeeScalar() external view returns (uint32);
    function blobBaseFeeScalar() external view returns (uint32);
    function l1FeeOverhead() external view returns (uint256);
    function l1FeeScalar() external view returns (uint256);
}

/// @notice The GasPriceOracle predeploy (0x4200…000F, protocol-reference 7.5): estimates the L1 data fee of an
///         *unsigned* transaction from L1Block's values, with the Bedrock, Ecotone and Fjord formulas (7.2). The
///         input lacks a signature, so it is padded by 68 bytes: 68 non-zero bytes (68*16 gas) before Fjord, 68
///         bytes of FastLZ length from Fjord. Fork flags are set once each, in order, by the upgrade deposits.
///         Storage: slot 0 packs isEcotone (offset 0) and isFjord (offset 1), as the OP GasPriceOracle.
contract GasPriceOracle {
    uint256 public constant DECIMALS = 6;

    string public constant version = "1.3.1-opsim";

    /// @notice Fjord's linear estimate of the Brotli size from the FastLZ size, both scaled by 1e6.
    int32 private constant COST_INTERCEPT = -42_585_600;
    uint32 private constant COST_FASTLZ_COEF = 836_500;
    uint256 private constant MIN_TRANSACTION_SIZE = 100;
    /// @notice Padding for the signature an unsigned transaction lacks.
    uint256 private constant SIGNATURE_PADDING = 68;

    bool public isEcotone;
    bool public isFjord;

    function setEcotone() external {
        require(
            msg.sender == Constants.DEPOSITOR_ACCOUNT, "GasPriceOracle: only the depositor account can set isEcotone flag"
        );
        require(!isEcotone, "GasPriceOracle: Ecotone already active");
        isEcotone = true;
    }

    function setFjord() external {
        require(
            msg.sender == Constants.DEPOSITOR_ACCOUNT, "GasPriceOracle: only the depositor account can set isFjord flag"
        );
        require(isEcotone, "GasPriceOracle: Fjord can only be activated after Ecotone");
        require(!isFjord, "GasPriceOracle: Fjord already active");
        isFjord = true;
    }

    /// @notice The L1 data fee of an unsigned, fully RLP-encoded transaction, in wei.
    function getL1Fee(bytes memory _data) external view returns (uint256) {
        if (isFjord) {
            return _fjordFee(FastLzLength.compressedLength(_data) + SIGNATURE_PADDING);
        }
        uint256 dataGas = _paddedCalldataGas(_data);
        if (isEcotone) {
            return dataGas * _feeScaled() / (16 * 10 ** DECIMALS);
        }
        return (dataGas + _l1Block().l1FeeOverhead()) * l1BaseFee() * _l1Block().l1FeeScalar() / 10 ** DECIMALS;
    }

    /// @notice Fjord only: the fee for an unsigned transaction of `_unsignedTxSize` bytes at FastLZ's practical
    ///         worst case (`size + size/255 + 16` after padding).
    function getL1FeeUpperBound(uint256 _unsignedTxSize) external view returns (uint256) {
        require(isFjord, "GasPriceOracle: getL1FeeUpperBound only supports Fjord");
        uint256 txSize = _unsignedTxSize + SIGNATURE_PADDING;
        return _fjordFee(txSize + txSize / 255 + 16);
    }

    /// @notice Deprecated estimate of the L1 gas of an unsigned transaction (Fjord: estimated size * 16).
    function getL1GasUsed(bytes memory _data) public view returns (uint256) {
        if (isFjord) {
            return _fjordEstimatedSize(FastLzLength.compressedLength(_data) + SIGNATURE_PADDING) * 16 / 1e6;
        }
        uint256 dataGas = _paddedCalldataGas(_data);
        if (isEcotone) {
            return dataGas;
        }
        return dataGas + _l1Block().l1FeeOverhead();
    }

    function gasPrice() public view returns (uint256) {
        return block.basefee;
    }

    function baseFee() public view returns (uint256) {
        return block.basefee;
    }

    /// @notice Pre-Ecotone overhead; the value no longer prices anything after Ecotone, so it reverts.
    function overhead() public view returns (uint256) {
        require(!isEcotone, "GasPriceOracle: overhead() is deprecated");
        return _l1Block().l1FeeOverhead();
    }

    /// @notice Pre-Ecotone scalar; reverts after Ecotone like overhead().
    function scalar() public view returns (uint256) {
        require(!isEcotone, "GasPriceOracle: scalar() is deprecated");
        return _l1Block().l1FeeScalar();
    }

    function l1BaseFee() public view returns (uint256) {
        return _l1Block().basefee();
    }

    function blobBaseFee() public view returns (uint256) {
        return _l1Block().blobBaseFee();
    }

    function baseFeeScalar() public view returns (uint32) {
        return _l1Block().baseFeeScalar();
    }

    function blobBaseFeeScalar() public view returns (uint32) {
        return _l1Block().blobBaseFeeScalar();
    }

    function decimals() public pure returns (uint256) {
        return DECIMALS;
    }

    function _l1Block() private pure returns (IL1BlockFees) {
        return IL1BlockFees(Predeploys.L1_BLOCK_ATTRIBUTES);
    }

    /// @notice zeroes*4 + nonZeroes*16 + 68*16 (the signature padding counted as non-zero bytes).
    function _paddedCalldataGas(bytes memory _data) private pure returns (uint256 gas) {
        uint256 length = _data.length;
        for (uint256 i = 0; i < length; i++) {
            gas += _data[i] == 0 ? 4 : 16;
        }
        gas += SIGNATURE_PADDING * 16;
    }

    /// @notice 16*baseFeeScalar*l1BaseFee + blobBaseFeeScalar*blobBaseFee. The first product starts in uint32, as
    ///         in the OP contract, so a baseFeeScalar of 2^28 or more reverts with an arithmetic panic there too.
    function _feeScaled() private view returns (uint256) {
        return baseFeeScalar() * 16 * l1BaseFee() + blobBaseFeeScalar() * blobBaseFee();
    }

    function _fjordFee(uint256 _fastLzSize) private view returns (uint256) {
        return _fjordEstimatedSize(_fastLzSize) * _feeScaled() / (10 ** (DECIMALS * 2));
    }

    /// @notice max(100e6, -42_585_600 + 836_500 * fastLzSize).
    function _fjordEstimatedSize(uint256 _fastLzSize) private pure returns (uint256) {
        int256 estimate = COST_INTERCEPT + int256(COST_FASTLZ_COEF * _fastLzSize);
        int256 floor = int256(MIN_TRANSACTION_SIZE) * 1e6;
        return uint256(estimate < floor ? floor : estimate);
    }
}
