// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice The length FastLZ level-1 compression gives, without producing the output (protocol-reference 7.2):
///         the input Fjord's L1 fee is priced by. Must agree byte for byte with op-geth's `FlzCompressLen` and the
///         protocol module's `FastLz.compressedLength`, quirks included: 3-byte little-endian sequences hashed
///         into an 8192-entry table that starts zeroed (so position 0 is an implicit candidate), a match length that
///         counts one byte past the first mismatch, and the last 13 bytes never start a search.
library FastLzLength {
    uint256 private constant HASH_TABLE_SIZE = 8192;
    uint256 private constant MAX_DISTANCE = 0x1fff;
    uint256 private constant TAIL = 13;

    function compressedLength(bytes memory _data) internal pure returns (uint256 n) {
        uint256 length = _data.length;
        uint256 limit = length < TAIL ? 0 : length - TAIL;
        uint256[] memory table = new uint256[](HASH_TABLE_SIZE);
        uint256 anchor = 0;
        uint256 ip = 2;
        unchecked {
            while (ip < limit) {
                uint256 ref;
                // Find a 3-byte sequence seen before, no further back than MAX_DISTANCE.
                while (true) {
                    uint256 seq = _u24(_data, ip);
                    uint256 h = _hash(seq);
                    ref = _get(table, h);
                    _put(table, h, ip);
                    uint256 distance = ip - ref;
                    if (ip >= limit) {
                        break;
                    }
                    ip++;
                    if (distance <= MAX_DISTANCE && seq == _u24(_data, ref)) {
                        break;
                    }
                }
                if (ip >= limit) {
                    break;
                }
                ip--;
                if (ip > anchor) {
                    n += _literalsLength(ip - anchor);
                }
                uint256 len = _matchLength(_data, ref + 3, ip + 3, limit + 9);
                n += _matchCodeLength(len);
                ip += len;
                _put(table, _hash(_u24(_data, ip)), ip);
                ip++;
                _put(table, _hash(_u24(_data, ip)), ip);
                ip++;
                anchor = ip;
            }
            n += _literalsLength(length - anchor);
        }
    }

    /// @notice bytes[i] | bytes[i+1] << 8 | bytes[i+2] << 16 (callers stay within the input).
    function _u24(bytes memory _data, uint256 _i) private pure returns (uint256 v) {
        assembly {
            let w := mload(add(add(_data, 0x20), _i))
            v := or(or(byte(0, w), shl(8, byte(1, w))), shl(16, byte(2, w)))
        }
    }

    /// @notice Fibonacci hashing in uint32 arithmetic, top 13 bits.
    function _hash(uint256 _v) private pure returns (uint256 h) {
        assembly {
            h := and(shr(19, and(mul(0x9E3779B9, _v), 0xffffffff)), 0x1fff)
        }
    }

    function _get(uint256[] memory _table, uint256 _h) private pure returns (uint256 v) {
        assembly {
            v := mload(add(add(_table, 0x20), shl(5, _h)))
        }
    }

    function _put(uint256[] memory _table, uint256 _h, uint256 _v) private pure {
        assembly {
            mstore(add(add(_table, 0x20), shl(5, _h)), _v)
        }
    }

    /// @notice Bytes compared up to and including the first difference, at most `_end - _q`.
    function _matchLength(bytes memory _data, uint256 _p, uint256 _q, uint256 _end) private pure returns (uint256 l) {
        assembly {
            let base := add(_data, 0x20)
            let e := sub(_end, _q)
            for { } lt(l, e) { } {
                if iszero(eq(byte(0, mload(add(base, add(_p, l)))), byte(0, mload(add(base, add(_q, l)))))) {
                    e := 0
                }
                l := add(l, 1)
            }
        }
    }

    /// @notice One opcode byte per started 32-byte literal block, plus the bytes.
    function _literalsLength(uint256 _run) private pure returns (uint256 n) {
        unchecked {
            n = 33 * (_run / 32);
            uint256 rest = _run % 32;
            if (rest != 0) {
                n += rest + 1;
            }
        }
    }

    /// @notice Three bytes per full 262-byte chunk, then a 2-byte short or 3-byte long match opcode.
    function _matchCodeLength(uint256 _len) private pure returns (uint256 n) {
        unchecked {
            uint256 l = _len - 1;
            n = 3 * (l / 262) + (l % 262 >= 6 ? 3 : 2);
        }
    }
}
