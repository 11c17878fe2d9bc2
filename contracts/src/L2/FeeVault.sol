// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Predeploys } from "../libraries/Predeploys.sol";
import { SafeCall } from "../libraries/SafeCall.sol";

/// @notice What a fee vault calls to send its balance to L1.
interface IFeeVaultMessagePasser {
    function initiateWithdrawal(address _target, uint256 _gasLimit, bytes memory _data) external payable;
}

/// @notice Base of the fee vaults (protocol-reference 7.6): collects one kind of fee revenue and lets anyone send
///         the whole balance, once it reaches MIN_WITHDRAWAL_AMOUNT, to RECIPIENT on L1 (a withdrawal through
///         L2ToL1MessagePasser with a 400,000 L1 gas limit, as the current OP FeeVault does) or on L2 (a plain
///         transfer). The settings are immutables of the implementation. Storage as the OP FeeVault: slot 0
///         totalProcessed, then a 48-slot gap.
abstract contract FeeVault {
    /// @notice Where RECIPIENT receives the fees (ABI: uint8, L1 = 0, L2 = 1).
    enum WithdrawalNetwork {
        L1,
        L2
    }

    uint256 public immutable MIN_WITHDRAWAL_AMOUNT;
    address public immutable RECIPIENT;
    WithdrawalNetwork public immutable WITHDRAWAL_NETWORK;

    /// @notice The L1 gas limit of the withdrawal to an L1 recipient.
    uint32 internal constant WITHDRAWAL_MIN_GAS = 400_000;

    /// @notice Total wei ever withdrawn from the vault.
    uint256 public totalProcessed;

    uint256[48] private __gap;

    event Withdrawal(uint256 value, address to, address from);
    event Withdrawal(uint256 value, address to, address from, WithdrawalNetwork withdrawalNetwork);

    constructor(address _recipient, uint256 _minWithdrawalAmount, WithdrawalNetwork _withdrawalNetwork) {
        RECIPIENT = _recipient;
        MIN_WITHDRAWAL_AMOUNT = _minWithdrawalAmount;
        WITHDRAWAL_NETWORK = _withdrawalNetwork;
    }

    receive() external payable { }

    function minWithdrawalAmount() public view returns (uint256) {
        return MIN_WITHDRAWAL_AMOUNT;
    }

    function recipient() public view returns (address) {
        return RECIPIENT;
    }

    function withdrawalNetwork() public view returns (WithdrawalNetwork) {
        return WITHDRAWAL_NETWORK;
    }

    /// @notice Sends the whole balance to RECIPIENT on its network. Anyone may call.
    function withdraw() external {
        uint256 value = address(this).balance;
        require(
            value >= MIN_WITHDRAWAL_AMOUNT,
            "FeeVault: withdrawal amount must be greater than minimum withdrawal amount"
        );
        totalProcessed += value;
        emit Withdrawal(value, RECIPIENT, msg.sender);
        emit Withdrawal(value, RECIPIENT, msg.sender, WITHDRAWAL_NETWORK);
        if (WITHDRAWAL_NETWORK == WithdrawalNetwork.L2) {
            bool ok = SafeCall.call(RECIPIENT, gasleft(), value, hex"");
            require(ok, "FeeVault: failed to send ETH to L2 fee recipient");
        } else {
            IFeeVaultMessagePasser(Predeploys.L2_TO_L1_MESSAGE_PASSER).initiateWithdrawal{ value: value }(
                RECIPIENT, WITHDRAWAL_MIN_GAS, hex""
            );
        }
    }
}
