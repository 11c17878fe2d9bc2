package dev.opsim.engine.chain;

import dev.opsim.protocol.DecodeException;

/**
 * Finds the boundaries of RLP items in a buffer without decoding them, so a block can keep its transactions'
 * exact bytes (Tuweni's reader does not give absolute offsets inside nested lists). Strict: only canonical
 * headers are accepted, and an item must fit inside its enclosing limit.
 */
final class RlpScanner {
  private RlpScanner() {}

  /** One item: the whole encoding is {@code [start, end)}, the payload {@code [payloadStart, end)}. */
  record Item(boolean list, int start, int payloadStart, int end) {}

  static Item read(byte[] buf, int pos, int limit, String what) throws DecodeException {
    if (pos >= limit) {
      throw new DecodeException(what + ": expected an RLP item at offset " + pos + ", found the end");
    }
    int prefix = buf[pos] & 0xff;
    if (prefix < 0x80) {
      return new Item(false, pos, pos, pos + 1);
    }
    boolean list = prefix >= 0xc0;
    int small = prefix - (list ? 0xc0 : 0x80);
    long length;
    int payloadStart;
    if (small < 56) {
      length = small;
      payloadStart = pos + 1;
      if (!list && small == 1 && payloadStart < limit && (buf[payloadStart] & 0xff) < 0x80) {
        throw new DecodeException(what + ": single byte below 0x80 wrapped in a string header at offset " + pos);
      }
    } else {
      int lengthBytes = small - 55;
      payloadStart = pos + 1 + lengthBytes;
      if (payloadStart > limit) {
        throw new DecodeException(what + ": the length of the item at offset " + pos + " runs past the end");
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
      throw new DecodeException(what + ": item at offset " + pos + " needs " + length + " bytes, only "
          + (limit - payloadStart) + " left");
    }
    return new Item(list, pos, payloadStart, payloadStart + (int) length);
  }

  static Item readList(byte[] buf, int pos, int limit, String what) throws DecodeException {
    Item item = read(buf, pos, limit, what);
    if (!item.list()) {
      throw new DecodeException(what + ": expected an RLP list at offset " + pos + ", found a string");
    }
    return item;
  }
}
