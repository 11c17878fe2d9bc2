// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ICrossDomainMessenger} from "../universal/ICrossDomainMessenger.sol";
import {Predeploys} from "../libraries/Predeploys.sol";
import {IRootRegistry} from "../root/IRootRegistry.sol";

/// @title RootRegistry
/// @notice The L2 replica of an L1 identity source's Merkle roots, fed by the L1 RootBridge through the
///         L2CrossDomainMessenger. Verifiers on L2 ask isValidRoot / requireValidRoot.
/// @dev Validity: the latest root is always valid; an older root stays valid while
///      block.timestamp <= supersededAt + rootHistoryExpiry (inclusive), and with an expiry of zero only the latest
///      root is valid. The expiry is read at query time, so changing it applies to every stored root at once.
///
///      Supersession time is the L1 timestamp carried by the message that superseded the root, not the L2 block time
///      at which the message ran. The message can run late (a failed relay replayed hours later, a sequencer
///      backlog); with L2 arrival time such a delay would silently extend the old root's life, while the carried L1
///      time makes the window depend only on when L1 replaced the root, the same in every replica and on every
///      replay. The comparison is against L2 block.timestamp, which the OP Stack keeps at or after its L1 origin's.
///
///      Ownership follows the OP Stack's CrossDomainOwnable3: the owner is an L2 account (isLocal) or an L1 account
///      (typically the RootBridge) whose calls arrive through the L2 messenger.
contract RootRegistry is IRootRegistry {
    uint256 public constant DEFAULT_ROOT_HISTORY_EXPIRY = 1 weeks;

    /// @notice What the registry knows of one root; sequence is never zero for a received root. One storage slot,
    ///         so a root message costs one fresh word plus updates (it fits the bridge's default per-root gas).
    struct RootRecord {
        uint64 sequence;
        uint64 addedAt;
        uint64 supersededAt;
    }

    address internal immutable ROOT_BRIDGE;

    address public owner;
    /// @notice Whether the owner is an L2 account (true) or an L1 account acting through the messenger (false).
    bool public isLocal;
    bytes32 public latestRoot;
    /// @notice Seconds an older root stays valid after being superseded.
    uint256 public rootHistoryExpiry;
    mapping(bytes32 => RootRecord) internal records;

    /// @param rootBridge_ the L1 RootBridge, the only accepted cross-domain sender of roots.
    /// @param initialOwner the owner: an L2 account if `initialOwnerIsLocal`, else an L1 account (e.g. the bridge).
    constructor(address rootBridge_, address initialOwner, bool initialOwnerIsLocal) {
        if (rootBridge_ == address(0) || initialOwner == address(0)) revert ZeroAddress();
        ROOT_BRIDGE = rootBridge_;
        owner = initialOwner;
        isLocal = initialOwnerIsLocal;
        rootHistoryExpiry = DEFAULT_ROOT_HISTORY_EXPIRY;
        emit OwnershipTransferred(address(0), initialOwner, initialOwnerIsLocal);
        emit RootHistoryExpirySet(0, DEFAULT_ROOT_HISTORY_EXPIRY);
    }

    modifier onlyRootBridge() {
        if (msg.sender != Predeploys.L2_CROSS_DOMAIN_MESSENGER) revert CallerNotMessenger(msg.sender);
        address sender = ICrossDomainMessenger(Predeploys.L2_CROSS_DOMAIN_MESSENGER).xDomainMessageSender();
        if (sender != ROOT_BRIDGE) revert NotFromRootBridge(sender);
        _;
    }

    modifier onlyOwner() {
        if (isLocal) {
            if (msg.sender != owner) revert CallerNotOwner(msg.sender);
        } else {
            if (msg.sender != Predeploys.L2_CROSS_DOMAIN_MESSENGER) revert CallerNotMessenger(msg.sender);
            address sender = ICrossDomainMessenger(Predeploys.L2_CROSS_DOMAIN_MESSENGER).xDomainMessageSender();
            if (sender != owner) revert CallerNotOwner(sender);
        }
        _;
    }

    /// @notice The latest root's sequence number (zero before the first root); every new root needs a higher one.
    function latestSequence() public view returns (uint256) {
        return records[latestRoot].sequence;
    }

    function rootBridge() external view returns (address) {
        return ROOT_BRIDGE;
    }

    function messenger() external pure returns (address) {
        return Predeploys.L2_CROSS_DOMAIN_MESSENGER;
    }

    /// @notice Makes `root` the latest root. Reverts for the zero root, a root already received, or a sequence not
    ///         above the latest root's (so a replayed old message can never roll the latest root back).
    function receiveRoot(bytes32 root, uint256 l1Timestamp, uint256 sequence) external onlyRootBridge {
        _addRoot(root, l1Timestamp, sequence);
    }

    /// @notice receiveRoot for each root in order, with sequences firstSequence, firstSequence + 1, ...; the whole
    ///         batch is refused if any root is.
    function receiveRoots(bytes32[] calldata roots, uint256 l1Timestamp, uint256 firstSequence)
        external
        onlyRootBridge
    {
        if (roots.length == 0) revert EmptyBatch();
        for (uint256 i = 0; i < roots.length; i++) {
            _addRoot(roots[i], l1Timestamp, firstSequence + i);
        }
    }

    function isValidRoot(bytes32 root) external view returns (bool) {
        return _validity(root) == Validity.Valid;
    }

    /// @notice Returns if `root` is valid; reverts NonExistentRoot or ExpiredRoot otherwise.
    function requireValidRoot(bytes32 root) external view {
        Validity validity = _validity(root);
        if (validity == Validity.NonExistent) revert NonExistentRoot();
        if (validity == Validity.Expired) revert ExpiredRoot();
    }

    /// @notice The root's sequence, the L1 time of the message that added it and the L1 time of the message that
    ///         superseded it (zero while it is the latest); all zero for an unknown root.
    function rootInfo(bytes32 root) external view returns (uint256 sequence, uint256 addedAt, uint256 supersededAt_) {
        RootRecord memory record = records[root];
        return (record.sequence, record.addedAt, record.supersededAt);
    }

    /// @notice L1 time at which `root` was superseded; zero for the latest root or an unknown one.
    function supersededAt(bytes32 root) external view returns (uint256) {
        return records[root].supersededAt;
    }

    /// @notice Sets how long superseded roots stay valid (seconds); zero leaves only the latest root valid.
    function setRootHistoryExpiry(uint256 expiry) external onlyOwner {
        emit RootHistoryExpirySet(rootHistoryExpiry, expiry);
        rootHistoryExpiry = expiry;
    }

    /// @notice Hands ownership to `newOwner`: an L2 account if `isLocal_`, else an L1 account whose calls come
    ///         through the L2 messenger. Single step, as an L1 owner could not easily accept.
    function transferOwnership(address newOwner, bool isLocal_) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        emit OwnershipTransferred(owner, newOwner, isLocal_);
        owner = newOwner;
        isLocal = isLocal_;
    }

    enum Validity {
        Valid,
        NonExistent,
        Expired
    }

    function _addRoot(bytes32 root, uint256 l1Timestamp, uint256 sequence) private {
        if (root == bytes32(0)) revert ZeroRoot();
        if (records[root].sequence != 0) revert RootAlreadyKnown(root);
        bytes32 previous = latestRoot;
        uint256 latest = records[previous].sequence;
        if (sequence <= latest) revert StaleSequence(sequence, latest);
        if (sequence > type(uint64).max) revert Uint64Overflow(sequence);
        if (l1Timestamp > type(uint64).max) revert Uint64Overflow(l1Timestamp);
        if (previous != bytes32(0)) {
            records[previous].supersededAt = uint64(l1Timestamp);
        }
        records[root] = RootRecord(uint64(sequence), uint64(l1Timestamp), 0);
        latestRoot = root;
        emit RootAdded(root, previous, sequence, l1Timestamp);
    }

    function _validity(bytes32 root) private view returns (Validity) {
        if (root == bytes32(0)) return Validity.NonExistent;
        if (root == latestRoot) return Validity.Valid;
        RootRecord storage record = records[root];
        if (record.sequence == 0) return Validity.NonExistent;
        uint256 expiry = rootHistoryExpiry;
        if (expiry == 0) return Validity.Expired;
        uint256 superseded = record.supersededAt;
        // Subtract rather than add: an expiry of type(uint256).max ("never") must not overflow.
        if (block.timestamp > superseded && block.timestamp - superseded > expiry) return Validity.Expired;
        return Validity.Valid;
    }
}
