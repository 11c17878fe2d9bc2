// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { OptimismMintableERC20 } from "./OptimismMintableERC20.sol";
import { MessagingInitializable } from "./CrossDomainMessenger.sol";

/// @notice Creates OptimismMintableERC20 tokens bound to the standard bridge, predeploy 0x4200…0012 on L2
///         (protocol-reference 9.6). Addresses are CREATE2 with salt keccak256(abi.encode(remoteToken, name,
///         symbol, decimals)), so a pair is created once per factory.
contract OptimismMintableERC20Factory is MessagingInitializable {
    string public constant version = "1.10.0";

    bytes30 private spacer_0_2_30;
    /// @notice The bridge every created token trusts.
    address public bridge;
    /// @notice Created token → its remote token.
    mapping(address => address) public deployments;
    uint256[48] private __gap;

    /// @notice Legacy event, emitted with the new one.
    event StandardL2TokenCreated(address indexed remoteToken, address indexed localToken);
    event OptimismMintableERC20Created(address indexed localToken, address indexed remoteToken, address deployer);

    constructor() {
        initialize(address(0));
    }

    function initialize(address _bridge) public initializer {
        bridge = _bridge;
    }

    /// @notice Legacy getter of `bridge`.
    function BRIDGE() external view returns (address) {
        return bridge;
    }

    /// @notice Legacy name of `createOptimismMintableERC20`.
    function createStandardL2Token(address _remoteToken, string memory _name, string memory _symbol)
        external
        returns (address)
    {
        return createOptimismMintableERC20WithDecimals(_remoteToken, _name, _symbol, 18);
    }

    function createOptimismMintableERC20(address _remoteToken, string memory _name, string memory _symbol)
        public
        returns (address)
    {
        return createOptimismMintableERC20WithDecimals(_remoteToken, _name, _symbol, 18);
    }

    function createOptimismMintableERC20WithDecimals(
        address _remoteToken,
        string memory _name,
        string memory _symbol,
        uint8 _decimals
    ) public returns (address) {
        require(_remoteToken != address(0), "OptimismMintableERC20Factory: must provide remote token address");
        bytes32 salt = keccak256(abi.encode(_remoteToken, _name, _symbol, _decimals));
        address localToken =
            address(new OptimismMintableERC20{ salt: salt }(bridge, _remoteToken, _name, _symbol, _decimals));
        deployments[localToken] = _remoteToken;
        emit StandardL2TokenCreated(_remoteToken, localToken);
        emit OptimismMintableERC20Created(localToken, _remoteToken, msg.sender);
        return localToken;
    }
}
