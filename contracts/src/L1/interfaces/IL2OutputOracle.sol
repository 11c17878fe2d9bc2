// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Types } from "../../libraries/Types.sol";

/// @notice What other contracts and tools use of L2OutputOracle (protocol-reference 8.5, 10).
interface IL2OutputOracle {
    event OutputProposed(
        bytes32 indexed outputRoot, uint256 indexed l2OutputIndex, uint256 indexed l2BlockNumber, uint256 l1Timestamp
    );
    event OutputsDeleted(uint256 indexed prevNextOutputIndex, uint256 indexed newNextOutputIndex);

    function proposeL2Output(bytes32 _outputRoot, uint256 _l2BlockNumber, bytes32 _l1BlockHash, uint256 _l1BlockNumber)
        external
        payable;
    function deleteL2Outputs(uint256 _l2OutputIndex) external;
    function getL2Output(uint256 _l2OutputIndex) external view returns (Types.OutputProposal memory);
    function getL2OutputIndexAfter(uint256 _l2BlockNumber) external view returns (uint256);
    function getL2OutputAfter(uint256 _l2BlockNumber) external view returns (Types.OutputProposal memory);
    function latestOutputIndex() external view returns (uint256);
    function nextOutputIndex() external view returns (uint256);
    function latestBlockNumber() external view returns (uint256);
    function nextBlockNumber() external view returns (uint256);
    function computeL2Timestamp(uint256 _l2BlockNumber) external view returns (uint256);
    function startingBlockNumber() external view returns (uint256);
    function startingTimestamp() external view returns (uint256);
    function submissionInterval() external view returns (uint256);
    function l2BlockTime() external view returns (uint256);
    function proposer() external view returns (address);
    function challenger() external view returns (address);
    function finalizationPeriodSeconds() external view returns (uint256);
    function SUBMISSION_INTERVAL() external view returns (uint256);
    function L2_BLOCK_TIME() external view returns (uint256);
    function PROPOSER() external view returns (address);
    function CHALLENGER() external view returns (address);
    function FINALIZATION_PERIOD_SECONDS() external view returns (uint256);
}
