// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice What contracts on either side use of a CrossDomainMessenger (the OP Stack's public interface).
interface ICrossDomainMessenger {
    event SentMessage(address indexed target, address sender, bytes message, uint256 messageNonce, uint256 gasLimit);
    event SentMessageExtension1(address indexed sender, uint256 value);
    event RelayedMessage(bytes32 indexed msgHash);
    event FailedRelayedMessage(bytes32 indexed msgHash);

    /// @notice Sends `_message` to `_target` on the other chain with at least `_minGasLimit` gas for the call.
    function sendMessage(address _target, bytes calldata _message, uint32 _minGasLimit) external payable;

    /// @notice The sender on the other chain of the message being relayed; reverts outside a relay.
    function xDomainMessageSender() external view returns (address);

    /// @notice The versioned nonce the next sent message gets.
    function messageNonce() external view returns (uint256);
}
