// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice The L2 RootRegistry's interface: the messages the L1 RootBridge sends it, the validity queries, and its
///         events and errors (shared so the bridge encodes its calls against one definition).
interface IRootRegistry {
    /// @notice `root` became the latest root with `sequence`; `previousRoot` (zero if none) was superseded at
    ///         `l1Timestamp`, the L1 time carried by the message.
    event RootAdded(bytes32 indexed root, bytes32 indexed previousRoot, uint256 indexed sequence, uint256 l1Timestamp);
    event RootHistoryExpirySet(uint256 previousExpiry, uint256 newExpiry);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner, bool isLocal);

    /// @notice A root message did not come from the L2 messenger, or an admin call for a cross-domain owner did not.
    error CallerNotMessenger(address caller);
    /// @notice A root message relayed by the messenger whose L1 sender is not the RootBridge.
    error NotFromRootBridge(address xDomainSender);
    /// @notice An admin call whose (local or cross-domain) sender is not the owner.
    error CallerNotOwner(address caller);
    error ZeroAddress();
    error ZeroRoot();
    error EmptyBatch();
    error RootAlreadyKnown(bytes32 root);
    /// @notice A root whose sequence is not above the latest root's: an old (e.g. replayed) message.
    error StaleSequence(uint256 sequence, uint256 latestSequence);
    /// @notice A sequence or L1 timestamp beyond 64 bits (the registry stores them packed; the bridge never sends one).
    error Uint64Overflow(uint256 value);
    /// @notice requireValidRoot: the root was never received.
    error NonExistentRoot();
    /// @notice requireValidRoot: the root was superseded longer than the expiry window ago.
    error ExpiredRoot();

    function receiveRoot(bytes32 root, uint256 l1Timestamp, uint256 sequence) external;

    function receiveRoots(bytes32[] calldata roots, uint256 l1Timestamp, uint256 firstSequence) external;

    function setRootHistoryExpiry(uint256 expiry) external;

    function transferOwnership(address newOwner, bool isLocal) external;

    function latestRoot() external view returns (bytes32);

    function isValidRoot(bytes32 root) external view returns (bool);

    function requireValidRoot(bytes32 root) external view;
}
