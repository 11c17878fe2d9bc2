package dev.opsim.protocol.fee;

import org.apache.tuweni.bytes.Bytes;

/**
 * The length FastLZ level-1 compression would produce, without producing it. Fjord prices L1 data by this length
 * (protocol-reference 7.2), so it must match op-geth's {@code FlzCompressLen} and the GasPriceOracle's
 * {@code LibZip.flzCompress(..).length} bit for bit, quirks included: the match finder hashes 3-byte little-endian
 * words into an 8192-entry table that starts zeroed (so position 0 is an implicit candidate), the match length
 * counts one byte past the first mismatch, and the last 13 bytes are never searched.
 */
public final class FastLz {
  private static final int HASH_TABLE_SIZE = 8192;
  private static final int MAX_DISTANCE = 0x1fff;
  /** Bytes at the end that the match finder never starts a search in. */
  private static final int TAIL = 13;
  private static final int MAX_LITERAL_RUN = 32;
  /** One long-match opcode copies at most this many bytes. */
  private static final int MATCH_CHUNK = 262;

  private FastLz() {}

  public static long compressedLength(Bytes data) {
    return compressedLength(data.toArrayUnsafe());
  }

  /** FastLZ level-1 compressed length of {@code in}; 0 for empty input. */
  public static long compressedLength(byte[] in) {
    int[] table = new int[HASH_TABLE_SIZE];
    int limit = in.length < TAIL ? 0 : in.length - TAIL;
    long n = 0;
    int anchor = 0;
    int ip = 2;
    while (ip < limit) {
      int ref;
      int seq;
      // Scan for a 3-byte sequence seen before within the window.
      while (true) {
        seq = u24(in, ip);
        int h = hash(seq);
        ref = table[h];
        table[h] = ip;
        int distance = ip - ref;
        if (ip >= limit) {
          break;
        }
        ip++;
        if (distance <= MAX_DISTANCE && seq == u24(in, ref)) {
          break;
        }
      }
      if (ip >= limit) {
        break;
      }
      ip--;
      if (ip > anchor) {
        n += literalsLength(ip - anchor);
      }
      int len = matchLength(in, ref + 3, ip + 3, limit + 9);
      n += matchCodeLength(len);
      ip += len;
      table[hash(u24(in, ip))] = ip;
      ip++;
      table[hash(u24(in, ip))] = ip;
      ip++;
      anchor = ip;
    }
    return n + literalsLength(in.length - anchor);
  }

  private static int u24(byte[] in, int i) {
    return (in[i] & 0xff) | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff) << 16;
  }

  /** Fibonacci hashing in uint32 arithmetic: Java's int multiply wraps exactly like Go's uint32. */
  private static int hash(int v) {
    return ((0x9E3779B9 * v) >>> 19) & 0x1fff;
  }

  /**
   * Like the reference, counts up to and including the first differing byte (or {@code end - q} when none
   * differs); the match opcode then stores this value minus one.
   */
  private static int matchLength(byte[] in, int p, int q, int end) {
    int e = end - q;
    int l = 0;
    while (l < e) {
      if (in[p + l] != in[q + l]) {
        e = 0;
      }
      l++;
    }
    return l;
  }

  /** A literal run costs one opcode byte per started block of 32 bytes, plus the bytes themselves. */
  private static long literalsLength(int run) {
    long n = (long) (MAX_LITERAL_RUN + 1) * (run / MAX_LITERAL_RUN);
    int rest = run % MAX_LITERAL_RUN;
    return rest == 0 ? n : n + rest + 1;
  }

  /** Three bytes per full 262-byte chunk, then a 2-byte short or 3-byte long opcode for the rest. */
  private static long matchCodeLength(int len) {
    int l = len - 1;
    long n = 3L * (l / MATCH_CHUNK);
    return n + (l % MATCH_CHUNK >= 6 ? 3 : 2);
  }
}
