// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Types } from "./Types.sol";
import { Encoding } from "./Encoding.sol";

/// @notice Hashes of messages, withdrawals and output roots (protocol-reference 8, 9).
library Hashing {
    /// @notice The hash a messenger records a message under, by its nonce's version.
    function hashCrossDomainMessage(
        uint256 _nonce,
        address _sender,
        address _target,
        uint256 _value,
        uint256 _gasLimit,
        bytes memory _data
    ) internal pure returns (bytes32) {
        (, uint16 version) = Encoding.decodeVersionedNonce(_nonce);
        if (version == 0) {
            return hashCrossDomainMessageV0(_target, _sender, _data, _nonce);
        } else if (version == 1) {
            return hashCrossDomainMessageV1(_nonce, _sender, _target, _value, _gasLimit, _data);
        }
        revert Encoding.UnknownMessageVersion(version);
    }

    function hashCrossDomainMessageV0(address _target, address _sender, bytes memory _data, uint256 _nonce)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(Encoding.encodeCrossDomainMessageV0(_target, _sender, _data, _nonce));
    }

    function hashCrossDomainMessageV1(
        uint256 _nonce,
        address _sender,
        address _target,
        uint256 _value,
        uint256 _gasLimit,
        bytes memory _data
    ) internal pure returns (bytes32) {
        return keccak256(Encoding.encodeCrossDomainMessageV1(_nonce, _sender, _target, _value, _gasLimit, _data));
    }

    /// @notice keccak256(abi.encode(nonce, sender, target, value, gasLimit, data)).
    function hashWithdrawal(Types.WithdrawalTransaction memory _tx) internal pure returns (bytes32) {
        return keccak256(abi.encode(_tx.nonce, _tx.sender, _tx.target, _tx.value, _tx.gasLimit, _tx.data));
    }

    /// @notice Output root v0: keccak256(version ++ stateRoot ++ messagePasserStorageRoot ++ latestBlockhash).
    function hashOutputRootProof(Types.OutputRootProof memory _proof) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(_proof.version, _proof.stateRoot, _proof.messagePasserStorageRoot, _proof.latestBlockhash)
        );
    }
}
