package dev.opsim.engine.trie;

import dev.opsim.protocol.DecodeException;
import java.util.Arrays;

/**
 * Trie paths as arrays holding one nibble (0..15) per byte, and their hex-prefix encoding (Yellow Paper
 * appendix C). A key is split into nibbles once per operation; walks then move an offset instead of slicing.
 */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  static byte[] fromBytes(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      out[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return out;
  }

  /** Length of the common prefix of {@code path} and {@code key} from {@code keyOffset}. */
  static int commonPrefix(byte[] path, byte[] key, int keyOffset) {
    int max = Math.min(path.length, key.length - keyOffset);
    int i = 0;
    while (i < max && path[i] == key[keyOffset + i]) {
      i++;
    }
    return i;
  }

  /** Whether {@code key} from {@code keyOffset} starts with all of {@code path}. */
  static boolean startsWith(byte[] key, int keyOffset, byte[] path) {
    return key.length - keyOffset >= path.length && commonPrefix(path, key, keyOffset) == path.length;
  }

  /** Whether {@code key} from {@code keyOffset} is exactly {@code path}. */
  static boolean equalsRest(byte[] key, int keyOffset, byte[] path) {
    return key.length - keyOffset == path.length && commonPrefix(path, key, keyOffset) == path.length;
  }

  static byte[] slice(byte[] path, int from, int to) {
    return from == to ? EMPTY : Arrays.copyOfRange(path, from, to);
  }

  static byte[] prepend(int nibble, byte[] rest) {
    byte[] out = new byte[rest.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Hex-prefix encoding: flag nibble 2 for a leaf, +1 and the first nibble packed when the length is odd. */
  static byte[] encodeHexPrefix(byte[] path, boolean leaf) {
    int flag = leaf ? 2 : 0;
    boolean odd = (path.length & 1) == 1;
    byte[] out = new byte[path.length / 2 + 1];
    int i = 0;
    if (odd) {
      out[0] = (byte) (((flag + 1) << 4) | path[0]);
      i = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int o = 1; o < out.length; o++, i += 2) {
      out[o] = (byte) ((path[i] << 4) | path[i + 1]);
    }
    return out;
  }

  /** Decoded hex-prefix path: the nibbles and whether the flag marked a leaf. */
  record HexPrefix(byte[] path, boolean leaf) {}

  static HexPrefix decodeHexPrefix(byte[] buf, int start, int end) throws DecodeException {
    if (start == end) {
      throw new DecodeException("trie node: empty hex-prefix path at offset " + start);
    }
    int flag = (buf[start] >> 4) & 0x0f;
    if (flag > 3) {
      throw new DecodeException("trie node: hex-prefix flag " + flag + " above 3 at offset " + start);
    }
    boolean odd = (flag & 1) == 1;
    if (!odd && (buf[start] & 0x0f) != 0) {
      throw new DecodeException("trie node: even hex-prefix path with a non-zero pad nibble at offset " + start);
    }
    int bytes = end - start - 1;
    byte[] path = new byte[bytes * 2 + (odd ? 1 : 0)];
    int p = 0;
    if (odd) {
      path[p++] = (byte) (buf[start] & 0x0f);
    }
    for (int i = start + 1; i < end; i++) {
      path[p++] = (byte) ((buf[i] >> 4) & 0x0f);
      path[p++] = (byte) (buf[i] & 0x0f);
    }
    return new HexPrefix(path, flag >= 2);
  }
}
