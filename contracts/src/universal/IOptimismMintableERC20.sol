// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice The interface the standard bridges detect (ERC-165) on tokens they may mint and burn.
interface IOptimismMintableERC20 {
    function remoteToken() external view returns (address);
    function bridge() external returns (address);
    function mint(address _to, uint256 _amount) external;
    function burn(address _from, uint256 _amount) external;
}

/// @notice The pre-Bedrock mintable token interface (ERC-165 id 0x1d1d8b63), still honoured by the bridges.
interface ILegacyMintableERC20 {
    function l1Token() external view returns (address);
    function mint(address _to, uint256 _amount) external;
    function burn(address _from, uint256 _amount) external;
}
