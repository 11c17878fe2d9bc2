// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Constants } from "../libraries/Constants.sol";

/// @notice ERC-1967 transparent proxy with the OP Stack's `Proxy` interface. The admin (and address(0), which only
///         an eth_call or an upgrade deposit can be, protocol-reference 1.2) reach the proxy's own functions;
///         everyone else is delegated to the implementation, even for selectors the proxy defines.
contract Proxy {
    /// @notice ERC-1967: the implementation changed.
    event Upgraded(address indexed implementation);

    /// @notice ERC-1967: the admin changed.
    event AdminChanged(address previousAdmin, address newAdmin);

    modifier proxyCallIfNotAdmin() {
        if (msg.sender == _admin() || msg.sender == address(0)) {
            _;
        } else {
            _delegate();
        }
    }

    constructor(address _admin_) {
        _setAdmin(_admin_);
    }

    receive() external payable {
        _delegate();
    }

    fallback() external payable {
        _delegate();
    }

    function upgradeTo(address _implementation) public virtual proxyCallIfNotAdmin {
        _setImplementation(_implementation);
    }

    /// @notice Upgrades, then delegatecalls the new implementation with `_data` (an initializer), atomically.
    function upgradeToAndCall(address _implementation, bytes calldata _data)
        public
        payable
        virtual
        proxyCallIfNotAdmin
        returns (bytes memory)
    {
        _setImplementation(_implementation);
        (bool ok, bytes memory result) = _implementation.delegatecall(_data);
        require(ok, "Proxy: delegatecall to new implementation contract failed");
        return result;
    }

    function changeAdmin(address _newAdmin) public virtual proxyCallIfNotAdmin {
        _setAdmin(_newAdmin);
    }

    function admin() public virtual proxyCallIfNotAdmin returns (address) {
        return _admin();
    }

    function implementation() public virtual proxyCallIfNotAdmin returns (address) {
        return _implementationAddress();
    }

    function _setImplementation(address _implementation) internal {
        bytes32 slot = Constants.PROXY_IMPLEMENTATION_ADDRESS;
        assembly {
            sstore(slot, _implementation)
        }
        emit Upgraded(_implementation);
    }

    function _setAdmin(address _newAdmin) internal {
        address previous = _admin();
        bytes32 slot = Constants.PROXY_OWNER_ADDRESS;
        assembly {
            sstore(slot, _newAdmin)
        }
        emit AdminChanged(previous, _newAdmin);
    }

    /// @notice Delegates the whole call and ends this frame with the implementation's return or revert data.
    function _delegate() internal {
        address target = _implementationAddress();
        require(target != address(0), "Proxy: implementation not initialized");
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }

    function _implementationAddress() internal view returns (address impl) {
        bytes32 slot = Constants.PROXY_IMPLEMENTATION_ADDRESS;
        assembly {
            impl := sload(slot)
        }
    }

    function _admin() internal view returns (address owner) {
        bytes32 slot = Constants.PROXY_OWNER_ADDRESS;
        assembly {
            owner := sload(slot)
        }
    }
}
