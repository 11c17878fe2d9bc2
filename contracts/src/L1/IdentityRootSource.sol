// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IIdentityRootSource} from "../root/IIdentityRootSource.sol";

/// @title IdentityRootSource
/// @notice A stand-in for a Semaphore / World ID identity manager on L1: an operator posts each new Merkle root of
///         the identity tree (the proof that the tree update is correct is out of scope here). It keeps every root's
///         posting order and the L1 time at which it was superseded, which the RootBridge and off-chain readers use.
contract IdentityRootSource is IIdentityRootSource {
    /// @notice One posted root. Timestamps fit in 64 bits, so a record is a single storage slot.
    struct RootRecord {
        uint64 index;
        uint64 postedAt;
        uint64 supersededAt;
    }

    event OperatorTransferStarted(address indexed previousOperator, address indexed newOperator);
    event OperatorTransferred(address indexed previousOperator, address indexed newOperator);

    error NotOperator(address caller);
    error NotPendingOperator(address caller);
    error ZeroAddress();
    error ZeroRoot();
    error RootAlreadyKnown(bytes32 root);
    /// @notice The update was computed against `given` but the tree is at `latest` (another update landed first).
    error PreRootMismatch(bytes32 latest, bytes32 given);

    address public operator;
    address public pendingOperator;
    bytes32 public latestRoot;
    /// @notice How many roots were posted; roots are numbered 1..rootCount in posting order.
    uint256 public rootCount;
    /// @notice The root posted at a 1-based position (zero outside 1..rootCount).
    mapping(uint256 => bytes32) public rootAt;
    mapping(bytes32 => RootRecord) internal records;

    modifier onlyOperator() {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        _;
    }

    /// @param initialOperator the account allowed to post roots.
    /// @param initialRoot the root of the initial tree (e.g. the empty tree), or zero to start without a root.
    constructor(address initialOperator, bytes32 initialRoot) {
        if (initialOperator == address(0)) revert ZeroAddress();
        operator = initialOperator;
        emit OperatorTransferred(address(0), initialOperator);
        if (initialRoot != bytes32(0)) {
            _post(bytes32(0), initialRoot, TreeChange.Insertion);
        }
    }

    /// @notice Replaces the latest root `preRoot` with `postRoot`. Like World ID's registerIdentities, the update
    ///         names the root it was computed against, so two racing updates cannot silently overwrite each other.
    ///         A root can be posted only once: the bridge and the L2 registry identify roots by value.
    function updateRoot(bytes32 preRoot, bytes32 postRoot, TreeChange kind) external onlyOperator {
        if (preRoot != latestRoot) revert PreRootMismatch(latestRoot, preRoot);
        if (postRoot == bytes32(0)) revert ZeroRoot();
        if (records[postRoot].index != 0) revert RootAlreadyKnown(postRoot);
        _post(preRoot, postRoot, kind);
    }

    function rootIndex(bytes32 root) external view returns (uint256) {
        return records[root].index;
    }

    function supersededAt(bytes32 root) external view returns (uint256) {
        return records[root].supersededAt;
    }

    /// @notice Whether `root` was ever posted here.
    function isKnownRoot(bytes32 root) external view returns (bool) {
        return records[root].index != 0;
    }

    /// @notice Everything recorded about `root`; all zero for a root never posted.
    function rootInfo(bytes32 root) external view returns (uint256 index, uint256 postedAt, uint256 supersededAt_) {
        RootRecord memory record = records[root];
        return (record.index, record.postedAt, record.supersededAt);
    }

    /// @notice First step of an operator change; the new operator must accept. Zero cancels a pending change.
    function transferOperator(address newOperator) external onlyOperator {
        pendingOperator = newOperator;
        emit OperatorTransferStarted(operator, newOperator);
    }

    function acceptOperator() external {
        if (msg.sender != pendingOperator || msg.sender == address(0)) revert NotPendingOperator(msg.sender);
        emit OperatorTransferred(operator, msg.sender);
        operator = msg.sender;
        pendingOperator = address(0);
    }

    function _post(bytes32 preRoot, bytes32 postRoot, TreeChange kind) private {
        if (preRoot != bytes32(0)) {
            records[preRoot].supersededAt = uint64(block.timestamp);
        }
        uint256 index = rootCount + 1;
        rootCount = index;
        rootAt[index] = postRoot;
        records[postRoot] = RootRecord(uint64(index), uint64(block.timestamp), 0);
        latestRoot = postRoot;
        emit TreeChanged(preRoot, kind, postRoot);
    }
}
