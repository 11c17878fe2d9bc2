package dev.opsim.evm.precompile;

/**
 * Reading precompile input as the EVM sees call data: bytes past the end read as zero (yellow paper appendix E),
 * and gas charged per 32-byte word, rounded up.
 */
final class InputWords {
  private InputWords() {}

  /** {@code ceil(length / 32)}. */
  static long words(int length) {
    return (length + 31L) / 32;
  }

  /** {@code length} bytes of {@code input} from {@code offset}, zero where the input ends. */
  static byte[] padded(byte[] input, long offset, int length) {
    byte[] out = new byte[length];
    if (offset < input.length) {
      int start = (int) offset;
      System.arraycopy(input, start, out, 0, Math.min(length, input.length - start));
    }
    return out;
  }
}
