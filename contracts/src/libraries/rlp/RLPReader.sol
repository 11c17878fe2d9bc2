// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice A strict reader of RLP (Yellow Paper appendix B) over memory, for Merkle-Patricia proofs. Every length
///         is checked against the bytes actually present, and only canonical encodings are accepted (a single
///         byte below 0x80 written as a string, or a long-form length that fits the short form or has leading
///         zeros, is refused), so one value has exactly one accepted encoding.
library RLPReader {
    /// @notice An RLP item: `length` bytes at memory address `ptr`, prefix included.
    struct RLPItem {
        uint256 length;
        uint256 ptr;
    }

    enum RLPItemType {
        DATA_ITEM,
        LIST_ITEM
    }

    /// @notice Lists longer than this are refused (a trie node has at most 17 items).
    uint256 internal constant MAX_LIST_ITEMS = 32;

    error EmptyItem();
    error ItemTooShort();
    error NonCanonicalEncoding();
    error NotAList();
    error NotAString();
    error TrailingBytes();
    error TooManyItems();

    /// @notice Wraps `_in` as an item (no copy). Reverts if it is empty.
    function toRLPItem(bytes memory _in) internal pure returns (RLPItem memory item) {
        if (_in.length == 0) revert EmptyItem();
        uint256 ptr;
        assembly {
            ptr := add(_in, 32)
        }
        item = RLPItem({ length: _in.length, ptr: ptr });
    }

    /// @notice The items of a list item that spans `_in.length` exactly.
    function readList(RLPItem memory _in) internal pure returns (RLPItem[] memory items) {
        (uint256 offset, uint256 length, RLPItemType kind) = _decodeLength(_in);
        if (kind != RLPItemType.LIST_ITEM) revert NotAList();
        if (offset + length != _in.length) revert TrailingBytes();

        items = new RLPItem[](MAX_LIST_ITEMS);
        uint256 count = 0;
        uint256 position = offset;
        while (position < _in.length) {
            if (count == MAX_LIST_ITEMS) revert TooManyItems();
            RLPItem memory rest = RLPItem({ length: _in.length - position, ptr: _in.ptr + position });
            (uint256 itemOffset, uint256 itemLength,) = _decodeLength(rest);
            items[count] = RLPItem({ length: itemOffset + itemLength, ptr: rest.ptr });
            count++;
            position += itemOffset + itemLength;
        }
        assembly {
            mstore(items, count)
        }
    }

    function readList(bytes memory _in) internal pure returns (RLPItem[] memory) {
        return readList(toRLPItem(_in));
    }

    /// @notice The payload of a string item that spans `_in.length` exactly.
    function readBytes(RLPItem memory _in) internal pure returns (bytes memory) {
        (uint256 offset, uint256 length, RLPItemType kind) = _decodeLength(_in);
        if (kind != RLPItemType.DATA_ITEM) revert NotAString();
        if (offset + length != _in.length) revert TrailingBytes();
        return _copy(_in.ptr + offset, length);
    }

    function readBytes(bytes memory _in) internal pure returns (bytes memory) {
        return readBytes(toRLPItem(_in));
    }

    /// @notice The item's bytes, prefix included.
    function readRawBytes(RLPItem memory _in) internal pure returns (bytes memory) {
        return _copy(_in.ptr, _in.length);
    }

    /// @notice Where the payload of the first item in `_in` starts, how long it is, and its kind. Reverts unless the
    ///         prefix and the payload lie within `_in` and the encoding is canonical.
    function _decodeLength(RLPItem memory _in)
        private
        pure
        returns (uint256 offset, uint256 length, RLPItemType kind)
    {
        if (_in.length == 0) revert EmptyItem();
        uint256 ptr = _in.ptr;
        uint256 prefix;
        assembly {
            prefix := byte(0, mload(ptr))
        }

        if (prefix <= 0x7f) {
            return (0, 1, RLPItemType.DATA_ITEM);
        }
        if (prefix <= 0xb7) {
            length = prefix - 0x80;
            if (_in.length <= length) revert ItemTooShort();
            if (length == 1) {
                uint256 first;
                assembly {
                    first := byte(0, mload(add(ptr, 1)))
                }
                if (first < 0x80) revert NonCanonicalEncoding();
            }
            return (1, length, RLPItemType.DATA_ITEM);
        }
        if (prefix <= 0xbf) {
            (offset, length) = _longLength(_in, prefix - 0xb7);
            return (offset, length, RLPItemType.DATA_ITEM);
        }
        if (prefix <= 0xf7) {
            length = prefix - 0xc0;
            if (_in.length <= length) revert ItemTooShort();
            return (1, length, RLPItemType.LIST_ITEM);
        }
        (offset, length) = _longLength(_in, prefix - 0xf7);
        return (offset, length, RLPItemType.LIST_ITEM);
    }

    /// @notice A long-form length of `_lengthOfLength` bytes after the prefix: no leading zero, above 55, and the
    ///         payload present.
    function _longLength(RLPItem memory _in, uint256 _lengthOfLength)
        private
        pure
        returns (uint256 offset, uint256 length)
    {
        if (_in.length <= _lengthOfLength) revert ItemTooShort();
        uint256 ptr = _in.ptr;
        uint256 firstByte;
        assembly {
            firstByte := byte(0, mload(add(ptr, 1)))
            length := shr(sub(256, mul(8, _lengthOfLength)), mload(add(ptr, 1)))
        }
        if (firstByte == 0) revert NonCanonicalEncoding();
        if (length <= 55) revert NonCanonicalEncoding();
        offset = 1 + _lengthOfLength;
        if (_in.length - offset < length) revert ItemTooShort();
    }

    function _copy(uint256 _src, uint256 _length) private pure returns (bytes memory out) {
        out = new bytes(_length);
        if (_length == 0) return out;
        uint256 dest;
        assembly {
            dest := add(out, 32)
            mcopy(dest, _src, _length)
        }
    }
}
