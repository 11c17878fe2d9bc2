// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Calls that bound the gas they forward and never copy return data (so a callee cannot grief the
///         caller with a huge return buffer).
library SafeCall {
    /// @notice Calls `_target` with exactly `_gas` gas (or less if not available) and `_value` wei.
    function call(address _target, uint256 _gas, uint256 _value, bytes memory _calldata)
        internal
        returns (bool success)
    {
        assembly {
            success := call(_gas, _target, _value, add(_calldata, 32), mload(_calldata), 0, 0)
        }
    }

    /// @notice Whether at least `_minGas` can be handed to a call after reserving `_reservedGas`, counting the
    ///         63/64 rule (EIP-150) and the 40,000 gas a call that sends value can need.
    function hasMinGas(uint256 _minGas, uint256 _reservedGas) internal view returns (bool) {
        bool enough;
        assembly {
            enough := iszero(lt(mul(gas(), 63), add(mul(add(_minGas, _reservedGas), 64), mul(40000, 63))))
        }
        return enough;
    }

    /// @notice Calls with at least `_minGas` available to the callee, or reverts (so a relayer cannot starve
    ///         a message of the gas its sender asked for).
    function callWithMinGas(address _target, uint256 _minGas, uint256 _value, bytes memory _calldata)
        internal
        returns (bool)
    {
        bool success;
        bool enough = hasMinGas(_minGas, 1_000);
        assembly {
            if iszero(enough) {
                // "SafeCall: Not enough gas"
                mstore(0, 0x08c379a000000000000000000000000000000000000000000000000000000000)
                mstore(4, 32)
                mstore(36, 24)
                mstore(68, 0x5361666543616c6c3a204e6f7420656e6f756768206761730000000000000000)
                revert(0, 100)
            }
            success := call(gas(), _target, _value, add(_calldata, 32), mload(_calldata), 0, 0)
        }
        return success;
    }
}
