package dev.opsim.protocol.l1info;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Reading and writing the fixed-offset fields of L1 info calldata (big-endian, protocol-reference 4). */
final class Calldata {
  private static final int WORD = 32;

  private Calldata() {}

  static void checkLayout(byte[] calldata, L1InfoLayout layout) throws DecodeException {
    if (calldata == null || calldata.length < 4) {
      throw new DecodeException("L1 info calldata: " + (calldata == null ? 0 : calldata.length)
          + " bytes, too short for a selector");
    }
    int selector = ByteBuffer.wrap(calldata).getInt(0);
    if (selector != layout.selector()) {
      throw new DecodeException("L1 info calldata: selector 0x" + String.format("%08x", selector)
          + " at offset 0 is not " + layout + "'s 0x" + String.format("%08x", layout.selector()));
    }
    if (calldata.length != layout.length()) {
      throw new DecodeException("L1 info calldata: " + layout + " layout is exactly " + layout.length()
          + " bytes, got " + calldata.length);
    }
  }

  static ByteBuffer writer(L1InfoLayout layout) {
    return ByteBuffer.allocate(layout.length()).putInt(layout.selector());
  }

  static byte[] finish(ByteBuffer out) {
    if (out.hasRemaining()) {
      throw new IllegalStateException("L1 info encoding left " + out.remaining() + " bytes unwritten");
    }
    return out.array();
  }

  static void putUint256(ByteBuffer out, BigInteger value) {
    out.put(Bytes32.leftPad(Bytes.wrap(value.toByteArray()).trimLeadingZeros()).toArrayUnsafe());
  }

  static void putWord(ByteBuffer out, Bytes32 word) {
    out.put(word.toArrayUnsafe());
  }

  /** A uint64 as an ABI word: 24 zero bytes and 8 value bytes. */
  static void putUint64Word(ByteBuffer out, long value) {
    out.put(new byte[WORD - 8]).putLong(value);
  }

  static Hash hash(byte[] calldata, int offset) {
    return Hash.wrap(Arrays.copyOfRange(calldata, offset, offset + WORD));
  }

  static Bytes32 word(byte[] calldata, int offset) {
    return Bytes32.wrap(Arrays.copyOfRange(calldata, offset, offset + WORD));
  }

  static BigInteger uint256(byte[] calldata, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(calldata, offset, offset + WORD));
  }

  static long uint64(byte[] calldata, int offset) {
    return ByteBuffer.wrap(calldata).getLong(offset);
  }

  static long uint32(byte[] calldata, int offset) {
    return ByteBuffer.wrap(calldata).getInt(offset) & 0xFFFFFFFFL;
  }

  static int uint16(byte[] calldata, int offset) {
    return ByteBuffer.wrap(calldata).getShort(offset) & 0xFFFF;
  }

  /** An ABI word that must hold a uint64 (its 24 high bytes zero), as op-node requires. */
  static long uint64Word(byte[] calldata, int offset, String name) throws DecodeException {
    for (int i = offset; i < offset + WORD - 8; i++) {
      if (calldata[i] != 0) {
        throw new DecodeException("L1 info calldata: " + name + " word at offset " + offset
            + " does not fit in a uint64");
      }
    }
    return uint64(calldata, offset + WORD - 8);
  }

  static void checkUint256(String name, BigInteger value) {
    if (value == null || value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException(name + " must be a uint256, got " + value);
    }
  }

  static void checkUint32(String name, long value) {
    if (value < 0 || value > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(name + " is a uint32, got " + value);
    }
  }

  static void checkUint16(String name, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(name + " is a uint16, got " + value);
    }
  }

  static void checkNotNull(Object... values) {
    for (Object v : values) {
      if (v == null) {
        throw new IllegalArgumentException("L1 info fields must not be null");
      }
    }
  }
}
