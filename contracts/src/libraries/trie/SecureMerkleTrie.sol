// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { MerkleTrie } from "./MerkleTrie.sol";

/// @notice Proofs in a secure trie (the state and storage tries): the path of a key is keccak256(key).
library SecureMerkleTrie {
    function verifyInclusionProof(bytes memory _key, bytes memory _value, bytes[] memory _proof, bytes32 _root)
        internal
        pure
        returns (bool)
    {
        return MerkleTrie.verifyInclusionProof(_hashKey(_key), _value, _proof, _root);
    }

    function get(bytes memory _key, bytes[] memory _proof, bytes32 _root) internal pure returns (bytes memory) {
        return MerkleTrie.get(_hashKey(_key), _proof, _root);
    }

    function _hashKey(bytes memory _key) private pure returns (bytes memory) {
        return abi.encodePacked(keccak256(_key));
    }
}
