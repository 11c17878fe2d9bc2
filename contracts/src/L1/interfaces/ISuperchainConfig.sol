// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice What other contracts use of SuperchainConfig (protocol-reference 12.4).
interface ISuperchainConfig {
    event Paused(string identifier);
    event Unpaused();

    function guardian() external view returns (address);
    function paused() external view returns (bool);
    function pause(string memory _identifier) external;
    function unpause() external;
}
