package dev.opsim.protocol.channel;

/**
 * Test-only: the calldata of a signed EIP-1559 transaction ({@code 0x02 ++ rlp([chainId, nonce, tip, feeCap,
 * gas, to, value, data, ...])}), found by a minimal RLP walk. The real transaction codec lives elsewhere.
 */
final class Eip1559Calldata {
  private Eip1559Calldata() {}

  static byte[] of(byte[] tx) {
    if (tx[0] != 0x02) {
      throw new IllegalArgumentException("not a type-2 transaction");
    }
    int[] list = item(tx, 1);
    if (!isList(tx[1])) {
      throw new IllegalArgumentException("type-2 payload is not an RLP list");
    }
    int pos = list[0];
    for (int i = 0; i < 7; i++) {
      pos = item(tx, pos)[2];
    }
    int[] data = item(tx, pos);
    byte[] out = new byte[data[1]];
    System.arraycopy(tx, data[0], out, 0, data[1]);
    return out;
  }

  private static boolean isList(byte b) {
    return (b & 0xFF) >= 0xC0;
  }

  /** {payload start, payload length, next item} of the RLP item at {@code pos}. */
  private static int[] item(byte[] in, int pos) {
    int b = in[pos] & 0xFF;
    if (b < 0x80) {
      return new int[] {pos, 1, pos + 1};
    }
    int base = b < 0xC0 ? 0x80 : 0xC0;
    int shortMax = base + 55;
    if (b <= shortMax) {
      int len = b - base;
      return new int[] {pos + 1, len, pos + 1 + len};
    }
    int lenOfLen = b - shortMax;
    int len = 0;
    for (int i = 1; i <= lenOfLen; i++) {
      len = len << 8 | (in[pos + i] & 0xFF);
    }
    int start = pos + 1 + lenOfLen;
    return new int[] {start, len, start + len};
  }
}
