package dev.opsim.engine.rlp;

import dev.opsim.protocol.DecodeException;

/**
 * The small part of RLP (Yellow Paper appendix B) that trie nodes, accounts and storage values need, working on
 * plain arrays so hashing a large trie does not allocate per item. The reader is strict: it accepts only the
 * canonical encoding, because a node's hash commits to its exact bytes.
 */
public final class Rlp {
  public static final byte EMPTY_STRING = (byte) 0x80;

  private Rlp() {}

  /** Length of the RLP string encoding of {@code s}. */
  public static int stringLength(byte[] s) {
    if (s.length == 1 && (s[0] & 0xff) < 0x80) {
      return 1;
    }
    return headerLength(s.length) + s.length;
  }

  /** Writes {@code s} as an RLP string at {@code pos}; returns the position after it. */
  public static int writeString(byte[] out, int pos, byte[] s) {
    if (s.length == 1 && (s[0] & 0xff) < 0x80) {
      out[pos] = s[0];
      return pos + 1;
    }
    pos = writeHeader(out, pos, 0x80, s.length);
    System.arraycopy(s, 0, out, pos, s.length);
    return pos + s.length;
  }

  /** Length of the header of a string or list whose payload has {@code payloadLength} bytes. */
  public static int headerLength(int payloadLength) {
    if (payloadLength < 56) {
      return 1;
    }
    return 1 + byteCount(payloadLength);
  }

  public static int writeListHeader(byte[] out, int pos, int payloadLength) {
    return writeHeader(out, pos, 0xc0, payloadLength);
  }

  /** The RLP encoding of a string. */
  public static byte[] encodeString(byte[] s) {
    byte[] out = new byte[stringLength(s)];
    writeString(out, 0, s);
    return out;
  }

  /** The RLP encoding of a list whose items are already encoded. */
  public static byte[] encodeList(byte[]... encodedItems) {
    int payload = 0;
    for (byte[] item : encodedItems) {
      payload += item.length;
    }
    byte[] out = new byte[headerLength(payload) + payload];
    int pos = writeListHeader(out, 0, payload);
    for (byte[] item : encodedItems) {
      System.arraycopy(item, 0, out, pos, item.length);
      pos += item.length;
    }
    return out;
  }

  /** The minimal big-endian bytes of an unsigned 64-bit number (empty for zero), as RLP integers use. */
  public static byte[] unsignedLongBytes(long value) {
    int n = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    byte[] out = new byte[n];
    for (int i = n - 1; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  private static int byteCount(int value) {
    return (32 - Integer.numberOfLeadingZeros(value) + 7) / 8;
  }

  private static int writeHeader(byte[] out, int pos, int base, int payloadLength) {
    if (payloadLength < 56) {
      out[pos] = (byte) (base + payloadLength);
      return pos + 1;
    }
    int n = byteCount(payloadLength);
    out[pos++] = (byte) (base + 55 + n);
    for (int i = n - 1; i >= 0; i--) {
      out[pos + i] = (byte) payloadLength;
      payloadLength >>>= 8;
    }
    return pos + n;
  }

  /**
   * One item read from {@code [start, end)} of a buffer: its payload is {@code [payloadStart, end)}.
   *
   * @param list whether the item is a list (else a string)
   */
  public record Item(boolean list, int start, int payloadStart, int end) {
    public int payloadLength() {
      return end - payloadStart;
    }

    public int encodedLength() {
      return end - start;
    }
  }

  /**
   * Reads the item starting at {@code pos}, which must end at or before {@code limit}.
   *
   * @throws DecodeException if the item is truncated, overruns {@code limit} or is not canonically encoded
   */
  public static Item readItem(byte[] buf, int pos, int limit, String what) throws DecodeException {
    if (pos >= limit) {
      throw new DecodeException(what + ": expected an RLP item at offset " + pos + ", found the end");
    }
    int prefix = buf[pos] & 0xff;
    if (prefix < 0x80) {
      return new Item(false, pos, pos, pos + 1);
    }
    boolean list = prefix >= 0xc0;
    int shortBase = list ? 0xc0 : 0x80;
    int small = prefix - shortBase;
    long length;
    int payloadStart;
    if (small < 56) {
      length = small;
      payloadStart = pos + 1;
      if (!list && small == 1) {
        if (payloadStart >= limit) {
          throw new DecodeException(what + ": string at offset " + pos + " runs past the end");
        }
        if ((buf[payloadStart] & 0xff) < 0x80) {
          throw new DecodeException(what + ": single byte below 0x80 wrapped in a string header at offset " + pos);
        }
      }
    } else {
      int lengthBytes = small - 55;
      payloadStart = pos + 1 + lengthBytes;
      if (payloadStart > limit) {
        throw new DecodeException(what + ": length of the item at offset " + pos + " runs past the end");
      }
      if (buf[pos + 1] == 0) {
        throw new DecodeException(what + ": length with a leading zero byte at offset " + (pos + 1));
      }
      length = 0;
      for (int i = 0; i < lengthBytes; i++) {
        length = (length << 8) | (buf[pos + 1 + i] & 0xff);
        if (length > Integer.MAX_VALUE) {
          throw new DecodeException(what + ": item at offset " + pos + " claims more bytes than can exist");
        }
      }
      if (length < 56) {
        throw new DecodeException(what + ": long-form length " + length + " below 56 at offset " + pos);
      }
    }
    if (length > limit - payloadStart) {
      throw new DecodeException(
          what + ": item at offset " + pos + " needs " + length + " bytes, only " + (limit - payloadStart) + " left");
    }
    return new Item(list, pos, payloadStart, payloadStart + (int) length);
  }

  /** Reads one item at {@code pos} that must be a list. */
  public static Item readList(byte[] buf, int pos, int limit, String what) throws DecodeException {
    Item item = readItem(buf, pos, limit, what);
    if (!item.list()) {
      throw new DecodeException(what + ": expected an RLP list at offset " + pos + ", found a string");
    }
    return item;
  }

  /** Reads a whole buffer as exactly one list item. */
  public static Item readWholeList(byte[] buf, String what) throws DecodeException {
    Item item = readItem(buf, 0, buf.length, what);
    if (!item.list()) {
      throw new DecodeException(what + ": expected an RLP list at offset 0, found a string");
    }
    if (item.end() != buf.length) {
      throw new DecodeException(what + ": " + (buf.length - item.end()) + " trailing bytes after the list at offset "
          + item.end());
    }
    return item;
  }

  /**
   * Reads a canonical unsigned integer string (no leading zero byte) of at most {@code maxBytes} bytes as the
   * payload bytes.
   */
  public static byte[] readUnsigned(byte[] buf, Item item, int maxBytes, String what) throws DecodeException {
    if (item.list()) {
      throw new DecodeException(what + ": expected an integer string at offset " + item.start() + ", found a list");
    }
    int n = item.payloadLength();
    if (n > maxBytes) {
      throw new DecodeException(what + ": integer of " + n + " bytes at offset " + item.start()
          + " exceeds " + maxBytes);
    }
    if (n > 0 && buf[item.payloadStart()] == 0) {
      throw new DecodeException(what + ": integer with a leading zero byte at offset " + item.start());
    }
    byte[] out = new byte[n];
    System.arraycopy(buf, item.payloadStart(), out, 0, n);
    return out;
  }
}
