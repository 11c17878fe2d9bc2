package dev.opsim.engine.trie;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * A plain recursive RLP encoder (Yellow Paper appendix B), written separately from the production encoder so
 * the reference trie and the hand-built nodes in tests do not share its code. Items: byte[] (a string), a List
 * of items, or {@link Raw} (an already encoded item, as an embedded trie node is).
 */
final class RefRlp {
  private RefRlp() {}

  record Raw(byte[] encoded) {}

  static byte[] encode(Object item) {
    if (item instanceof Raw raw) {
      return raw.encoded();
    }
    if (item instanceof byte[] s) {
      if (s.length == 1 && (s[0] & 0xff) < 0x80) {
        return s;
      }
      return concat(header(0x80, s.length), s);
    }
    if (item instanceof List<?> list) {
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      for (Object element : list) {
        payload.writeBytes(encode(element));
      }
      byte[] p = payload.toByteArray();
      return concat(header(0xc0, p.length), p);
    }
    throw new IllegalArgumentException("not an RLP item: " + item);
  }

  /** Minimal big-endian bytes of a non-negative integer (empty for zero). */
  static byte[] integer(long value) {
    if (value == 0) {
      return new byte[0];
    }
    byte[] twos = BigInteger.valueOf(value).toByteArray();
    return twos[0] == 0 ? Arrays.copyOfRange(twos, 1, twos.length) : twos;
  }

  private static byte[] header(int base, int length) {
    if (length < 56) {
      return new byte[] {(byte) (base + length)};
    }
    byte[] len = integer(length);
    return concat(new byte[] {(byte) (base + 55 + len.length)}, len);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
