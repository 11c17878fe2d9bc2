// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { ICrossDomainMessenger } from "./ICrossDomainMessenger.sol";
import { Constants } from "../libraries/Constants.sol";
import { Encoding } from "../libraries/Encoding.sol";
import { Hashing } from "../libraries/Hashing.sol";
import { SafeCall } from "../libraries/SafeCall.sol";

/// @notice One-shot initialisation for the messaging contracts behind proxies. Same two fields as the
///         OpenZeppelin v4 `Initializable` the OP Stack uses (uint8 `_initialized`, bool `_initializing`), so
///         where it lands in each contract's layout matches the OP contracts. Named apart from other helpers'
///         initialisers because artifact names are global.
abstract contract MessagingInitializable {
    uint8 private _initialized;
    bool private _initializing;

    event Initialized(uint8 version);

    /// @notice Runs once, either in the constructor (locking an implementation) or on a fresh proxy.
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

    modifier onlyInitializing() {
        require(_initializing, "Initializable: contract is not initializing");
        _;
    }
}

/// @notice Slot 0 bytes 0..19 of the legacy (pre-Bedrock) messenger; keeps `_initialized` at slot 0 offset 20.
abstract contract CrossDomainMessengerSpacer0 {
    address private spacer_0_0_20;
}

/// @notice Slots 1..202 of the legacy messenger, so that `successfulMessages` sits at slot 203 and
///         `xDomainMsgSender` at slot 204, as in the OP Stack's CrossDomainMessenger.
abstract contract CrossDomainMessengerSpacer1 {
    uint256[50] private spacer_1_0_1600;
    address private spacer_51_0_20;
    uint256[49] private spacer_52_0_1568;
    bool private spacer_101_0_1;
    uint256[49] private spacer_102_0_1568;
    uint256 private spacer_151_0_32;
    uint256[49] private spacer_152_0_1568;
    mapping(bytes32 => bool) private spacer_201_0_32;
    mapping(bytes32 => bool) private spacer_202_0_32;
}

