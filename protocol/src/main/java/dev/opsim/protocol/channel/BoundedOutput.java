package dev.opsim.protocol.channel;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;

/**
 * A growable output buffer that never grows past a cap. It grows only as bytes actually arrive, so a
 * decompression bomb costs at most the cap, and a small channel costs little.
 */
final class BoundedOutput {
  private final int cap;
  private byte[] buf;
  private int size;

  BoundedOutput(int cap, long sizeHint) {
    this.cap = cap;
    this.buf = new byte[(int) Math.min(cap, Math.max(4096L, sizeHint))];
  }

  int size() {
    return size;
  }

  boolean full() {
    return size == cap;
  }

  byte[] array() {
    return buf;
  }

  /** Makes room for up to {@code wanted} more bytes; returns how many fit (0 once the cap is reached). */
  int reserve(int wanted) {
    int room = (int) Math.min(wanted, (long) cap - size);
    if (size + room > buf.length) {
      long grown = Math.max((long) buf.length * 2, (long) size + room);
      buf = Arrays.copyOf(buf, (int) Math.min(grown, cap));
    }
    return room;
  }

  void advance(int n) {
    size += n;
  }

  /** Appends as much of {@code src} as the cap allows; returns whether all of it fitted. */
  boolean append(ByteBuffer src) {
    int n = reserve(src.remaining());
    src.get(buf, size, n);
    size += n;
    return !src.hasRemaining();
  }

  Bytes toBytes() {
    return Bytes.wrap(size == buf.length ? buf : Arrays.copyOf(buf, size));
  }
}
