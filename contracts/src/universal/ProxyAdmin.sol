// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Ownable } from "./Ownable.sol";

/// @notice What ProxyAdmin calls on a proxy (the admin side of `Proxy`).
interface IAdminProxy {
    function upgradeTo(address _implementation) external;
    function upgradeToAndCall(address _implementation, bytes calldata _data) external payable returns (bytes memory);
    function changeAdmin(address _admin) external;
}

/// @notice The admin-side getters, declared view so that ProxyAdmin can staticcall them (as admin, the proxy
///         answers from its own storage without writing).
interface IStaticAdminProxy {
    function implementation() external view returns (address);
    function admin() external view returns (address);
}

/// @notice Owner-controlled admin of ERC-1967 `Proxy` contracts, with the OP Stack ProxyAdmin's function
///         signatures for ERC-1967 proxies (the legacy Chugsplash and ResolvedDelegate proxy types are not
///         supported). Storage: slot 0 is the Ownable owner, as in the OP ProxyAdmin.
contract ProxyAdmin is Ownable {
    constructor(address _owner) {
        _transferOwnership(_owner);
    }

    function getProxyImplementation(address _proxy) external view returns (address) {
        return IStaticAdminProxy(_proxy).implementation();
    }

    function getProxyAdmin(address payable _proxy) external view returns (address) {
        return IStaticAdminProxy(_proxy).admin();
    }

    function changeProxyAdmin(address payable _proxy, address _newAdmin) external onlyOwner {
        IAdminProxy(_proxy).changeAdmin(_newAdmin);
    }

    function upgrade(address payable _proxy, address _implementation) public onlyOwner {
        IAdminProxy(_proxy).upgradeTo(_implementation);
    }

    function upgradeAndCall(address payable _proxy, address _implementation, bytes memory _data)
        external
        payable
        onlyOwner
    {
        IAdminProxy(_proxy).upgradeToAndCall{ value: msg.value }(_implementation, _data);
    }
}
