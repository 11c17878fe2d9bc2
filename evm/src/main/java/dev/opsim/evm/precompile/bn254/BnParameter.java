package dev.opsim.evm.precompile.bn254;

import java.util.Arrays;

/**
 * The BN parameter u of the alt_bn128 curve (p = 36u⁴ + 36u³ + 24u² + 6u + 1, r = 36u⁴ + 36u³ + 18u² + 6u + 1) and
 * the signed-digit forms of the scalars the pairing and the G2 subgroup check loop over.
 */
final class BnParameter {
  /** u = 4965661367192848881; positive, so the optimal ate pairing needs no final conjugation. */
  static final long U = 0x44e992b44a6909f1L;

  /** u in non-adjacent form, least significant digit first: 24 non-zero digits instead of 28 bits set. */
  private static final byte[] U_NAF = nonAdjacentForm(U, 0);

  /** 6u + 2 (65 bits; 6u's low word + 2 does not carry) in NAF: the Miller loop count, 22 non-zero digits, not 37. */
  private static final byte[] LOOP_NAF = nonAdjacentForm(6 * U + 2, Math.multiplyHigh(6, U));

  private BnParameter() {}

  static int uDigitCount() {
    return U_NAF.length;
  }

  /** Digit i (weight 2^i) of the NAF of u: -1, 0 or 1. */
  static int uDigit(int i) {
    return U_NAF[i];
  }

  static int loopDigitCount() {
    return LOOP_NAF.length;
  }

  /** Digit i (weight 2^i) of the NAF of 6u + 2: -1, 0 or 1. */
  static int loopDigit(int i) {
    return LOOP_NAF[i];
  }

  /**
   * The NAF of high·2^64 + low (low unsigned, 0 ≤ high < 2^63, so the value is below 2^127 and the NAF's extra
   * digit cannot overflow): digits in {-1, 0, 1}, no two adjacent non-zero.
   */
  static byte[] nonAdjacentForm(long low, long high) {
    byte[] digits = new byte[130];
    int length = 0;
    while (low != 0 || high != 0) {
      int digit = 0;
      if ((low & 1) != 0) {
        digit = 2 - (int) (low & 3); // 1 when the value is 1 mod 4, -1 when it is 3 mod 4
        long adjusted = low - digit;
        // subtracting 1 cannot borrow (low is odd); adding 1 carries when low is all ones
        if (digit < 0 && adjusted == 0) {
          high++;
        }
        low = adjusted;
      }
      digits[length++] = (byte) digit;
      low = (low >>> 1) | (high << 63);
      high >>>= 1;
    }
    return Arrays.copyOf(digits, length);
  }
}
