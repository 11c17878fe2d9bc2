package dev.opsim.protocol.withdrawal;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The few pieces of Solidity ABI encoding this package needs: static words and one trailing {@code bytes}
 * (protocol-reference notation: "word" is a 32-byte slot). Decoding goes through {@link AbiReader}.
 */
final class Abi {
  static final int WORD = 32;
  static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  private Abi() {}

  static void requireUint256(String name, BigInteger value) {
    if (value == null || value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
      throw new IllegalArgumentException(name + " must be a uint256, got " + value);
    }
  }

  static Bytes32 uint256(BigInteger value) {
    requireUint256("value", value);
    byte[] raw = value.toByteArray();
    // toByteArray may carry a leading sign byte (33 bytes for values >= 2^255).
    int skip = raw.length > WORD ? raw.length - WORD : 0;
    return Bytes32.leftPad(Bytes.wrap(raw, skip, raw.length - skip));
  }

  static Bytes32 uint256(long value) {
    return Bytes32.leftPad(Bytes.ofUnsignedLong(value));
  }

  /** Length word, the bytes, and zero padding to a whole word: the tail of a dynamic {@code bytes}. */
  static Bytes bytesTail(Bytes data) {
    return Bytes.concatenate(uint256(data.size()), data, Bytes.wrap(new byte[paddedLength(data.size()) - data.size()]));
  }

  static int paddedLength(int length) {
    return (length + WORD - 1) / WORD * WORD;
  }

  static BigInteger toUint(Bytes32 word) {
    return new BigInteger(1, word.toArrayUnsafe());
  }

  /** The address in the low 20 bytes of {@code word}, which must have 12 zero bytes above it. */
  static Address toAddress(Bytes32 word, String what) throws DecodeException {
    for (int i = 0; i < WORD - Address.SIZE; i++) {
      if (word.get(i) != 0) {
        throw new DecodeException(what + " is not an address: non-zero byte " + i + " of its word");
      }
    }
    return Address.fromWord(word);
  }
}
