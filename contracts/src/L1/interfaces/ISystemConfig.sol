// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice What other contracts and tools use of SystemConfig (protocol-reference 12).
interface ISystemConfig {
    event ConfigUpdate(uint256 indexed version, uint8 indexed updateType, bytes data);

    function owner() external view returns (address);
    function overhead() external view returns (uint256);
    function scalar() external view returns (uint256);
    function basefeeScalar() external view returns (uint32);
    function blobbasefeeScalar() external view returns (uint32);
    function batcherHash() external view returns (bytes32);
    function gasLimit() external view returns (uint64);
    function unsafeBlockSigner() external view returns (address);
    function minimumGasLimit() external view returns (uint64);
    function maximumGasLimit() external pure returns (uint64);
    function l1CrossDomainMessenger() external view returns (address);
    function l1ERC721Bridge() external view returns (address);
    function l1StandardBridge() external view returns (address);
    function l2OutputOracle() external view returns (address);
    function optimismPortal() external view returns (address);
    function optimismMintableERC20Factory() external view returns (address);
    function batchInbox() external view returns (address);
    function startBlock() external view returns (uint256);
    function setBatcherHash(bytes32 _batcherHash) external;
    function setGasConfig(uint256 _overhead, uint256 _scalar) external;
    function setGasConfigEcotone(uint32 _basefeeScalar, uint32 _blobbasefeeScalar) external;
    function setGasLimit(uint64 _gasLimit) external;
    function setUnsafeBlockSigner(address _unsafeBlockSigner) external;
}
