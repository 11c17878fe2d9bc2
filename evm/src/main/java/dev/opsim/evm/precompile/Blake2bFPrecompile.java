package dev.opsim.evm.precompile;

import dev.opsim.evm.crypto.Blake2bCompression;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * 0x09 BLAKE2F (EIP-152): input exactly 213 bytes, {@code rounds(4, big-endian) ‖ h(64) ‖ m(128) ‖ t(16) ‖ f(1)}
 * with h, m, t as little-endian 64-bit words; output the new h (64 bytes, little-endian). Gas is one per round.
 * Any other input length, or f not 0 or 1, fails the call.
 */
public final class Blake2bFPrecompile implements PrecompiledContract {
  static final int INPUT_LENGTH = 213;

  @Override
  public long gasCost(byte[] input) {
    // EIP-152 prices by rounds only; a malformed input is charged nothing here and fails in compute (as geth).
    if (input.length != INPUT_LENGTH) {
      return 0;
    }
    return Integer.toUnsignedLong(ByteBuffer.wrap(input, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt());
  }

  @Override
  public byte[] compute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return null;
    }
    byte flag = input[212];
    if (flag != 0 && flag != 1) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
    long rounds = Integer.toUnsignedLong(in.order(ByteOrder.BIG_ENDIAN).getInt(0));
    in.order(ByteOrder.LITTLE_ENDIAN);
    long[] h = new long[8];
    for (int i = 0; i < 8; i++) {
      h[i] = in.getLong(4 + 8 * i);
    }
    long[] m = new long[16];
    for (int i = 0; i < 16; i++) {
      m[i] = in.getLong(68 + 8 * i);
    }
    long t0 = in.getLong(196);
    long t1 = in.getLong(204);
    Blake2bCompression.compress(rounds, h, m, t0, t1, flag == 1);
    ByteBuffer out = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    for (long word : h) {
      out.putLong(word);
    }
    return out.array();
  }
}
