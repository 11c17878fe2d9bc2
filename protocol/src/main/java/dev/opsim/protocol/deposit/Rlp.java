package dev.opsim.protocol.deposit;

import dev.opsim.protocol.DecodeException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The slice of RLP a deposit needs: one list of byte strings. Decoding is canonical-only (the form every encoder
 * produces and op-geth requires): single bytes below 0x80 stand for themselves, lengths use the short form when
 * they can and have no leading zero bytes, and the list spans the input exactly.
 */
final class Rlp {
  private Rlp() {}

  static byte[] encodeList(List<Bytes> items) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (Bytes item : items) {
      byte[] b = item.toArrayUnsafe();
      if (b.length == 1 && (b[0] & 0xFF) < 0x80) {
        payload.write(b[0]);
      } else {
        writeHeader(payload, 0x80, b.length);
        payload.writeBytes(b);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeHeader(out, 0xC0, payload.size());
    out.writeBytes(payload.toByteArray());
    return out.toByteArray();
  }

  private static void writeHeader(ByteArrayOutputStream out, int base, int length) {
    if (length < 56) {
      out.write(base + length);
      return;
    }
    byte[] len = Bytes.minimalBytes(length).toArrayUnsafe();
    out.write(base + 55 + len.length);
    out.writeBytes(len);
  }

  /** Unsigned big-endian without leading zeros; zero is the empty string. */
  static Bytes uint(long value) {
    return Bytes.ofUnsignedLong(value).trimLeadingZeros();
  }

  /**
   * Decodes {@code input[offset..]} as exactly one list whose elements are all byte strings.
   *
   * @param what names the structure in error messages
   */
  static List<Bytes> decodeStringList(byte[] input, int offset, String what) throws DecodeException {
    if (offset >= input.length) {
      throw new DecodeException(what + ": no RLP list at offset " + offset + " (input ends)");
    }
    int prefix = input[offset] & 0xFF;
    if (prefix < 0xC0) {
      throw new DecodeException(what + ": expected an RLP list at offset " + offset
          + ", found prefix 0x" + Integer.toHexString(prefix));
    }
    Header list = header(input, offset, prefix - 0xC0, what);
    long end = (long) list.start + list.length;
    if (end != input.length) {
      throw new DecodeException(what + ": RLP list at offset " + offset + " declares " + list.length
          + " payload bytes but " + (input.length - list.start) + " follow its header");
    }
    List<Bytes> items = new ArrayList<>();
    int pos = list.start;
    while (pos < input.length) {
      int b = input[pos] & 0xFF;
      if (b < 0x80) {
        items.add(Bytes.of(b));
        pos++;
        continue;
      }
      if (b >= 0xC0) {
        throw new DecodeException(what + ": item " + items.size() + " at offset " + pos
            + " is a list, expected a byte string");
      }
      Header item = header(input, pos, b - 0x80, what);
      if ((long) item.start + item.length > input.length) {
        throw new DecodeException(what + ": item " + items.size() + " at offset " + pos + " declares "
            + item.length + " bytes but only " + (input.length - item.start) + " remain");
      }
      if (item.length == 1 && (input[item.start] & 0xFF) < 0x80) {
        throw new DecodeException(what + ": item " + items.size() + " at offset " + pos
            + " is a single byte below 0x80 with a length prefix (non-canonical RLP)");
      }
      items.add(Bytes.wrap(Arrays.copyOfRange(input, item.start, item.start + item.length)));
      pos = item.start + item.length;
    }
    return items;
  }

  private record Header(int start, int length) {}

  /** Reads a string or list header; {@code shortForm} is the prefix minus 0x80 or 0xC0 (0..63). */
  private static Header header(byte[] input, int offset, int shortForm, String what) throws DecodeException {
    if (shortForm <= 55) {
      return new Header(offset + 1, shortForm);
    }
    int lengthOfLength = shortForm - 55;
    if ((long) offset + 1 + lengthOfLength > input.length) {
      throw new DecodeException(what + ": RLP length at offset " + offset + " is cut off");
    }
    if (input[offset + 1] == 0) {
      throw new DecodeException(what + ": RLP length at offset " + offset + " has a leading zero byte");
    }
    long length = 0;
    for (int i = 0; i < lengthOfLength; i++) {
      length = (length << 8) | (input[offset + 1 + i] & 0xFF);
      if (length > Integer.MAX_VALUE) {
        throw new DecodeException(what + ": RLP length at offset " + offset + " exceeds any possible input");
      }
    }
    if (length < 56) {
      throw new DecodeException(what + ": RLP length " + length + " at offset " + offset
          + " uses the long form (non-canonical RLP)");
    }
    return new Header(offset + 1 + lengthOfLength, (int) length);
  }
}
