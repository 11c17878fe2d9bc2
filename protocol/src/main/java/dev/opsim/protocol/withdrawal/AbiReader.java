package dev.opsim.protocol.withdrawal;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Strict reader of a canonical ABI encoding whose head starts at {@code base}: static words in the head and one
 * {@code bytes} tail at the canonical offset, with nothing after its zero padding. Every problem becomes a
 * {@link DecodeException} naming the absolute byte offset; nothing is allocated from an unchecked length.
 */
final class AbiReader {
  private final Bytes data;
  private final int base;
  private final String what;

  AbiReader(Bytes data, int base, String what) {
    this.data = data;
    this.base = base;
    this.what = what;
  }

  Bytes32 word(int index) throws DecodeException {
    int at = base + index * Abi.WORD;
    if (data.size() - at < Abi.WORD) {
      throw new DecodeException(what + ": " + data.size() + " bytes end before word " + index + " at offset " + at);
    }
    return Bytes32.wrap(data.slice(at, Abi.WORD).toArray());
  }

  BigInteger uint256(int index) throws DecodeException {
    return Abi.toUint(word(index));
  }

  Address address(int index, String field) throws DecodeException {
    return Abi.toAddress(word(index), what + " " + field + " (offset " + (base + index * Abi.WORD) + ")");
  }

  /**
   * The {@code bytes} whose offset word is head word {@code index}; the offset must be {@code headWords} words
   * (the canonical position right after the head) and the encoding must end exactly after its padding.
   */
  Bytes trailingBytes(int index, int headWords) throws DecodeException {
    int offsetAt = base + index * Abi.WORD;
    BigInteger offset = uint256(index);
    BigInteger canonical = BigInteger.valueOf((long) headWords * Abi.WORD);
    if (!offset.equals(canonical)) {
      throw new DecodeException(
          what + ": bytes offset at " + offsetAt + " is " + offset + ", expected " + canonical);
    }
    int lengthAt = base + headWords * Abi.WORD;
    BigInteger length = uint256(headWords);
    long available = (long) data.size() - lengthAt - Abi.WORD;
    if (length.compareTo(BigInteger.valueOf(available)) > 0) {
      throw new DecodeException(
          what + ": bytes length " + length + " at offset " + lengthAt + " exceeds the " + available + " bytes left");
    }
    int len = length.intValueExact();
    int start = lengthAt + Abi.WORD;
    int padded = Abi.paddedLength(len);
    if (available != padded) {
      throw new DecodeException(what + ": " + available + " bytes follow the length word at offset " + lengthAt
          + ", expected " + padded + " (length " + len + " padded to a word)");
    }
    for (int i = start + len; i < start + padded; i++) {
      if (data.get(i) != 0) {
        throw new DecodeException(what + ": non-zero padding byte at offset " + i);
      }
    }
    return Bytes.wrap(data.slice(start, len).toArray());
  }
}
