// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { RLPReader } from "../rlp/RLPReader.sol";

/// @notice Verifies Merkle-Patricia trie proofs (Yellow Paper appendix D) in the EIP-1186 `eth_getProof` form: the
///         nodes on a key's path from the root down, each node referenced by hash given once, nodes shorter than
///         32 bytes embedded in their parent (never given separately). Any proof that does not prove the key
///         present reverts: a hash mismatch, a missing or surplus node, a malformed node, or a key the proof shows
///         to be absent.
library MerkleTrie {
    /// @notice Branch nodes have 16 children and a value; leaf and extension nodes have a path and a value/child.
    uint256 internal constant BRANCH_NODE_LENGTH = 17;
    uint256 internal constant LEAF_OR_EXTENSION_NODE_LENGTH = 2;

    /// @notice Hex-prefix flags (the first nibble of a leaf or extension path).
    uint8 internal constant PREFIX_EXTENSION_EVEN = 0;
    uint8 internal constant PREFIX_EXTENSION_ODD = 1;
    uint8 internal constant PREFIX_LEAF_EVEN = 2;
    uint8 internal constant PREFIX_LEAF_ODD = 3;

    error EmptyProof();
    error EmptyKey();
    error InvalidRootHash();
    error InvalidNodeHash(uint256 index);
    error InvalidEmbeddedNode(uint256 index);
    error InvalidNode(uint256 index);
    error InvalidPathPrefix(uint256 index);
    error KeyNotInTrie();
    error EmptyValue();
    error ProofTooShort();
    error ProofTooLong();

    /// @notice Whether `_proof` proves `_key` maps to `_value` under `_root`. Reverts (see above) rather than returning
    ///         false when the proof proves nothing or proves the key absent.
    function verifyInclusionProof(bytes memory _key, bytes memory _value, bytes[] memory _proof, bytes32 _root)
        internal
        pure
        returns (bool)
    {
        return keccak256(get(_key, _proof, _root)) == keccak256(_value);
    }

    /// @notice The value `_proof` proves for `_key` under `_root`; reverts if it does not prove the key present.
    function get(bytes memory _key, bytes[] memory _proof, bytes32 _root) internal pure returns (bytes memory) {
        if (_key.length == 0) revert EmptyKey();
        if (_proof.length == 0) revert EmptyProof();
        bytes memory key = _toNibbles(_key);
        uint256 keyIndex = 0;
        uint256 proofIndex = 0;

        // The node being walked: an item of a proof element, or an item embedded in its parent.
        RLPReader.RLPItem memory node = _proofNode(_proof, 0, _root);
        proofIndex = 1;

        while (true) {
            RLPReader.RLPItem[] memory items = RLPReader.readList(node);
            RLPReader.RLPItem memory next;
            if (items.length == BRANCH_NODE_LENGTH) {
                if (keyIndex == key.length) {
                    return _finish(_proof, proofIndex, RLPReader.readBytes(items[16]));
                }
                next = items[uint8(key[keyIndex])];
                keyIndex++;
            } else if (items.length == LEAF_OR_EXTENSION_NODE_LENGTH) {
                bytes memory path = _toNibbles(RLPReader.readBytes(items[0]));
                if (path.length == 0) revert InvalidPathPrefix(proofIndex - 1);
                uint8 prefix = uint8(path[0]);
                uint256 start;
                if (prefix == PREFIX_EXTENSION_EVEN || prefix == PREFIX_LEAF_EVEN) {
                    // Even paths pad the flag nibble with a zero nibble.
                    if (path.length < 2 || path[1] != 0) revert InvalidPathPrefix(proofIndex - 1);
                    start = 2;
                } else if (prefix == PREFIX_EXTENSION_ODD || prefix == PREFIX_LEAF_ODD) {
                    start = 1;
                } else {
                    revert InvalidPathPrefix(proofIndex - 1);
                }
                uint256 shared = path.length - start;
                if (key.length - keyIndex < shared) revert KeyNotInTrie();
                for (uint256 i = 0; i < shared; i++) {
                    if (path[start + i] != key[keyIndex + i]) revert KeyNotInTrie();
                }
                keyIndex += shared;
                if (prefix >= PREFIX_LEAF_EVEN) {
                    if (keyIndex != key.length) revert KeyNotInTrie();
                    return _finish(_proof, proofIndex, RLPReader.readBytes(items[1]));
                }
                if (shared == 0) revert InvalidPathPrefix(proofIndex - 1);
                next = items[1];
            } else {
                revert InvalidNode(proofIndex - 1);
            }

            // Follow the reference: a 32-byte hash names the next proof element; an empty string is no child;
            // a list is a node embedded in its parent.
            (bool isList, bool isEmpty) = _referenceKind(next);
            if (isEmpty) revert KeyNotInTrie();
            if (isList) {
                if (next.length >= 32) revert InvalidEmbeddedNode(proofIndex - 1);
                node = next;
            } else {
                bytes memory childHash = RLPReader.readBytes(next);
                if (childHash.length != 32) revert InvalidNode(proofIndex - 1);
                node = _proofNode(_proof, proofIndex, bytes32(childHash));
                proofIndex++;
            }
        }
        // Unreachable: the loop returns or reverts.
        revert KeyNotInTrie();
    }

    /// @notice The proof element at `_index` as an item, after checking it hashes to `_hash`.
    function _proofNode(bytes[] memory _proof, uint256 _index, bytes32 _hash)
        private
        pure
        returns (RLPReader.RLPItem memory)
    {
        if (_index >= _proof.length) revert ProofTooShort();
        bytes memory encoded = _proof[_index];
        if (keccak256(encoded) != _hash) {
            if (_index == 0) revert InvalidRootHash();
            revert InvalidNodeHash(_index);
        }
        // A node under 32 bytes is embedded in its parent, never referenced by hash (the root excepted).
        if (_index > 0 && encoded.length < 32) revert InvalidEmbeddedNode(_index);
        return RLPReader.toRLPItem(encoded);
    }

    /// @notice Returns `_value` once the walk ends, if every proof element was used and the value is present.
    function _finish(bytes[] memory _proof, uint256 _used, bytes memory _value) private pure returns (bytes memory) {
        if (_used != _proof.length) revert ProofTooLong();
        if (_value.length == 0) revert KeyNotInTrie();
        return _value;
    }

    /// @notice Whether a child reference is a list (embedded node) and whether it is the empty string.
    function _referenceKind(RLPReader.RLPItem memory _item) private pure returns (bool isList, bool isEmpty) {
        uint256 ptr = _item.ptr;
        uint256 prefix;
        assembly {
            prefix := byte(0, mload(ptr))
        }
        isList = prefix >= 0xc0;
        isEmpty = prefix == 0x80;
    }

    /// @notice The nibbles of `_bytes`, high nibble first, one per byte.
    function _toNibbles(bytes memory _bytes) private pure returns (bytes memory nibbles) {
        nibbles = new bytes(_bytes.length * 2);
        for (uint256 i = 0; i < _bytes.length; i++) {
            nibbles[i * 2] = bytes1(uint8(_bytes[i]) >> 4);
            nibbles[i * 2 + 1] = bytes1(uint8(_bytes[i]) & 0x0f);
        }
    }
}
