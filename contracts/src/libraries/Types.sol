// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Structs shared by the L1 and L2 contracts (protocol-reference 9).
library Types {
    /// @notice An L2 output proposed to the L2OutputOracle.
    struct OutputProposal {
        bytes32 outputRoot;
        uint128 timestamp;
        uint128 l2BlockNumber;
    }

    /// @notice The preimage of an output root (version 0).
    struct OutputRootProof {
        bytes32 version;
        bytes32 stateRoot;
        bytes32 messagePasserStorageRoot;
        bytes32 latestBlockhash;
    }

    /// @notice A withdrawal as L2ToL1MessagePasser records it and OptimismPortal proves and finalizes it.
    struct WithdrawalTransaction {
        uint256 nonce;
        address sender;
        address target;
        uint256 value;
        uint256 gasLimit;
        bytes data;
    }
}
