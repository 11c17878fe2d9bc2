// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { AddressAliasHelper } from "../libraries/AddressAliasHelper.sol";
import { Constants } from "../libraries/Constants.sol";
import { Hashing } from "../libraries/Hashing.sol";
import { SafeCall } from "../libraries/SafeCall.sol";
import { Types } from "../libraries/Types.sol";
import { SecureMerkleTrie } from "../libraries/trie/SecureMerkleTrie.sol";
import { L2OutputOracle } from "./L2OutputOracle.sol";
import { SuperchainConfig } from "./SuperchainConfig.sol";
import { SystemConfig } from "./SystemConfig.sol";

/// @notice The L1 end of an OP chain, L2OutputOracle era (before fault proofs): deposits become
///         `TransactionDeposited` events that derivation turns into L2 deposit transactions (protocol-reference 3),
///         and withdrawals recorded by L2ToL1MessagePasser are proven against an output root with a storage proof,
///         then finalized after the finalization period (protocol-reference 8.2, 8.3, 8.5).
/// @dev    Storage follows the OP Stack's OptimismPortal 2.x: slot 0 initializer state, 1 resource-metering
///         params, 2-49 gap, 50 l2Sender, 51 finalizedWithdrawals, 52 provenWithdrawals, 53 (spacer byte,
///         superchainConfig), 54 l2Oracle, 55 systemConfig. Deposit gas is capped per L1 block by
///         SystemConfig.resourceConfig().maxResourceLimit; unlike the OP Stack, no L1 gas is burnt to pay for it.
///         Proxied: the constructor locks the implementation.
contract OptimismPortal {
    /// @notice A withdrawal proven against the output at `l2OutputIndex` whose root was `outputRoot`.
    struct ProvenWithdrawal {
        bytes32 outputRoot;
        uint128 timestamp;
        uint128 l2OutputIndex;
    }

    /// @notice The deposit gas bought in the current L1 block (OP's ResourceMetering.ResourceParams layout).
    struct ResourceParams {
        uint128 prevBaseFee;
        uint64 prevBoughtGas;
        uint64 prevBlockNum;
    }

    /// @notice TransactionDeposited version (protocol-reference 3: only 0 is defined).
    uint256 internal constant DEPOSIT_VERSION = 0;
    /// @notice The L2 gas limit of a deposit made by sending ETH to the portal.
    uint64 internal constant RECEIVE_DEFAULT_GAS_LIMIT = 100_000;
    /// @notice Deposit calldata limit (fits the p2p 128 KiB policy).
    uint256 internal constant MAX_DEPOSIT_DATA = 120_000;

    string public constant version = "2.5.0";

    uint8 private initializedVersion;
    bool private initializing;
    ResourceParams public params;
    uint256[48] private spacerResourceMetering;

    /// @notice The L2 sender of the withdrawal being finalized; DEFAULT_L2_SENDER outside a finalization.
    address public l2Sender;
    mapping(bytes32 => bool) public finalizedWithdrawals;
    mapping(bytes32 => ProvenWithdrawal) public provenWithdrawals;
    bool private spacerPaused;
    SuperchainConfig public superchainConfig;
    L2OutputOracle public l2Oracle;
    SystemConfig public systemConfig;

    event TransactionDeposited(address indexed from, address indexed to, uint256 indexed version, bytes opaqueData);
    event WithdrawalProven(bytes32 indexed withdrawalHash, address indexed from, address indexed to);
    event WithdrawalFinalized(bytes32 indexed withdrawalHash, bool success);
    event Initialized(uint8 version);

    modifier whenNotPaused() {
        require(!paused(), "OptimismPortal: paused");
        _;
    }

    constructor() {
        initialize(L2OutputOracle(address(0)), SystemConfig(address(0)), SuperchainConfig(address(0)));
    }

    /// @notice Wires the portal to its oracle and configs. Once per storage (proxy or implementation).
    function initialize(L2OutputOracle _l2Oracle, SystemConfig _systemConfig, SuperchainConfig _superchainConfig)
        public
    {
        require(initializedVersion == 0 && !initializing, "Initializable: contract is already initialized");
        initializedVersion = 1;
        l2Oracle = _l2Oracle;
        systemConfig = _systemConfig;
        superchainConfig = _superchainConfig;
        if (l2Sender == address(0)) {
            l2Sender = Constants.DEFAULT_L2_SENDER;
        }
        if (params.prevBlockNum == 0) {
            params = ResourceParams({ prevBaseFee: 1 gwei, prevBoughtGas: 0, prevBlockNum: uint64(block.number) });
        }
        emit Initialized(1);
    }

    // Legacy upper-case getters, still read by tools.
    function L2_ORACLE() external view returns (L2OutputOracle) {
        return l2Oracle;
    }

    function SYSTEM_CONFIG() external view returns (SystemConfig) {
        return systemConfig;
    }

    function GUARDIAN() external view returns (address) {
        return guardian();
    }

    function guardian() public view returns (address) {
        return superchainConfig.guardian();
    }

    function paused() public view returns (bool) {
        return superchainConfig.paused();
    }

    /// @notice The least L2 gas a deposit with `_byteCount` bytes of data must buy: 16 per byte + 21,000
    ///         (the L2OutputOracle-era rule, protocol-reference 3 and 14.7).
    function minimumGasLimit(uint64 _byteCount) public pure returns (uint64) {
        return _byteCount * 16 + 21_000;
    }

    /// @notice Sending ETH deposits it to the sender on L2 (aliased if the sender is a contract).
    receive() external payable {
        depositTransaction(msg.sender, msg.value, RECEIVE_DEFAULT_GAS_LIMIT, false, bytes(""));
    }

    /// @notice Accepts ETH without a deposit.
    function donateETH() external payable { }

    /// @notice Emits the deposit for derivation. `msg.value` is minted on L2, `_value` sent to `_to` (or used as
    ///         the endowment of a creation, where `_to` must be zero). A contract caller appears on L2 aliased.
    function depositTransaction(address _to, uint256 _value, uint64 _gasLimit, bool _isCreation, bytes memory _data)
        public
        payable
    {
        if (_isCreation) {
            require(_to == address(0), "OptimismPortal: must send to address(0) when creating a contract");
        }
        require(_gasLimit >= minimumGasLimit(uint64(_data.length)), "OptimismPortal: gas limit too small");
        require(_data.length <= MAX_DEPOSIT_DATA, "OptimismPortal: data too large");
        _buyGas(_gasLimit);

        address from = msg.sender;
        if (msg.sender != tx.origin) {
            from = AddressAliasHelper.applyL1ToL2Alias(msg.sender);
        }
        bytes memory opaqueData = abi.encodePacked(msg.value, _value, _gasLimit, _isCreation, _data);
        emit TransactionDeposited(from, _to, DEPOSIT_VERSION, opaqueData);
    }

    /// @notice Proves that L2ToL1MessagePasser recorded `_tx` (sentMessages[hash] == true) in the L2 state of the
    ///         output at `_l2OutputIndex`. A withdrawal proven once may be proven again only if that output's root
    ///         has since changed (deleted and re-proposed), so nobody can restart another's finalization clock.
    function proveWithdrawalTransaction(
        Types.WithdrawalTransaction memory _tx,
        uint256 _l2OutputIndex,
        Types.OutputRootProof calldata _outputRootProof,
        bytes[] calldata _withdrawalProof
    ) external whenNotPaused {
        require(_tx.target != address(this), "OptimismPortal: you cannot send messages to the portal contract");

        bytes32 outputRoot = l2Oracle.getL2Output(_l2OutputIndex).outputRoot;
        require(outputRoot == Hashing.hashOutputRootProof(_outputRootProof), "OptimismPortal: invalid output root proof");

        bytes32 withdrawalHash = Hashing.hashWithdrawal(_tx);
        ProvenWithdrawal memory proven = provenWithdrawals[withdrawalHash];
        require(
            proven.timestamp == 0 || l2Oracle.getL2Output(proven.l2OutputIndex).outputRoot != proven.outputRoot,
            "OptimismPortal: withdrawal hash has already been proven"
        );

        // sentMessages is the message passer's slot-0 mapping (protocol-reference 8.2); `true` is stored as RLP 0x01.
        bytes32 storageKey = keccak256(abi.encode(withdrawalHash, uint256(0)));
        require(
            SecureMerkleTrie.verifyInclusionProof(
                abi.encode(storageKey), hex"01", _withdrawalProof, _outputRootProof.messagePasserStorageRoot
            ),
            "OptimismPortal: invalid withdrawal inclusion proof"
        );

        provenWithdrawals[withdrawalHash] = ProvenWithdrawal({
            outputRoot: outputRoot,
            timestamp: uint128(block.timestamp),
            l2OutputIndex: uint128(_l2OutputIndex)
        });
        emit WithdrawalProven(withdrawalHash, _tx.sender, _tx.target);
    }

    /// @notice Executes a proven withdrawal once both it and its output have waited the finalization period and
    ///         the output still has the root it was proven against. Marked finalized before the call, so a failed
    ///         call is not replayable here (the messenger layer provides replay).
    function finalizeWithdrawalTransaction(Types.WithdrawalTransaction memory _tx) external whenNotPaused {
        require(
            l2Sender == Constants.DEFAULT_L2_SENDER, "OptimismPortal: can only trigger one withdrawal per transaction"
        );
        bytes32 withdrawalHash = Hashing.hashWithdrawal(_tx);
        ProvenWithdrawal memory proven = provenWithdrawals[withdrawalHash];
        require(proven.timestamp != 0, "OptimismPortal: withdrawal has not been proven yet");
        require(
            proven.timestamp >= l2Oracle.startingTimestamp(),
            "OptimismPortal: withdrawal timestamp less than L2 Oracle starting timestamp"
        );
        require(
            _isFinalizationPeriodElapsed(proven.timestamp),
            "OptimismPortal: proven withdrawal finalization period has not elapsed"
        );
        Types.OutputProposal memory proposal = l2Oracle.getL2Output(proven.l2OutputIndex);
        require(
            proposal.outputRoot == proven.outputRoot,
            "OptimismPortal: output root proven is not the same as current output root"
        );
        require(
            _isFinalizationPeriodElapsed(proposal.timestamp),
            "OptimismPortal: output proposal finalization period has not elapsed"
        );
        require(!finalizedWithdrawals[withdrawalHash], "OptimismPortal: withdrawal has already been finalized");

        finalizedWithdrawals[withdrawalHash] = true;
        l2Sender = _tx.sender;
        // At least _tx.gasLimit reaches the target, or the whole finalization reverts (a relayer cannot starve it).
        bool success = SafeCall.callWithMinGas(_tx.target, _tx.gasLimit, _tx.value, _tx.data);
        l2Sender = Constants.DEFAULT_L2_SENDER;
        emit WithdrawalFinalized(withdrawalHash, success);

        // Gas estimation (tx.origin = ESTIMATION_ADDRESS) must see a failing call as a failure.
        if (!success && tx.origin == Constants.ESTIMATION_ADDRESS) {
            revert("OptimismPortal: withdrawal failed");
        }
    }

    /// @notice Whether the output at `_l2OutputIndex` has waited the finalization period.
    function isOutputFinalized(uint256 _l2OutputIndex) external view returns (bool) {
        return _isFinalizationPeriodElapsed(l2Oracle.getL2Output(_l2OutputIndex).timestamp);
    }

    function _isFinalizationPeriodElapsed(uint256 _timestamp) internal view returns (bool) {
        return block.timestamp > _timestamp + l2Oracle.FINALIZATION_PERIOD_SECONDS();
    }

    /// @notice Adds `_gasLimit` to the deposit gas bought in this L1 block, which may not exceed the resource limit
    ///         (so the deposits of one L1 block fit an L2 block).
    function _buyGas(uint64 _gasLimit) private {
        ResourceParams memory current = params;
        if (current.prevBlockNum != uint64(block.number)) {
            current.prevBoughtGas = 0;
            current.prevBlockNum = uint64(block.number);
        }
        uint256 bought = uint256(current.prevBoughtGas) + _gasLimit;
        require(
            bought <= systemConfig.resourceConfig().maxResourceLimit,
            "ResourceMetering: cannot buy more gas than available gas limit"
        );
        current.prevBoughtGas = uint64(bought);
        params = current;
    }
}
