// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { MerkleTrie } from "libraries/trie/MerkleTrie.sol";
import { SecureMerkleTrie } from "libraries/trie/SecureMerkleTrie.sol";
import { RLPReader } from "libraries/rlp/RLPReader.sol";
import { Types } from "libraries/Types.sol";

// Test-only contracts for the L1 rollup contracts' Java tests (dev.opsim...l1rollup). Not deployed by genesis.

/// @notice Exposes the proof libraries to calls.
contract MerkleTrieHarness {
    function verifyInclusionProof(bytes memory _key, bytes memory _value, bytes[] memory _proof, bytes32 _root)
        external
        pure
        returns (bool)
    {
        return MerkleTrie.verifyInclusionProof(_key, _value, _proof, _root);
    }

    function get(bytes memory _key, bytes[] memory _proof, bytes32 _root) external pure returns (bytes memory) {
        return MerkleTrie.get(_key, _proof, _root);
    }

    function secureVerifyInclusionProof(bytes memory _key, bytes memory _value, bytes[] memory _proof, bytes32 _root)
        external
        pure
        returns (bool)
    {
        return SecureMerkleTrie.verifyInclusionProof(_key, _value, _proof, _root);
    }

    function secureGet(bytes memory _key, bytes[] memory _proof, bytes32 _root) external pure returns (bytes memory) {
        return SecureMerkleTrie.get(_key, _proof, _root);
    }

    /// @notice The payloads of the items of an RLP list of strings.
    function readStringList(bytes memory _list) external pure returns (bytes[] memory out) {
        RLPReader.RLPItem[] memory items = RLPReader.readList(_list);
        out = new bytes[](items.length);
        for (uint256 i = 0; i < items.length; i++) {
            out[i] = RLPReader.readBytes(items[i]);
        }
    }

    function readBytes(bytes memory _item) external pure returns (bytes memory) {
        return RLPReader.readBytes(_item);
    }
}

/// @notice A minimal ERC-1967 proxy: delegates everything to the implementation, initialised in the constructor.
contract RollupTestProxy {
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    constructor(address _implementation, bytes memory _initCall) {
        assembly {
            sstore(IMPLEMENTATION_SLOT, _implementation)
        }
        (bool ok, bytes memory returned) = _implementation.delegatecall(_initCall);
        if (!ok) {
            assembly {
                revert(add(returned, 32), mload(returned))
            }
        }
    }

    fallback() external payable {
        assembly {
            let implementation := sload(IMPLEMENTATION_SLOT)
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), implementation, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }
}

/// @notice Writes storage, for eth_getProof tests.
contract ProofStorageWriter {
    function store(uint256 _slot, uint256 _value) external {
        assembly {
            sstore(_slot, _value)
        }
    }
}

interface IPortalView {
    function l2Sender() external view returns (address);
    function finalizeWithdrawalTransaction(Types.WithdrawalTransaction memory _tx) external;
    function depositTransaction(address _to, uint256 _value, uint64 _gasLimit, bool _isCreation, bytes memory _data)
        external
        payable;
}

/// @notice A withdrawal target: records the portal's l2Sender and the value it got, or fails on request, or tries
///         to finalize another withdrawal from inside the call.
contract WithdrawalTarget {
    address public seenL2Sender;
    uint256 public received;
    uint256 public calls;
    bool public reentryFailed;

    function record() external payable {
        seenL2Sender = IPortalView(msg.sender).l2Sender();
        received += msg.value;
        calls++;
    }

    function fail() external payable {
        revert("WithdrawalTarget: fail");
    }

    /// @notice Burns all the gas it gets.
    function burn() external payable {
        while (true) { }
    }

    function reenter(Types.WithdrawalTransaction memory _other) external payable {
        calls++;
        try IPortalView(msg.sender).finalizeWithdrawalTransaction(_other) {
            reentryFailed = false;
        } catch {
            reentryFailed = true;
        }
    }
}

/// @notice Deposits through the portal from a contract (so the portal aliases the sender).
contract PortalDepositor {
    function deposit(address _portal, address _to, uint64 _gasLimit, bytes memory _data) external payable {
        IPortalView(_portal).depositTransaction{ value: msg.value }(_to, msg.value, _gasLimit, false, _data);
    }
}
