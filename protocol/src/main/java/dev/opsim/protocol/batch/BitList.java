package dev.opsim.protocol.batch;

import dev.opsim.protocol.tx.Rlp;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * A span-batch bitlist (protocol-reference 5.7): the bits form a big-endian integer, left-padded with zero bits
 * to whole bytes; bit {@code i} of the list is bit {@code i} of that integer, so bit 0 is the least significant
 * bit of the last byte. {@code bytes} is exactly the wire form; padding bits must be zero (op-node
 * {@code decodeSpanBatchBits} rejects a set padding bit).
 */
public record BitList(int length, Bytes bytes) {
  public BitList {
    if (length < 0) {
      throw new IllegalArgumentException("negative bit list length " + length);
    }
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != byteLength(length)) {
      throw new IllegalArgumentException(
          "a bit list of " + length + " bits takes " + byteLength(length) + " bytes, got " + bytes.size());
    }
    if (paddingBitsSet(length, bytes)) {
      throw new IllegalArgumentException("bit list of " + length + " bits has padding bits set");
    }
    bytes = Rlp.copyOf(bytes);
  }

  /** The number of bytes a list of {@code length} bits takes on the wire. */
  public static int byteLength(int length) {
    return length / 8 + (length % 8 == 0 ? 0 : 1);
  }

  /** Whether the bits above {@code length} in the first (most significant) byte are non-zero. */
  static boolean paddingBitsSet(int length, Bytes bytes) {
    int usedInFirst = length % 8;
    return usedInFirst != 0 && (bytes.get(0) & 0xFF) >>> usedInFirst != 0;
  }

  /** A list whose bit {@code i} is {@code bits[i]}. */
  public static BitList of(boolean... bits) {
    byte[] out = new byte[byteLength(bits.length)];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        out[out.length - 1 - i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return new BitList(bits.length, Bytes.wrap(out));
  }

  public boolean get(int index) {
    Objects.checkIndex(index, length);
    return (bytes.get(bytes.size() - 1 - index / 8) & (1 << (index % 8))) != 0;
  }

  /** The number of set bits. */
  public int count() {
    int total = 0;
    for (int i = 0; i < bytes.size(); i++) {
      total += Integer.bitCount(bytes.get(i) & 0xFF);
    }
    return total;
  }
}
