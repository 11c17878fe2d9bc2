// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ICrossDomainMessenger} from "../universal/ICrossDomainMessenger.sol";
import {IIdentityRootSource} from "../root/IIdentityRootSource.sol";
import {IRootRegistry} from "../root/IRootRegistry.sol";

/// @title RootBridge
/// @notice Replicates an L1 identity source's Merkle roots to one L2's RootRegistry through the L1
///         CrossDomainMessenger. Anyone may propagate (the roots come from the source, not the caller); the owner
///         tunes the message gas limits and forwards admin calls to the registry when the registry is owned by this
///         bridge across domains.
/// @dev Roots leave in the source's posting order: every propagated root must come after the last one propagated.
///      The registry orders roots by the sequence numbers given here, so this keeps the L2's latest root from ever
///      being a root the source had already replaced by one the L2 knows (e.g. propagateRoots([older]) after
///      propagateRoot() sent a newer root).
contract RootBridge {
    /// @notice Default L2 gas per root in a root message, and for each forwarded admin message. A root costs the
    ///         registry three fresh storage words (~70k gas) plus the checks.
    uint32 public constant DEFAULT_GAS_LIMIT = 100_000;

    event RootPropagated(bytes32 indexed root, uint256 indexed sequence, uint256 l1Timestamp);
    event GasLimitPropagateRootSet(uint32 gasLimit);
    event GasLimitSetRootHistoryExpirySet(uint32 gasLimit);
    event GasLimitTransferRegistryOwnershipSet(uint32 gasLimit);
    event RootHistoryExpiryForwarded(uint256 expiry);
    event RegistryOwnershipTransferForwarded(address indexed newOwner, bool isLocal);
    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    error ZeroAddress();
    error GasLimitZero();
    error CannotRenounceOwnership();
    error CallerNotOwner(address caller);
    error CallerNotPendingOwner(address caller);
    /// @notice propagateRoot: the source has no root yet.
    error NoRoot();
    /// @notice propagateRoot: the source's latest root was already propagated.
    error RootAlreadyPropagated(bytes32 root);
    error EmptyBatch();
    /// @notice propagateRoots: the source never posted `root`.
    error UnknownRoot(bytes32 root);
    /// @notice propagateRoots: `root` does not come after the last propagated root in the source's order
    ///         (already propagated, out of order, or repeated in the batch).
    error RootOutOfOrder(bytes32 root);
    /// @notice propagateRoots: the batch's gas (per-root limit times roots) does not fit the messenger's uint32.
    error BatchTooLarge(uint256 roots);

    ICrossDomainMessenger internal immutable MESSENGER;
    IIdentityRootSource internal immutable SOURCE;
    address internal immutable REGISTRY;

    address public owner;
    address public pendingOwner;

    /// @notice L2 gas limit per root of a root message (a batch of n roots gets n times this).
    uint32 public gasLimitPropagateRoot;
    uint32 public gasLimitSetRootHistoryExpiry;
    uint32 public gasLimitTransferRegistryOwnership;

    /// @notice Sequence number of the last root sent; the next root gets lastSequence + 1 (the first gets 1).
    uint256 public lastSequence;
    /// @notice The source's rootIndex of the last root sent; zero before the first.
    uint256 public lastPropagatedIndex;

    modifier onlyOwner() {
        if (msg.sender != owner) revert CallerNotOwner(msg.sender);
        _;
    }

    /// @param messenger_ the L1CrossDomainMessenger (its proxy) of the L2 the registry lives on.
    /// @param source_ the L1 identity root source.
    /// @param registry_ the RootRegistry on L2.
    /// @param initialOwner the owner (not the deployer, so a genesis builder can deploy for someone else).
    constructor(address messenger_, address source_, address registry_, address initialOwner) {
        if (messenger_ == address(0) || source_ == address(0) || registry_ == address(0) || initialOwner == address(0)) {
            revert ZeroAddress();
        }
        MESSENGER = ICrossDomainMessenger(messenger_);
        SOURCE = IIdentityRootSource(source_);
        REGISTRY = registry_;
        owner = initialOwner;
        gasLimitPropagateRoot = DEFAULT_GAS_LIMIT;
        gasLimitSetRootHistoryExpiry = DEFAULT_GAS_LIMIT;
        gasLimitTransferRegistryOwnership = DEFAULT_GAS_LIMIT;
        emit OwnershipTransferred(address(0), initialOwner);
    }

    function messenger() external view returns (address) {
        return address(MESSENGER);
    }

    function source() external view returns (address) {
        return address(SOURCE);
    }

    function rootRegistry() external view returns (address) {
        return REGISTRY;
    }

    /// @notice Sends the source's latest root, as read now, to the L2 registry with this block's timestamp and the
    ///         next sequence number. Permissionless.
    function propagateRoot() external {
        bytes32 root = SOURCE.latestRoot();
        if (root == bytes32(0)) revert NoRoot();
        uint256 index = SOURCE.rootIndex(root);
        if (index <= lastPropagatedIndex) revert RootAlreadyPropagated(root);
        lastPropagatedIndex = index;
        uint256 sequence = lastSequence + 1;
        lastSequence = sequence;
        MESSENGER.sendMessage(
            REGISTRY, abi.encodeCall(IRootRegistry.receiveRoot, (root, block.timestamp, sequence)), gasLimitPropagateRoot
        );
        emit RootPropagated(root, sequence, block.timestamp);
    }

    /// @notice Sends several roots of the source in one message, in the given order with ascending sequence numbers;
    ///         the last becomes the L2's latest root. Each must be known to the source and come after the previous
    ///         one (and after the last root propagated) in the source's order. Permissionless.
    function propagateRoots(bytes32[] calldata roots) external {
        uint256 count = roots.length;
        if (count == 0) revert EmptyBatch();
        uint256 gasLimit = uint256(gasLimitPropagateRoot) * count;
        if (gasLimit > type(uint32).max) revert BatchTooLarge(count);
        uint256 last = lastPropagatedIndex;
        for (uint256 i = 0; i < count; i++) {
            uint256 index = SOURCE.rootIndex(roots[i]);
            if (index == 0) revert UnknownRoot(roots[i]);
            if (index <= last) revert RootOutOfOrder(roots[i]);
            last = index;
        }
        lastPropagatedIndex = last;
        uint256 firstSequence = lastSequence + 1;
        lastSequence = lastSequence + count;
        MESSENGER.sendMessage(
            REGISTRY,
            abi.encodeCall(IRootRegistry.receiveRoots, (roots, block.timestamp, firstSequence)),
            uint32(gasLimit)
        );
        for (uint256 i = 0; i < count; i++) {
            emit RootPropagated(roots[i], firstSequence + i, block.timestamp);
        }
    }

    /// @notice The root last sent to L2 (zero before the first).
    function lastPropagatedRoot() external view returns (bytes32) {
        uint256 index = lastPropagatedIndex;
        if (index == 0) return bytes32(0);
        return SOURCE.rootAt(index);
    }

    // ---- cross-domain administration of the registry (effective while the registry's owner is this bridge) ----

    /// @notice Sets the registry's root history expiry on L2 (seconds; zero: only the latest root is valid).
    function setRootHistoryExpiry(uint256 expiry) external onlyOwner {
        MESSENGER.sendMessage(
            REGISTRY, abi.encodeCall(IRootRegistry.setRootHistoryExpiry, (expiry)), gasLimitSetRootHistoryExpiry
        );
        emit RootHistoryExpiryForwarded(expiry);
    }

    /// @notice Hands the registry's ownership to `newOwner`, an L2 account (isLocal) or an L1 account acting through
    ///         the messengers.
    function transferRegistryOwnership(address newOwner, bool isLocal) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        MESSENGER.sendMessage(
            REGISTRY, abi.encodeCall(IRootRegistry.transferOwnership, (newOwner, isLocal)), gasLimitTransferRegistryOwnership
        );
        emit RegistryOwnershipTransferForwarded(newOwner, isLocal);
    }

    // ---- gas limits: a zero limit would make every message fail on L2, so it is refused ----

    function setGasLimitPropagateRoot(uint32 gasLimit) external onlyOwner {
        if (gasLimit == 0) revert GasLimitZero();
        gasLimitPropagateRoot = gasLimit;
        emit GasLimitPropagateRootSet(gasLimit);
    }

    function setGasLimitSetRootHistoryExpiry(uint32 gasLimit) external onlyOwner {
        if (gasLimit == 0) revert GasLimitZero();
        gasLimitSetRootHistoryExpiry = gasLimit;
        emit GasLimitSetRootHistoryExpirySet(gasLimit);
    }

    function setGasLimitTransferRegistryOwnership(uint32 gasLimit) external onlyOwner {
        if (gasLimit == 0) revert GasLimitZero();
        gasLimitTransferRegistryOwnership = gasLimit;
        emit GasLimitTransferRegistryOwnershipSet(gasLimit);
    }

    // ---- two-step ownership; an ownerless bridge could never fix its gas limits, so renouncing is refused ----

    /// @notice Starts a transfer; `newOwner` must call acceptOwnership. Zero cancels a pending transfer.
    function transferOwnership(address newOwner) external onlyOwner {
        pendingOwner = newOwner;
        emit OwnershipTransferStarted(owner, newOwner);
    }

    function acceptOwnership() external {
        if (msg.sender != pendingOwner || msg.sender == address(0)) revert CallerNotPendingOwner(msg.sender);
        emit OwnershipTransferred(owner, msg.sender);
        owner = msg.sender;
        pendingOwner = address(0);
    }

    function renounceOwnership() external pure {
        revert CannotRenounceOwnership();
    }
}
