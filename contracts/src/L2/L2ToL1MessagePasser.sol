// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Types } from "../libraries/Types.sol";
import { Hashing } from "../libraries/Hashing.sol";
import { Encoding } from "../libraries/Encoding.sol";

/// @notice Destroys the ETH it is created with: under Cancun (EIP-6780) SELFDESTRUCT in the creating transaction
///         still deletes the account, and sending the balance to itself burns it.
contract EthBurner {
    constructor() payable {
        assembly {
            selfdestruct(address())
        }
    }
}

/// @notice The withdrawal commitment store (0x4200…0016, protocol-reference 8.1): every withdrawal's hash is
///         recorded in `sentMessages` (slot 0), whose storage root is part of the output root, so L1 can verify a
///         withdrawal with a storage proof of slot keccak(hash ++ uint256(0)). Storage: slot 0 sentMessages,
///         slot 1 msgNonce (uint240).
contract L2ToL1MessagePasser {
    /// @notice The L1 gas limit of a withdrawal made by plainly sending ETH here.
    uint256 internal constant RECEIVE_DEFAULT_GAS_LIMIT = 100_000;

    uint16 public constant MESSAGE_VERSION = 1;

    string public constant version = "1.1.1-opsim";

    mapping(bytes32 => bool) public sentMessages;

    uint240 internal msgNonce;

    event MessagePassed(
        uint256 indexed nonce,
        address indexed sender,
        address indexed target,
        uint256 value,
        uint256 gasLimit,
        bytes data,
        bytes32 withdrawalHash
    );

    event WithdrawerBalanceBurnt(uint256 indexed amount);

    /// @notice Sending ETH here withdraws it to the sender's own address on L1.
    receive() external payable {
        initiateWithdrawal(msg.sender, RECEIVE_DEFAULT_GAS_LIMIT, bytes(""));
    }

    /// @notice Removes the withdrawn ETH that accumulates here from L2 (it is released on L1). Anyone may call.
    function burn() external {
        uint256 balance = address(this).balance;
        new EthBurner{ value: balance }();
        emit WithdrawerBalanceBurnt(balance);
    }

    /// @notice Starts a withdrawal of `msg.value` and a call of `_target` with `_data` on L1. Never reverts; the
    ///         sender is recorded as is (withdrawals are not aliased).
    function initiateWithdrawal(address _target, uint256 _gasLimit, bytes memory _data) public payable {
        uint256 nonce = messageNonce();
        bytes32 withdrawalHash = Hashing.hashWithdrawal(
            Types.WithdrawalTransaction({
                nonce: nonce,
                sender: msg.sender,
                target: _target,
                value: msg.value,
                gasLimit: _gasLimit,
                data: _data
            })
        );
        sentMessages[withdrawalHash] = true;
        emit MessagePassed(nonce, msg.sender, _target, msg.value, _gasLimit, _data, withdrawalHash);
        unchecked {
            ++msgNonce;
        }
    }

    /// @notice The nonce the next withdrawal gets, with MESSAGE_VERSION in its top two bytes.
    function messageNonce() public view returns (uint256) {
        return Encoding.encodeVersionedNonce(msgNonce, MESSAGE_VERSION);
    }
}
