package dev.opsim.protocol.batch;

import dev.opsim.protocol.DecodeException;
import java.io.ByteArrayOutputStream;

/**
 * Protobuf base-128 unsigned varints as span batches use them (protocol-reference 5.7): little-endian groups of 7
 * bits, high bit set on every byte but the last, at most 10 bytes for a uint64.
 *
 * <p>Reads exactly as Go's {@code binary.ReadUvarint}, which op-node uses: non-minimal encodings (a final 0x00
 * group, e.g. {@code 0x80 0x00} for 0) are accepted, so {@code encode(decode(x)) == x} only for canonical input;
 * a 10th byte above 1, or no final byte within 10 bytes, is Go's overflow error.
 */
final class Uvarint {
  static final int MAX_BYTES = 10;

  private Uvarint() {}

  static long read(ByteReader in, String field) throws DecodeException {
    int start = in.offset();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      int b = in.readByte(field);
      if (i == MAX_BYTES - 1 && b > 1) {
        throw in.error(field + " overflows 64 bits", start);
      }
      value |= (long) (b & 0x7F) << (7 * i);
      if (b < 0x80) {
        return value;
      }
    }
    throw in.error(field + " overflows 64 bits (more than 10 bytes)", start);
  }

  static void write(ByteArrayOutputStream out, long value) {
    long rest = value;
    while (Long.compareUnsigned(rest, 0x80) >= 0) {
      out.write((int) (rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.write((int) rest);
  }
}
