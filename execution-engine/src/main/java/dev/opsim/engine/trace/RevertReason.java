package dev.opsim.engine.trace;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Solidity's revert payloads, decoded as geth's {@code abi.UnpackRevert} does: {@code Error(string)} gives the
 * string, {@code Panic(uint256)} a fixed text per code; anything else (or a malformed payload) gives nothing.
 */
final class RevertReason {
  private static final int ERROR_SELECTOR = 0x08c379a0;
  private static final int PANIC_SELECTOR = 0x4e487b71;
  private static final Map<Integer, String> PANICS = Map.of(
      0x00, "generic panic",
      0x01, "assert(false)",
      0x11, "arithmetic underflow or overflow",
      0x12, "division or modulo by zero",
      0x21, "enum overflow",
      0x22, "invalid encoded storage byte array accessed",
      0x31, "out-of-bounds array access; popping on an empty array",
      0x32, "out-of-bounds access of an array or bytesN",
      0x41, "out of memory",
      0x51, "uninitialized function");

  private RevertReason() {}

  static Optional<String> decode(byte[] data) {
    if (data.length < 4) {
      return Optional.empty();
    }
    int selector = ((data[0] & 0xff) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
    if (selector == ERROR_SELECTOR) {
      return decodeString(data);
    }
    if (selector == PANIC_SELECTOR && data.length >= 36) {
      BigInteger code = new BigInteger(1, Arrays.copyOfRange(data, 4, 36));
      String known = code.bitLength() <= 31 ? PANICS.get(code.intValue()) : null;
      return Optional.of(known != null ? known : "unknown panic code: 0x" + code.toString(16));
    }
    return Optional.empty();
  }

  /** ABI string at argument 0 of the payload after the selector: offset word, length word, bytes. */
  private static Optional<String> decodeString(byte[] data) {
    int base = 4;
    long offset = smallWord(data, base);
    if (offset < 0 || offset > data.length) {
      return Optional.empty();
    }
    long lengthAt = base + offset;
    long length = smallWord(data, lengthAt);
    if (length < 0 || lengthAt + 32 + length > data.length) {
      return Optional.empty();
    }
    int start = (int) (lengthAt + 32);
    return Optional.of(new String(data, start, (int) length, StandardCharsets.UTF_8));
  }

  /** The 32-byte word at {@code at} if it is present and below 2^31, else -1. */
  private static long smallWord(byte[] data, long at) {
    if (at + 32 > data.length) {
      return -1;
    }
    int p = (int) at;
    for (int i = 0; i < 28; i++) {
      if (data[p + i] != 0) {
        return -1;
      }
    }
    long v = ((data[p + 28] & 0xffL) << 24) | ((data[p + 29] & 0xffL) << 16) | ((data[p + 30] & 0xffL) << 8)
        | (data[p + 31] & 0xffL);
    return v > Integer.MAX_VALUE ? -1 : v;
  }
}
