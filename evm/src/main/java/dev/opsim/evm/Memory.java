package dev.opsim.evm;

import java.util.Arrays;

/** EVM memory: a byte array that grows in 32-byte words; growth is paid for before it happens. */
public final class Memory {
  /** Largest memory end (bytes) we will ever price; beyond it the quadratic cost exceeds any gas limit. */
  static final long MAX_END = 1L << 36;

  private byte[] data = new byte[0];
  private long size;

  public long size() {
    return size;
  }

  /** Gas for memory of {@code words} words: 3·w + w²/512 (yellow paper C_mem). */
  static long cost(long words) {
    return 3 * words + (words * words) / 512;
  }

  /** Extra gas to grow memory to cover {@code end} bytes, 0 when already covered. {@code end <= MAX_END}. */
  long expansionCost(long end) {
    if (end <= size) {
      return 0;
    }
    long words = (end + 31) >>> 5;
    return cost(words) - cost(size >>> 5);
  }

  void grow(long end) {
    if (end <= size) {
      return;
    }
    long newSize = ((end + 31) >>> 5) << 5;
    if (newSize > data.length) {
      long cap = Math.max(newSize, Math.min((long) data.length * 2, Integer.MAX_VALUE - 8));
      data = Arrays.copyOf(data, (int) cap);
    }
    size = newSize;
  }

  byte[] raw() {
    return data;
  }

  byte[] slice(long off, long len) {
    if (len == 0) {
      return new byte[0];
    }
    return Arrays.copyOfRange(data, (int) off, (int) (off + len));
  }

  /** Copies {@code len} bytes of {@code src} from {@code srcOff} to memory, zero-filling past the source end. */
  void copyPadded(long memOff, byte[] src, long srcOff, long len) {
    if (len == 0) {
      return;
    }
    int mo = (int) memOff;
    int n = (int) len;
    long available = srcOff >= src.length ? 0 : Math.min(len, src.length - srcOff);
    if (available > 0) {
      System.arraycopy(src, (int) srcOff, data, mo, (int) available);
    }
    if (available < n) {
      Arrays.fill(data, mo + (int) available, mo + n, (byte) 0);
    }
  }
}
