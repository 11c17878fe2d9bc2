// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice TEST ONLY. A stand-in for a CrossDomainMessenger for the root bridge's unit tests: sendMessage records
///         the message as the real messenger's SentMessage event does, and relay() delivers a message as the other
///         side's messenger would (xDomainMessageSender set for the duration of the call), bubbling up the target's
///         revert data so tests see the target's typed errors. No constructor and no immutables, so its runtime code
///         can be placed at the L2 messenger's predeploy address.
contract RootBridgeTestMessenger {
    event SentMessage(address indexed target, address sender, bytes message, uint256 messageNonce, uint256 gasLimit);

    uint256 public messageNonce;
    address internal crossDomainSender;

    function sendMessage(address target, bytes calldata message, uint32 minGasLimit) external payable {
        emit SentMessage(target, msg.sender, message, messageNonce, minGasLimit);
        messageNonce++;
    }

    function xDomainMessageSender() external view returns (address) {
        require(crossDomainSender != address(0), "RootBridgeTestMessenger: xDomainMessageSender is not set");
        return crossDomainSender;
    }

    /// @notice Calls `target` with `message` and exactly `gasLimit` gas (the minimum a real relay gives), so a test
    ///         relaying with the sent message's gas limit shows that limit suffices.
    function relay(address sender, address target, bytes calldata message, uint256 gasLimit) external {
        require(gasleft() > gasLimit + 10_000, "RootBridgeTestMessenger: relay needs more gas than the limit");
        crossDomainSender = sender;
        (bool success, bytes memory returned) = target.call{gas: gasLimit}(message);
        crossDomainSender = address(0);
        if (!success) {
            assembly {
                revert(add(returned, 32), mload(returned))
            }
        }
    }
}
