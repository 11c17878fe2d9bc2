// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice What the L1 RootBridge reads of an identity manager (a Semaphore group or World ID's identity manager
///         stand-in): its latest Merkle root and the order in which roots were posted.
interface IIdentityRootSource {
    /// @notice The kind of tree change that produced a new root (World ID's TreeChange).
    enum TreeChange {
        Insertion,
        Deletion,
        Update
    }

    /// @notice A new root replaced `preRoot` (zero for the first root). Shaped like World ID's TreeChanged.
    event TreeChanged(bytes32 indexed preRoot, TreeChange indexed kind, bytes32 indexed postRoot);

    /// @notice The current root; zero before the first root is posted.
    function latestRoot() external view returns (bytes32);

    /// @notice 1-based position of `root` in posting order; zero for a root never posted.
    function rootIndex(bytes32 root) external view returns (uint256);

    /// @notice The root posted at a 1-based position; zero outside 1..rootCount.
    function rootAt(uint256 index) external view returns (bytes32);

    /// @notice When `root` was replaced by the next root (L1 block time); zero for the latest root or an unknown one.
    function supersededAt(bytes32 root) external view returns (uint256);
}
