package dev.opsim.evm.precompile;

import java.math.BigInteger;

/**
 * 0x05 MODEXP: input {@code Bsize ‖ Esize ‖ Msize ‖ B ‖ E ‖ M} with the three sizes as 256-bit words and
 * missing bytes read as zero (EIP-198); output {@code B^E mod M} as Msize bytes. Gas per EIP-2565.
 * Sizes stay {@link BigInteger} until they are known to be small, so a huge declared size costs no memory.
 */
public final class ModExpPrecompile implements PrecompiledContract {
  static final long MIN_GAS = 200;
  private static final int HEADER = 96;
  private static final BigInteger THIRTY_TWO = BigInteger.valueOf(32);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  /**
   * No affordable call declares a size this big (a base or modulus of 2^28 bytes costs ~10^15 gas, an exponent
   * of 2^28 bytes at least 7·10^8 gas): past it compute gives up instead of allocating.
   */
  private static final BigInteger COMPUTE_SIZE_LIMIT = BigInteger.ONE.shiftLeft(28);
  private static final byte[] EMPTY = new byte[0];

  @Override
  public long gasCost(byte[] input) {
    BigInteger baseSize = sizeWord(input, 0);
    BigInteger exponentSize = sizeWord(input, 32);
    BigInteger modulusSize = sizeWord(input, 64);

    // EIP-2565: multiplication complexity = ceil(max(Bsize, Msize) / 8)^2.
    BigInteger words = baseSize.max(modulusSize).add(BigInteger.valueOf(7)).shiftRight(3);
    BigInteger complexity = words.multiply(words);
    BigInteger iterations = iterationCount(input, baseSize, exponentSize).max(BigInteger.ONE);
    BigInteger gas = complexity.multiply(iterations).divide(BigInteger.valueOf(3));
    if (gas.compareTo(LONG_MAX) >= 0) {
      return Long.MAX_VALUE;
    }
    return Math.max(MIN_GAS, gas.longValue());
  }

  /**
   * EIP-198's adjusted exponent length: for Esize <= 32 the index of E's highest set bit (0 for E = 0); beyond
   * that {@code 8 * (Esize - 32)} plus the index of the highest bit of E's first 32 bytes (nothing when they
   * are all zero, as geth and the EIP-198 text have it).
   */
  private static BigInteger iterationCount(byte[] input, BigInteger baseSize, BigInteger exponentSize) {
    int headLength = exponentSize.min(THIRTY_TWO).intValueExact();
    BigInteger headOffset = BigInteger.valueOf(HEADER).add(baseSize);
    BigInteger head = BigInteger.ZERO;
    if (headOffset.compareTo(BigInteger.valueOf(input.length)) < 0) {
      head = new BigInteger(1, InputWords.padded(input, headOffset.longValueExact(), headLength));
    }
    BigInteger count = exponentSize.compareTo(THIRTY_TWO) > 0
        ? exponentSize.subtract(THIRTY_TWO).shiftLeft(3)
        : BigInteger.ZERO;
    if (head.signum() > 0) {
      count = count.add(BigInteger.valueOf(head.bitLength() - 1L));
    }
    return count;
  }

  @Override
  public byte[] compute(byte[] input) {
    BigInteger baseSizeWord = sizeWord(input, 0);
    BigInteger exponentSizeWord = sizeWord(input, 32);
    BigInteger modulusSizeWord = sizeWord(input, 64);
    if (modulusSizeWord.signum() == 0) {
      return EMPTY;
    }
    if (baseSizeWord.compareTo(COMPUTE_SIZE_LIMIT) > 0 || exponentSizeWord.compareTo(COMPUTE_SIZE_LIMIT) > 0
        || modulusSizeWord.compareTo(COMPUTE_SIZE_LIMIT) > 0) {
      return null;
    }
    int baseSize = baseSizeWord.intValueExact();
    int exponentSize = exponentSizeWord.intValueExact();
    int modulusSize = modulusSizeWord.intValueExact();
    long exponentOffset = (long) HEADER + baseSize;
    long modulusOffset = exponentOffset + exponentSize;

    BigInteger modulus = new BigInteger(1, InputWords.padded(input, modulusOffset, modulusSize));
    byte[] out = new byte[modulusSize];
    if (modulus.signum() == 0) {
      return out;
    }
    BigInteger base = new BigInteger(1, InputWords.padded(input, HEADER, baseSize));
    BigInteger exponent = new BigInteger(1, InputWords.padded(input, exponentOffset, exponentSize));
    byte[] result = base.modPow(exponent, modulus).toByteArray();
    // toByteArray may carry a sign byte; the value itself is < modulus, so it fits in modulusSize bytes.
    int length = Math.min(result.length, modulusSize);
    System.arraycopy(result, result.length - length, out, modulusSize - length, length);
    return out;
  }

  private static BigInteger sizeWord(byte[] input, int offset) {
    return new BigInteger(1, InputWords.padded(input, offset, 32));
  }
}
