// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Types } from "../libraries/Types.sol";

/// @notice The L2 output roots the proposer commits to L1, before fault proofs (protocol-reference 8.5, 10). The
///         portal proves withdrawals against them; the challenger can delete outputs that are not yet final.
/// @dev    Storage as the OP Stack's L2OutputOracle: slot 0 initializer state, 1 startingBlockNumber,
///         2 startingTimestamp, 3 l2Outputs, 4 submissionInterval, 5 l2BlockTime, 6 challenger, 7 proposer,
///         8 finalizationPeriodSeconds. Proxied: the constructor locks the implementation.
contract L2OutputOracle {
    /// @notice Initializer state (slot 0, as OpenZeppelin's Initializable lays it out).
    uint8 private initializedVersion;
    bool private initializing;

    /// @notice The L2 block the first output counts from, and its timestamp.
    uint256 public startingBlockNumber;
    uint256 public startingTimestamp;

    /// @notice The proposed outputs, in L2 block order.
    Types.OutputProposal[] internal l2Outputs;

    /// @notice L2 blocks between two outputs.
    uint256 public submissionInterval;
    /// @notice Seconds between two L2 blocks.
    uint256 public l2BlockTime;
    /// @notice May delete outputs that are not yet final.
    address public challenger;
    /// @notice The only account that may propose outputs.
    address public proposer;
    /// @notice How long an output (and a withdrawal proven against it) waits before it is final.
    uint256 public finalizationPeriodSeconds;

    string public constant version = "1.8.0";

    event OutputProposed(
        bytes32 indexed outputRoot, uint256 indexed l2OutputIndex, uint256 indexed l2BlockNumber, uint256 l1Timestamp
    );
    event OutputsDeleted(uint256 indexed prevNextOutputIndex, uint256 indexed newNextOutputIndex);
    event Initialized(uint8 version);

    constructor() {
        initialize({
            _submissionInterval: 1,
            _l2BlockTime: 1,
            _startingBlockNumber: 0,
            _startingTimestamp: 0,
            _proposer: address(0),
            _challenger: address(0),
            _finalizationPeriodSeconds: 0
        });
    }

    /// @notice Sets the parameters. Once per storage (proxy or implementation).
    function initialize(
        uint256 _submissionInterval,
        uint256 _l2BlockTime,
        uint256 _startingBlockNumber,
        uint256 _startingTimestamp,
        address _proposer,
        address _challenger,
        uint256 _finalizationPeriodSeconds
    ) public {
        require(initializedVersion == 0 && !initializing, "Initializable: contract is already initialized");
        require(_submissionInterval > 0, "L2OutputOracle: submission interval must be greater than 0");
        require(_l2BlockTime > 0, "L2OutputOracle: L2 block time must be greater than 0");
        require(
            _startingTimestamp <= block.timestamp,
            "L2OutputOracle: starting L2 timestamp must be less than current time"
        );
        initializedVersion = 1;
        submissionInterval = _submissionInterval;
        l2BlockTime = _l2BlockTime;
        startingBlockNumber = _startingBlockNumber;
        startingTimestamp = _startingTimestamp;
        proposer = _proposer;
        challenger = _challenger;
        finalizationPeriodSeconds = _finalizationPeriodSeconds;
        emit Initialized(1);
    }

    // Legacy upper-case getters, still read by tools.
    function SUBMISSION_INTERVAL() external view returns (uint256) {
        return submissionInterval;
    }

    function L2_BLOCK_TIME() external view returns (uint256) {
        return l2BlockTime;
    }

    function CHALLENGER() external view returns (address) {
        return challenger;
    }

    function PROPOSER() external view returns (address) {
        return proposer;
    }

    function FINALIZATION_PERIOD_SECONDS() external view returns (uint256) {
        return finalizationPeriodSeconds;
    }

    /// @notice Deletes the output at `_l2OutputIndex` and every later one. Challenger only; final outputs stay.
    function deleteL2Outputs(uint256 _l2OutputIndex) external {
        require(msg.sender == challenger, "L2OutputOracle: only the challenger address can delete outputs");
        require(
            _l2OutputIndex < l2Outputs.length, "L2OutputOracle: cannot delete outputs after the latest output index"
        );
        require(
            block.timestamp - l2Outputs[_l2OutputIndex].timestamp < finalizationPeriodSeconds,
            "L2OutputOracle: cannot delete outputs that have already been finalized"
        );
        uint256 previousNext = l2Outputs.length;
        // Shortening the array in place keeps deletion O(1); later pushes overwrite both words of a stale entry.
        assembly {
            sstore(l2Outputs.slot, _l2OutputIndex)
        }
        emit OutputsDeleted(previousNext, _l2OutputIndex);
    }

    /// @notice Records the output root of L2 block `_l2BlockNumber`, which must be the next expected one and in
    ///         the past. A non-zero `_l1BlockHash` must be the hash of L1 block `_l1BlockNumber` (reorg guard).
    function proposeL2Output(bytes32 _outputRoot, uint256 _l2BlockNumber, bytes32 _l1BlockHash, uint256 _l1BlockNumber)
        external
        payable
    {
        require(msg.sender == proposer, "L2OutputOracle: only the proposer address can propose new outputs");
        require(
            _l2BlockNumber == nextBlockNumber(),
            "L2OutputOracle: block number must be equal to next expected block number"
        );
        require(
            computeL2Timestamp(_l2BlockNumber) < block.timestamp,
            "L2OutputOracle: cannot propose L2 output in the future"
        );
        require(_outputRoot != bytes32(0), "L2OutputOracle: L2 output proposal cannot be the zero hash");
        if (_l1BlockHash != bytes32(0)) {
            require(
                blockhash(_l1BlockNumber) == _l1BlockHash,
                "L2OutputOracle: block hash does not match the hash at the expected height"
            );
        }

        emit OutputProposed(_outputRoot, l2Outputs.length, _l2BlockNumber, block.timestamp);
        l2Outputs.push(
            Types.OutputProposal({
                outputRoot: _outputRoot,
                timestamp: uint128(block.timestamp),
                l2BlockNumber: uint128(_l2BlockNumber)
            })
        );
    }

    /// @notice The output at `_l2OutputIndex`; reverts if there is none.
    function getL2Output(uint256 _l2OutputIndex) external view returns (Types.OutputProposal memory) {
        return l2Outputs[_l2OutputIndex];
    }

    /// @notice The index of the first output at or after L2 block `_l2BlockNumber`.
    function getL2OutputIndexAfter(uint256 _l2BlockNumber) public view returns (uint256) {
        require(
            _l2BlockNumber <= latestBlockNumber(),
            "L2OutputOracle: cannot get output for a block that has not been proposed"
        );
        require(l2Outputs.length > 0, "L2OutputOracle: cannot get output as no outputs have been proposed yet");
        uint256 low = 0;
        uint256 high = l2Outputs.length;
        while (low < high) {
            uint256 middle = (low + high) / 2;
            if (l2Outputs[middle].l2BlockNumber < _l2BlockNumber) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    function getL2OutputAfter(uint256 _l2BlockNumber) external view returns (Types.OutputProposal memory) {
        return l2Outputs[getL2OutputIndexAfter(_l2BlockNumber)];
    }

    /// @notice The index of the latest output; reverts (underflow) when there is none.
    function latestOutputIndex() external view returns (uint256) {
        return l2Outputs.length - 1;
    }

    function nextOutputIndex() public view returns (uint256) {
        return l2Outputs.length;
    }

    /// @notice The L2 block of the latest output, or the starting block when there is none.
    function latestBlockNumber() public view returns (uint256) {
        return l2Outputs.length == 0 ? startingBlockNumber : l2Outputs[l2Outputs.length - 1].l2BlockNumber;
    }

    function nextBlockNumber() public view returns (uint256) {
        return latestBlockNumber() + submissionInterval;
    }

    /// @notice startingTimestamp + (n - startingBlockNumber) * l2BlockTime.
    function computeL2Timestamp(uint256 _l2BlockNumber) public view returns (uint256) {
        return startingTimestamp + ((_l2BlockNumber - startingBlockNumber) * l2BlockTime);
    }
}
