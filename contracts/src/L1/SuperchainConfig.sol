// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice The guardian and the pause switch shared by the chains of a superchain (protocol-reference 12.4, the
///         single-switch release: `paused()` and `pause(string)` / `unpause()` by the guardian). While paused, the
///         portal refuses to prove and finalize withdrawals; deposits go on.
/// @dev    Storage: the guardian and the flag live at fixed slots (as in the OP Stack), slot 0 holds the
///         initializer state. Proxied: the constructor locks the implementation.
contract SuperchainConfig {
    enum UpdateType {
        GUARDIAN
    }

    /// @notice bytes32(uint256(keccak256("superchainConfig.paused")) - 1).
    bytes32 public constant PAUSED_SLOT = bytes32(uint256(keccak256("superchainConfig.paused")) - 1);
    /// @notice bytes32(uint256(keccak256("superchainConfig.guardian")) - 1).
    bytes32 public constant GUARDIAN_SLOT = bytes32(uint256(keccak256("superchainConfig.guardian")) - 1);

    string public constant version = "1.1.0";

    /// @notice Initializer state (slot 0, as OpenZeppelin's Initializable lays it out).
    uint8 private initializedVersion;
    bool private initializing;

    event Paused(string identifier);
    event Unpaused();
    event ConfigUpdate(UpdateType indexed updateType, bytes data);
    event Initialized(uint8 version);

    constructor() {
        initialize(address(0), false);
    }

    /// @notice Sets the guardian and, optionally, starts paused. Once per storage (proxy or implementation).
    function initialize(address _guardian, bool _paused) public {
        require(initializedVersion == 0 && !initializing, "Initializable: contract is already initialized");
        initializedVersion = 1;
        initializing = true;
        _setAddress(GUARDIAN_SLOT, _guardian);
        emit ConfigUpdate(UpdateType.GUARDIAN, abi.encode(_guardian));
        if (_paused) {
            _setPaused(true);
            emit Paused("Initializer paused");
        }
        initializing = false;
        emit Initialized(1);
    }

    function guardian() public view returns (address guardian_) {
        bytes32 slot = GUARDIAN_SLOT;
        assembly {
            guardian_ := sload(slot)
        }
    }

    function paused() public view returns (bool paused_) {
        bytes32 slot = PAUSED_SLOT;
        assembly {
            paused_ := sload(slot)
        }
    }

    /// @notice Pauses withdrawals; `_identifier` says why (for the event only).
    function pause(string memory _identifier) external {
        require(msg.sender == guardian(), "SuperchainConfig: only guardian can pause");
        _setPaused(true);
        emit Paused(_identifier);
    }

    function unpause() external {
        require(msg.sender == guardian(), "SuperchainConfig: only guardian can unpause");
        _setPaused(false);
        emit Unpaused();
    }

    function _setPaused(bool _value) private {
        bytes32 slot = PAUSED_SLOT;
        assembly {
            sstore(slot, _value)
        }
    }

    function _setAddress(bytes32 _slot, address _value) private {
        assembly {
            sstore(_slot, _value)
        }
    }
}
