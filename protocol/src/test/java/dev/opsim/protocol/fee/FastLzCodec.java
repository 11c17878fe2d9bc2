package dev.opsim.protocol.fee;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Test oracle: an actual FastLZ level-1 compressor that makes the same choices as op-geth's length function and
 * Solady's {@code flzCompress} (whose emitter this follows), and a decompressor written from the FastLZ level-1
 * format. If the length function miscounted a match, the compressor built on the same scan would emit a wrong
 * match and the round trip would fail.
 */
final class FastLzCodec {
  private FastLzCodec() {}

  static byte[] compress(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] table = new int[8192];
    int limit = in.length < 13 ? 0 : in.length - 13;
    int anchor = 0;
    int ip = 2;
    while (ip < limit) {
      int ref;
      int distance;
      while (true) {
        int seq = u24(in, ip);
        int h = hash(seq);
        ref = table[h];
        table[h] = ip;
        distance = ip - ref;
        if (ip >= limit) {
          break;
        }
        ip++;
        if (distance <= 0x1fff && seq == u24(in, ref)) {
          break;
        }
      }
      if (ip >= limit) {
        break;
      }
      ip--;
      if (ip > anchor) {
        literals(out, in, anchor, ip - anchor);
      }
      int l = 0;
      int e = limit + 9 - (ip + 3);
      while (l < e) {
        if (in[ref + 3 + l] != in[ip + 3 + l]) {
          e = 0;
        }
        l++;
      }
      ip += l;
      int d = distance - 1;
      for (; l > 262; l -= 262) {
        out.write(224 + (d >> 8));
        out.write(253);
        out.write(d & 255);
      }
      if (l < 7) {
        out.write((l << 5) + (d >> 8));
        out.write(d & 255);
      } else {
        out.write(224 + (d >> 8));
        out.write(l - 7);
        out.write(d & 255);
      }
      table[hash(u24(in, ip))] = ip;
      ip++;
      table[hash(u24(in, ip))] = ip;
      ip++;
      anchor = ip;
    }
    literals(out, in, anchor, in.length - anchor);
    return out.toByteArray();
  }

  /** FastLZ level 1: {@code ctrl < 32} copies ctrl+1 literals, otherwise a back reference. */
  static byte[] decompress(byte[] in) {
    byte[] out = new byte[64];
    int op = 0;
    int ip = 0;
    while (ip < in.length) {
      int ctrl = in[ip++] & 0xff;
      int len;
      if (ctrl < 32) {
        len = ctrl + 1;
        out = ensure(out, op + len);
        System.arraycopy(in, ip, out, op, len);
        ip += len;
        op += len;
      } else {
        len = (ctrl >> 5) - 1;
        int ofs = (ctrl & 31) << 8;
        if (len == 6) {
          len += in[ip++] & 0xff;
        }
        ofs += in[ip++] & 0xff;
        len += 3;
        int ref = op - ofs - 1;
        out = ensure(out, op + len);
        // Byte by byte: the source may overlap what is being written (runs).
        for (int i = 0; i < len; i++) {
          out[op++] = out[ref + i];
        }
      }
    }
    return Arrays.copyOf(out, op);
  }

  private static byte[] ensure(byte[] buf, int size) {
    return size <= buf.length ? buf : Arrays.copyOf(buf, Math.max(size, buf.length * 2));
  }

  private static void literals(ByteArrayOutputStream out, byte[] in, int from, int run) {
    int s = from;
    while (run >= 32) {
      out.write(31);
      out.write(in, s, 32);
      s += 32;
      run -= 32;
    }
    if (run > 0) {
      out.write(run - 1);
      out.write(in, s, run);
    }
  }

  private static int u24(byte[] in, int i) {
    return (in[i] & 0xff) | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff) << 16;
  }

  private static int hash(int v) {
    return ((0x9E3779B9 * v) >>> 19) & 0x1fff;
  }
}
