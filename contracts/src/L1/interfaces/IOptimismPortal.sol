// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Types } from "../../libraries/Types.sol";

/// @notice What other contracts (L1CrossDomainMessenger, bridges) and tools use of the L2OutputOracle-era
///         OptimismPortal (protocol-reference 3, 8.5).
interface IOptimismPortal {
    event TransactionDeposited(address indexed from, address indexed to, uint256 indexed version, bytes opaqueData);
    event WithdrawalProven(bytes32 indexed withdrawalHash, address indexed from, address indexed to);
    event WithdrawalFinalized(bytes32 indexed withdrawalHash, bool success);

    function depositTransaction(address _to, uint256 _value, uint64 _gasLimit, bool _isCreation, bytes memory _data)
        external
        payable;
    function donateETH() external payable;
    function proveWithdrawalTransaction(
        Types.WithdrawalTransaction memory _tx,
        uint256 _l2OutputIndex,
        Types.OutputRootProof calldata _outputRootProof,
        bytes[] calldata _withdrawalProof
    ) external;
    function finalizeWithdrawalTransaction(Types.WithdrawalTransaction memory _tx) external;
    /// @notice The L2 sender of the withdrawal being finalized; 0x…dEaD otherwise.
    function l2Sender() external view returns (address);
    function paused() external view returns (bool);
    function guardian() external view returns (address);
    function minimumGasLimit(uint64 _byteCount) external pure returns (uint64);
    function finalizedWithdrawals(bytes32 _withdrawalHash) external view returns (bool);
    function provenWithdrawals(bytes32 _withdrawalHash)
        external
        view
        returns (bytes32 outputRoot, uint128 timestamp, uint128 l2OutputIndex);
    function isOutputFinalized(uint256 _l2OutputIndex) external view returns (bool);
    function l2Oracle() external view returns (address);
    function systemConfig() external view returns (address);
    function superchainConfig() external view returns (address);
}
