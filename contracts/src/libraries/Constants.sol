// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Protocol-wide constants (protocol-reference 1.2).
library Constants {
    /// @notice tx.origin of gas estimation: relays revert instead of recording a failure.
    address internal constant ESTIMATION_ADDRESS = address(1);
    /// @notice "No cross-domain sender" sentinel of OptimismPortal.l2Sender and the messengers.
    address internal constant DEFAULT_L2_SENDER = 0x000000000000000000000000000000000000dEaD;
    /// @notice Sender of the L1 attributes deposit and of the GasPriceOracle upgrade calls.
    address internal constant DEPOSITOR_ACCOUNT = 0xDeaDDEaDDeAdDeAdDEAdDEaddeAddEAdDEAd0001;
    /// @notice ERC-1967 implementation slot: bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1).
    bytes32 internal constant PROXY_IMPLEMENTATION_ADDRESS =
        0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
    /// @notice ERC-1967 admin slot: bytes32(uint256(keccak256("eip1967.proxy.admin")) - 1).
    bytes32 internal constant PROXY_OWNER_ADDRESS =
        0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103;
}
