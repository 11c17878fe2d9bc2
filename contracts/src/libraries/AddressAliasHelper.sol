// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice L1 → L2 address aliasing (protocol-reference 1.2): a contract on L1 appears on L2 shifted by
///         0x1111000000000000000000000000000000001111, wrapping.
library AddressAliasHelper {
    uint160 internal constant OFFSET = uint160(0x1111000000000000000000000000000000001111);

    function applyL1ToL2Alias(address l1Address) internal pure returns (address l2Address) {
        unchecked {
            l2Address = address(uint160(l1Address) + OFFSET);
        }
    }

    function undoL1ToL2Alias(address l2Address) internal pure returns (address l1Address) {
        unchecked {
            l1Address = address(uint160(l2Address) - OFFSET);
        }
    }
}
