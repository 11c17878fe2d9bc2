// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice One-shot (and versioned) initialisation for contracts behind proxies, with the storage layout of the
///         OpenZeppelin v4 `Initializable` the OP Stack contracts use: `_initialized` (uint8) at slot 0 offset 0 and
///         `_initializing` (bool) at slot 0 offset 1, so the slots the OP contracts' layouts show stay where they are.
abstract contract Initializable {
    uint8 private _initialized;
    bool private _initializing;

    event Initialized(uint8 version);

    /// @notice Runs once: at construction or as the first initialisation of a fresh proxy (version 1).
    modifier initializer() {
        bool topLevel = !_initializing;
        require(
            (topLevel && _initialized < 1) || (address(this).code.length == 0 && _initialized == 1),
            "Initializable: contract is already initialized"
        );
        _initialized = 1;
        if (topLevel) {
            _initializing = true;
        }
        _;
        if (topLevel) {
            _initializing = false;
            emit Initialized(1);
        }
    }

    /// @notice Runs once per version, each version higher than the last; not nestable.
    modifier reinitializer(uint8 version) {
        require(!_initializing && _initialized < version, "Initializable: contract is already initialized");
        _initialized = version;
        _initializing = true;
        _;
        _initializing = false;
        emit Initialized(version);
    }

    /// @notice For functions only an initializer may call.
    modifier onlyInitializing() {
        require(_initializing, "Initializable: contract is not initializing");
        _;
    }

    /// @notice Locks an implementation contract so that nobody can initialise it directly.
    function _disableInitializers() internal virtual {
        require(!_initializing, "Initializable: contract is initializing");
        if (_initialized < type(uint8).max) {
            _initialized = type(uint8).max;
            emit Initialized(type(uint8).max);
        }
    }

    function _getInitializedVersion() internal view returns (uint8) {
        return _initialized;
    }

    function _isInitializing() internal view returns (bool) {
        return _initializing;
    }
}