/// @notice The messenger logic shared by both chains (protocol-reference 9): versioned nonces, v1 message hashes,
///         relays with replay of failed messages, and the sender of the message being relayed.
abstract contract CrossDomainMessenger is
    CrossDomainMessengerSpacer0,
    MessagingInitializable,
    CrossDomainMessengerSpacer1,
    ICrossDomainMessenger
{
    uint16 public constant MESSAGE_VERSION = 1;
    uint64 public constant RELAY_CONSTANT_OVERHEAD = 200_000;
    uint64 public constant MIN_GAS_DYNAMIC_OVERHEAD_NUMERATOR = 64;
    uint64 public constant MIN_GAS_DYNAMIC_OVERHEAD_DENOMINATOR = 63;
    uint64 public constant MIN_GAS_CALLDATA_OVERHEAD = 16;
    uint64 public constant RELAY_CALL_OVERHEAD = 40_000;
    uint64 public constant RELAY_RESERVED_GAS = 40_000;
    uint64 public constant RELAY_GAS_CHECK_BUFFER = 5_000;
    /// @notice EIP-7623 terms of the current OP messengers (protocol-reference 9.4).
    uint64 public constant TX_BASE_GAS = 21_000;
    uint64 public constant FLOOR_CALLDATA_OVERHEAD = 40;
    uint64 public constant ENCODING_OVERHEAD = 260;

    /// @notice Hashes (v1) of the messages relayed successfully.
    mapping(bytes32 => bool) public successfulMessages;
    /// @notice The remote sender during a relay; DEFAULT_L2_SENDER otherwise.
    address internal xDomainMsgSender;
    uint240 internal msgNonce;
    /// @notice Hashes (v1) of messages whose relay failed; anyone may replay them.
    mapping(bytes32 => bool) public failedMessages;
    /// @notice The messenger on the other chain.
    CrossDomainMessenger public otherMessenger;
    uint256[43] private __gap;

    /// @inheritdoc ICrossDomainMessenger
    function sendMessage(address _target, bytes calldata _message, uint32 _minGasLimit) external payable {
        uint256 nonce = messageNonce();
        _sendMessage(
            address(otherMessenger),
            baseGas(_message, _minGasLimit),
            msg.value,
            abi.encodeWithSelector(
                this.relayMessage.selector, nonce, msg.sender, _target, msg.value, _minGasLimit, _message
            )
        );
        emit SentMessage(_target, msg.sender, _message, nonce, _minGasLimit);
        emit SentMessageExtension1(msg.sender, msg.value);
        unchecked {
            ++msgNonce;
        }
    }

    /// @notice Delivers a message from the other chain (first delivery by the transport, or a replay by anyone
    ///         of a message that failed), protocol-reference 9.5.
    function relayMessage(
        uint256 _nonce,
        address _sender,
        address _target,
        uint256 _value,
        uint256 _minGasLimit,
        bytes calldata _message
    ) external payable {
        require(paused() == false, "CrossDomainMessenger: paused");
        (, uint16 version) = Encoding.decodeVersionedNonce(_nonce);
        require(version < 2, "CrossDomainMessenger: only version 0 or 1 messages are supported at this time");
        if (version == 0) {
            // Migrated pre-Bedrock messages were recorded under their v0 hash.
            bytes32 legacyHash = Hashing.hashCrossDomainMessageV0(_target, _sender, _message, _nonce);
            require(successfulMessages[legacyHash] == false, "CrossDomainMessenger: legacy withdrawal already relayed");
        }
        // The v1 hash commits to value and gas limit, so it is the key for both versions.
        bytes32 versionedHash =
            Hashing.hashCrossDomainMessageV1(_nonce, _sender, _target, _value, _minGasLimit, _message);

        if (_isOtherMessenger()) {
            // The transport delivers every message once, with its value.
            assert(msg.value == _value);
            assert(!failedMessages[versionedHash]);
        } else {
            require(msg.value == 0, "CrossDomainMessenger: value must be zero unless message is from a system address");
            require(failedMessages[versionedHash], "CrossDomainMessenger: message cannot be replayed");
        }

        require(
            _isUnsafeTarget(_target) == false, "CrossDomainMessenger: cannot send message to blocked system address"
        );
        require(successfulMessages[versionedHash] == false, "CrossDomainMessenger: message has already been relayed");

        // Too little gas for the requested call, or a relay re-entered: record a failure so that the message can
        // be replayed later instead of being lost.
        if (
            !SafeCall.hasMinGas(_minGasLimit, RELAY_RESERVED_GAS + RELAY_GAS_CHECK_BUFFER)
                || xDomainMsgSender != Constants.DEFAULT_L2_SENDER
        ) {
            _recordFailure(versionedHash);
            return;
        }

        xDomainMsgSender = _sender;
        bool success = SafeCall.call(_target, gasleft() - RELAY_RESERVED_GAS, _value, _message);
        xDomainMsgSender = Constants.DEFAULT_L2_SENDER;

        if (success) {
            assert(successfulMessages[versionedHash] == false);
            successfulMessages[versionedHash] = true;
            emit RelayedMessage(versionedHash);
        } else {
            _recordFailure(versionedHash);
        }
    }

    /// @inheritdoc ICrossDomainMessenger
    function xDomainMessageSender() external view returns (address) {
        require(
            xDomainMsgSender != Constants.DEFAULT_L2_SENDER, "CrossDomainMessenger: xDomainMessageSender is not set"
        );
        return xDomainMsgSender;
    }

    /// @notice Legacy getter of `otherMessenger`.
    function OTHER_MESSENGER() public view returns (CrossDomainMessenger) {
        return otherMessenger;
    }

    /// @inheritdoc ICrossDomainMessenger
    function messageNonce() public view returns (uint256) {
        return Encoding.encodeVersionedNonce(msgNonce, MESSAGE_VERSION);
    }

    /// @notice The gas the transport must provide so that the target gets at least `_minGasLimit`, with the
    ///         EIP-7623 calldata floor of the current OP messengers (protocol-reference 9.4).
    function baseGas(bytes calldata _message, uint32 _minGasLimit) public pure returns (uint64) {
        uint64 executionGas = RELAY_CONSTANT_OVERHEAD + RELAY_CALL_OVERHEAD + RELAY_RESERVED_GAS
            + RELAY_GAS_CHECK_BUFFER
            + ((uint64(_minGasLimit) * MIN_GAS_DYNAMIC_OVERHEAD_NUMERATOR) / MIN_GAS_DYNAMIC_OVERHEAD_DENOMINATOR);
        uint64 totalMessageSize = uint64(_message.length) + ENCODING_OVERHEAD;
        uint64 standardCost = executionGas + totalMessageSize * MIN_GAS_CALLDATA_OVERHEAD;
        uint64 floorCost = totalMessageSize * FLOOR_CALLDATA_OVERHEAD;
        return TX_BASE_GAS + (standardCost > floorCost ? standardCost : floorCost);
    }

    /// @notice Whether relays are refused; only the L1 messenger can be paused.
    function paused() public view virtual returns (bool) {
        return false;
    }

    function __CrossDomainMessenger_init(CrossDomainMessenger _otherMessenger) internal onlyInitializing {
        // Only a fresh deployment starts outside a relay; an upgrade mid-relay must not reset the sender.
        if (xDomainMsgSender == address(0)) {
            xDomainMsgSender = Constants.DEFAULT_L2_SENDER;
        }
        otherMessenger = _otherMessenger;
    }

    function _recordFailure(bytes32 _versionedHash) private {
        failedMessages[_versionedHash] = true;
        emit FailedRelayedMessage(_versionedHash);
        // Gas estimation must see the relay fail, so that it estimates the gas the message really needs.
        if (tx.origin == Constants.ESTIMATION_ADDRESS) {
            revert("CrossDomainMessenger: failed to relay message");
        }
    }

    /// @notice Hands the encoded relay to the transport (portal deposit or L2ToL1MessagePasser withdrawal).
    function _sendMessage(address _to, uint64 _gasLimit, uint256 _value, bytes memory _data) internal virtual;

    /// @notice Whether the current call is the transport delivering a message from the other messenger.
    function _isOtherMessenger() internal view virtual returns (bool);

    /// @notice Targets a message may never call (they would let a message impersonate the system).
    function _isUnsafeTarget(address _target) internal view virtual returns (bool);
}
