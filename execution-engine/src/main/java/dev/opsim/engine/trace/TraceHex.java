package dev.opsim.engine.trace;

import java.math.BigInteger;

/** Hex forms used by geth's tracers. Stack words arrive as four limbs, least significant first. */
final class TraceHex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private TraceHex() {}

  /** A uint256 as a 0x-hex quantity without leading zeros ("0x0" for zero), like holiman/uint256 Hex(). */
  static String quantity(long[] limbs, int offset) {
    int top = 3;
    while (top > 0 && limbs[offset + top] == 0) {
      top--;
    }
    StringBuilder sb = new StringBuilder(2 + 16 * (top + 1)).append("0x");
    sb.append(Long.toHexString(limbs[offset + top]));
    for (int i = top - 1; i >= 0; i--) {
      appendPadded(sb, limbs[offset + i]);
    }
    return sb.toString();
  }

  /** A uint256 as 0x plus 64 hex digits (geth's common.Hash Hex()). */
  static String word(long[] limbs, int offset) {
    StringBuilder sb = new StringBuilder(66).append("0x");
    for (int i = 3; i >= 0; i--) {
      appendPadded(sb, limbs[offset + i]);
    }
    return sb.toString();
  }

  /** The word as 32 big-endian bytes. */
  static byte[] wordBytes(long[] limbs, int offset) {
    byte[] b = new byte[32];
    for (int i = 0; i < 4; i++) {
      long v = limbs[offset + 3 - i];
      for (int j = 7; j >= 0; j--) {
        b[i * 8 + j] = (byte) v;
        v >>>= 8;
      }
    }
    return b;
  }

  /** hexutil.Uint64: 0x without leading zeros. */
  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** hexutil.Big: 0x without leading zeros; non-negative values only. */
  static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }

  private static void appendPadded(StringBuilder sb, long v) {
    for (int shift = 60; shift >= 0; shift -= 4) {
      sb.append(DIGITS[(int) (v >>> shift) & 0xf]);
    }
  }
}
