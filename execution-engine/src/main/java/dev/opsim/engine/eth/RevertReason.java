package dev.opsim.engine.eth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * The reason text geth adds to "execution reverted: ..." (accounts/abi UnpackRevert): the string of a Solidity
 * {@code Error(string)}, or the meaning of a {@code Panic(uint256)} code; empty for any other revert data.
 */
final class RevertReason {
  private static final Bytes ERROR_SELECTOR = Bytes.fromHexString("0x08c379a0");
  private static final Bytes PANIC_SELECTOR = Bytes.fromHexString("0x4e487b71");
  private static final Map<Long, String> PANICS = Map.of(
      0x00L, "generic panic",
      0x01L, "assert(false)",
      0x11L, "arithmetic underflow or overflow",
      0x12L, "division or modulo by zero",
      0x21L, "enum overflow",
      0x22L, "invalid encoded storage byte array accessed",
      0x31L, "out-of-bounds array access; popping on an empty array",
      0x32L, "out-of-bounds access of an array or bytesN",
      0x41L, "out of memory",
      0x51L, "uninitialized function");

  private RevertReason() {}

  static Optional<String> of(Bytes data) {
    if (data.size() < 4) {
      return Optional.empty();
    }
    Bytes selector = data.slice(0, 4);
    Bytes args = data.slice(4);
    if (selector.equals(ERROR_SELECTOR)) {
      return abiString(args);
    }
    if (selector.equals(PANIC_SELECTOR) && args.size() >= 32) {
      BigInteger code = args.slice(0, 32).toUnsignedBigInteger();
      if (code.bitLength() < 63 && PANICS.containsKey(code.longValue())) {
        return Optional.of(PANICS.get(code.longValue()));
      }
      return Optional.of("unknown panic code: 0x" + code.toString(16));
    }
    return Optional.empty();
  }

  /** An ABI-encoded single {@code string}: offset word, then length word and bytes; anything off is no reason. */
  private static Optional<String> abiString(Bytes args) {
    if (args.size() < 64) {
      return Optional.empty();
    }
    BigInteger offset = args.slice(0, 32).toUnsignedBigInteger();
    if (offset.compareTo(BigInteger.valueOf(args.size() - 32L)) > 0) {
      return Optional.empty();
    }
    int start = offset.intValue();
    BigInteger length = args.slice(start, 32).toUnsignedBigInteger();
    if (length.compareTo(BigInteger.valueOf(args.size() - start - 32L)) > 0) {
      return Optional.empty();
    }
    byte[] text = args.slice(start + 32, length.intValue()).toArrayUnsafe();
    return Optional.of(new String(text, StandardCharsets.UTF_8));
  }
}
