package dev.opsim.evm;

import java.math.BigInteger;

/**
 * 256-bit word arithmetic on the primitive operand stack: a word at limb offset {@code o} is
 * {@code s[o]} (least significant 64 bits) .. {@code s[o + 3]} (most significant). Binary operations read
 * operand {@code a} at {@code o} (the stack top) and {@code b} at {@code o - 4} and write the result over
 * {@code b}, so the caller only pops one word. No operation allocates: the division family works in a
 * caller-owned scratch array of {@link #SCRATCH_SIZE} longs; {@link BigInteger} appears only in conversions.
 */
public final class Words {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Words() {}

  public static boolean isZero(long[] s, int o) {
    return (s[o] | s[o + 1] | s[o + 2] | s[o + 3]) == 0;
  }

  /** True when the word fits in a non-negative int. */
  public static boolean fitsInt(long[] s, int o) {
    return (s[o + 1] | s[o + 2] | s[o + 3]) == 0 && s[o] >= 0 && s[o] <= Integer.MAX_VALUE;
  }

  /** True when the word fits in 63 bits (a non-negative long). */
  public static boolean fitsLong(long[] s, int o) {
    return (s[o + 1] | s[o + 2] | s[o + 3]) == 0 && s[o] >= 0;
  }

  public static void set(long[] s, int o, long v) {
    s[o] = v;
    s[o + 1] = 0;
    s[o + 2] = 0;
    s[o + 3] = 0;
  }

  public static void add(long[] s, int o) {
    int r = o - 4;
    long a0 = s[o], b0 = s[r];
    long x0 = a0 + b0;
    long c = Long.compareUnsigned(x0, a0) < 0 ? 1 : 0;
    long a1 = s[o + 1], b1 = s[r + 1];
    long x1 = a1 + b1 + c;
    c = (Long.compareUnsigned(x1, a1) < 0 || (c == 1 && x1 == a1)) ? 1 : 0;
    long a2 = s[o + 2], b2 = s[r + 2];
    long x2 = a2 + b2 + c;
    c = (Long.compareUnsigned(x2, a2) < 0 || (c == 1 && x2 == a2)) ? 1 : 0;
    s[r + 3] = s[o + 3] + s[r + 3] + c;
    s[r] = x0;
    s[r + 1] = x1;
    s[r + 2] = x2;
  }

  /** a - b where a is the top. */
  public static void sub(long[] s, int o) {
    int r = o - 4;
    long borrow = 0;
    for (int i = 0; i < 4; i++) {
      long a = s[o + i], b = s[r + i];
      long d = a - b - borrow;
      borrow = (Long.compareUnsigned(a, b) < 0 || (borrow == 1 && a == b)) ? 1 : 0;
      s[r + i] = d;
    }
  }

  public static void mul(long[] s, int o) {
    int r = o - 4;
    long a0 = s[o], a1 = s[o + 1], a2 = s[o + 2], a3 = s[o + 3];
    long b0 = s[r], b1 = s[r + 1], b2 = s[r + 2], b3 = s[r + 3];
    mulInto(s, r, a0, a1, a2, a3, b0, b1, b2, b3);
  }

  /** Low 256 bits of a*b written at {@code r}: schoolbook over 64-bit limbs, rows truncated, no allocation. */
  static void mulInto(long[] s, int r, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    // row 0: a0 * b
    long t0 = a0 * b0;
    long carry = Math.unsignedMultiplyHigh(a0, b0);
    long lo = a0 * b1;
    long hi = Math.unsignedMultiplyHigh(a0, b1);
    long t1 = lo + carry;
    carry = hi + (Long.compareUnsigned(t1, lo) < 0 ? 1 : 0);
    lo = a0 * b2;
    hi = Math.unsignedMultiplyHigh(a0, b2);
    long t2 = lo + carry;
    carry = hi + (Long.compareUnsigned(t2, lo) < 0 ? 1 : 0);
    long t3 = a0 * b3 + carry;
    // row 1: a1 * b, shifted one limb
    lo = a1 * b0;
    hi = Math.unsignedMultiplyHigh(a1, b0);
    long x = t1 + lo;
    carry = hi + (Long.compareUnsigned(x, lo) < 0 ? 1 : 0);
    t1 = x;
    lo = a1 * b1;
    hi = Math.unsignedMultiplyHigh(a1, b1);
    lo += carry;
    hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
    x = t2 + lo;
    carry = hi + (Long.compareUnsigned(x, lo) < 0 ? 1 : 0);
    t2 = x;
    t3 += a1 * b2 + carry;
    // row 2
    lo = a2 * b0;
    hi = Math.unsignedMultiplyHigh(a2, b0);
    x = t2 + lo;
    carry = hi + (Long.compareUnsigned(x, lo) < 0 ? 1 : 0);
    t2 = x;
    t3 += a2 * b1 + carry;
    // row 3
    t3 += a3 * b0;
    s[r] = t0;
    s[r + 1] = t1;
    s[r + 2] = t2;
    s[r + 3] = t3;
  }

  public static int compareUnsigned(long[] s, int x, int y) {
    for (int i = 3; i >= 0; i--) {
      int c = Long.compareUnsigned(s[x + i], s[y + i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  public static int compareSigned(long[] s, int x, int y) {
    int c = Long.compare(s[x + 3], s[y + 3]);
    if (c != 0) {
      return c;
    }
    for (int i = 2; i >= 0; i--) {
      c = Long.compareUnsigned(s[x + i], s[y + i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Longs of scratch the division paths need; see {@link #div(long[], int, long[])}. */
  public static final int SCRATCH_SIZE = 64;

  // Scratch layout, every slot holding one 32-bit digit (least significant first) in a long.
  private static final int U = 0; // dividend, normalized: up to 16 digits + 1 overflow digit
  private static final int V = 17; // divisor, normalized: up to 8 digits
  private static final int Q = 25; // quotient: up to 16 digits
  private static final int P = 41; // 512-bit product as 8 limbs (MULMOD)
  /** Counts Knuth D "add back" corrections, so tests can show their inputs reach that branch. */
  static final int ADD_BACK_COUNT = 63;
  private static final long DIGIT = 0xffffffffL;

  /** a / b (unsigned), 0 when b is 0; {@code t} is caller-owned scratch of {@link #SCRATCH_SIZE} longs. */
  public static void div(long[] s, int o, long[] t) {
    int r = o - 4;
    if (isZero(s, r)) {
      return;
    }
    if ((s[o + 1] | s[o + 2] | s[o + 3] | s[r + 1] | s[r + 2] | s[r + 3]) == 0) {
      set(s, r, Long.divideUnsigned(s[o], s[r]));
      return;
    }
    if (compareUnsigned(s, o, r) < 0) {
      set(s, r, 0);
      return;
    }
    if ((s[r + 1] | s[r + 2] | s[r + 3]) == 0 && Long.compareUnsigned(s[r], 0xffffffffL) <= 0) {
      shortDivide(s, o, r, s[r], false);
      return;
    }
    int m = loadDigits(s, o, false, t, U);
    int n = loadDigits(s, r, false, t, V);
    divideDigits(t, m, n);
    storeQuotient(t, m - n + 1, s, r, false);
  }

  /**
   * Dividend at {@code o} divided by a divisor below 2^32, quotient (or remainder) written at {@code r}: schoolbook
   * division over 32-bit digits, where every partial dividend fits in 64 bits.
   */
  private static void shortDivide(long[] s, int o, int r, long d, boolean remainder) {
    long rem = 0;
    long q3 = 0, q2 = 0, q1 = 0, q0 = 0;
    for (int limb = 3; limb >= 0; limb--) {
      long v = s[o + limb];
      long hiDigit = (rem << 32) | (v >>> 32);
      long qh = Long.divideUnsigned(hiDigit, d);
      rem = Long.remainderUnsigned(hiDigit, d);
      long loDigit = (rem << 32) | (v & 0xffffffffL);
      long ql = Long.divideUnsigned(loDigit, d);
      rem = Long.remainderUnsigned(loDigit, d);
      long q = (qh << 32) | ql;
      switch (limb) {
        case 3 -> q3 = q;
        case 2 -> q2 = q;
        case 1 -> q1 = q;
        default -> q0 = q;
      }
    }
    if (remainder) {
      set(s, r, rem);
    } else {
      s[r] = q0;
      s[r + 1] = q1;
      s[r + 2] = q2;
      s[r + 3] = q3;
    }
  }

  /** a % b (unsigned), 0 when b is 0; {@code t} is caller-owned scratch of {@link #SCRATCH_SIZE} longs. */
  public static void mod(long[] s, int o, long[] t) {
    int r = o - 4;
    if (isZero(s, r)) {
      return;
    }
    if ((s[o + 1] | s[o + 2] | s[o + 3] | s[r + 1] | s[r + 2] | s[r + 3]) == 0) {
      set(s, r, Long.remainderUnsigned(s[o], s[r]));
      return;
    }
    if (compareUnsigned(s, o, r) < 0) {
      System.arraycopy(s, o, s, r, 4);
      return;
    }
    if ((s[r + 1] | s[r + 2] | s[r + 3]) == 0 && Long.compareUnsigned(s[r], 0xffffffffL) <= 0) {
      shortDivide(s, o, r, s[r], true);
      return;
    }
    int m = loadDigits(s, o, false, t, U);
    int n = loadDigits(s, r, false, t, V);
    divideDigits(t, m, n);
    storeRemainder(t, n, s, r, false);
  }

  /**
   * Signed division truncating toward zero (yellow paper SDIV): |a| / |b| negated when the signs differ; -2^255 / -1
   * wraps back to -2^255 because |-2^255| is 2^255 as an unsigned magnitude.
   */
  public static void sdiv(long[] s, int o, long[] t) {
    int r = o - 4;
    if (isZero(s, r)) {
      return;
    }
    boolean negA = s[o + 3] < 0;
    boolean negB = s[r + 3] < 0;
    int m = loadDigits(s, o, negA, t, U);
    int n = loadDigits(s, r, negB, t, V);
    if (m < n) {
      set(s, r, 0);
      return;
    }
    divideDigits(t, m, n);
    storeQuotient(t, m - n + 1, s, r, negA != negB);
  }

  /** Signed remainder (yellow paper SMOD): |a| mod |b| with the sign of a. */
  public static void smod(long[] s, int o, long[] t) {
    int r = o - 4;
    if (isZero(s, r)) {
      return;
    }
    boolean negA = s[o + 3] < 0;
    boolean negB = s[r + 3] < 0;
    int m = loadDigits(s, o, negA, t, U);
    int n = loadDigits(s, r, negB, t, V);
    if (m < n) {
      // |a| < |b|: the remainder is a itself.
      System.arraycopy(s, o, s, r, 4);
      return;
    }
    divideDigits(t, m, n);
    storeRemainder(t, n, s, r, negA);
  }

  /** (a + b) % n with a at o, b at o-4, n at o-8; result at o-8. The sum is kept to 257 bits before reducing. */
  public static void addmod(long[] s, int o, long[] t) {
    int nOff = o - 8;
    if (isZero(s, nOff)) {
      return;
    }
    int b = o - 4;
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long x = s[o + i], y = s[b + i];
      long sum = x + y + carry;
      carry = (Long.compareUnsigned(sum, x) < 0 || (carry == 1 && sum == x)) ? 1 : 0;
      t[U + 2 * i] = sum & DIGIT;
      t[U + 2 * i + 1] = sum >>> 32;
    }
    t[U + 8] = carry;
    reduceLoaded(s, nOff, t, 9);
  }

  /** (a * b) % n with a at o, b at o-4, n at o-8; result at o-8. The full 512-bit product is reduced. */
  public static void mulmod(long[] s, int o, long[] t) {
    int nOff = o - 8;
    if (isZero(s, nOff)) {
      return;
    }
    int b = o - 4;
    for (int i = 0; i < 8; i++) {
      t[P + i] = 0;
    }
    for (int i = 0; i < 4; i++) {
      long x = s[o + i];
      if (x == 0) {
        continue;
      }
      long carry = 0;
      for (int j = 0; j < 4; j++) {
        long y = s[b + j];
        long lo = x * y;
        long hi = Math.unsignedMultiplyHigh(x, y);
        lo += carry;
        hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
        long acc = t[P + i + j] + lo;
        hi += Long.compareUnsigned(acc, lo) < 0 ? 1 : 0;
        t[P + i + j] = acc;
        carry = hi;
      }
      t[P + i + 4] = carry;
    }
    for (int i = 0; i < 8; i++) {
      long limb = t[P + i];
      t[U + 2 * i] = limb & DIGIT;
      t[U + 2 * i + 1] = limb >>> 32;
    }
    reduceLoaded(s, nOff, t, 16);
  }

  /** Dividend digits already at U (up to {@code digits}); writes dividend mod the word at {@code nOff} over it. */
  private static void reduceLoaded(long[] s, int nOff, long[] t, int digits) {
    int m = digits;
    while (m > 0 && t[U + m - 1] == 0) {
      m--;
    }
    int n = loadDigits(s, nOff, false, t, V);
    if (m < n) {
      for (int i = 0; i < 4; i++) {
        s[nOff + i] = t[U + 2 * i] | (t[U + 2 * i + 1] << 32);
      }
      return;
    }
    divideDigits(t, m, n);
    storeRemainder(t, n, s, nOff, false);
  }

  /**
   * Writes the word at {@code o} (negated first when asked: two's complement magnitude) as 8 digits at {@code t[d..]}
   * and returns the count of significant digits.
   */
  private static int loadDigits(long[] s, int o, boolean negate, long[] t, int d) {
    long carry = 1;
    int count = 0;
    for (int i = 0; i < 4; i++) {
      long limb = s[o + i];
      if (negate) {
        limb = ~limb + carry;
        carry = (carry == 1 && limb == 0) ? 1 : 0;
      }
      long lo = limb & DIGIT, hi = limb >>> 32;
      t[d + 2 * i] = lo;
      t[d + 2 * i + 1] = hi;
      if (hi != 0) {
        count = 2 * i + 2;
      } else if (lo != 0) {
        count = 2 * i + 1;
      }
    }
    return count;
  }

  private static void storeQuotient(long[] t, int qDigits, long[] s, int r, boolean negate) {
    storeDigits(t, Q, Math.min(qDigits, 8), s, r, negate);
  }

  private static void storeRemainder(long[] t, int n, long[] s, int r, boolean negate) {
    storeDigits(t, U, n, s, r, negate);
  }

  /** Packs {@code count} (≤ 8) digits at {@code t[d..]} into the word at {@code r}, zero above, negated if asked. */
  private static void storeDigits(long[] t, int d, int count, long[] s, int r, boolean negate) {
    long carry = 1;
    for (int i = 0; i < 4; i++) {
      long lo = 2 * i < count ? t[d + 2 * i] : 0;
      long hi = 2 * i + 1 < count ? t[d + 2 * i + 1] : 0;
      long limb = lo | (hi << 32);
      if (negate) {
        limb = ~limb + carry;
        carry = (carry == 1 && limb == 0) ? 1 : 0;
      }
      s[r + i] = limb;
    }
  }

  /**
   * Knuth, TAOCP vol. 2, 4.3.1 algorithm D over 32-bit digits (the formulation of Hacker's Delight divmnu64): the
   * m-digit dividend at U divided by the n-digit divisor at V (top digit non-zero, m ≥ n ≥ 1). Leaves m-n+1 quotient
   * digits at Q and the n-digit remainder at U. Every intermediate fits an unsigned 64-bit long.
   */
  private static void divideDigits(long[] t, int m, int n) {
    if (n == 1) {
      long d = t[V];
      long rem = 0;
      for (int j = m - 1; j >= 0; j--) {
        long num = (rem << 32) | t[U + j];
        t[Q + j] = Long.divideUnsigned(num, d);
        rem = Long.remainderUnsigned(num, d);
      }
      t[U] = rem;
      return;
    }
    // D1: normalize so the divisor's top digit has its high bit set; the dividend gains a digit.
    int shift = Long.numberOfLeadingZeros(t[V + n - 1]) - 32;
    for (int i = n - 1; i > 0; i--) {
      t[V + i] = ((t[V + i] << shift) | (t[V + i - 1] >>> (32 - shift))) & DIGIT;
    }
    t[V] = (t[V] << shift) & DIGIT;
    t[U + m] = t[U + m - 1] >>> (32 - shift);
    for (int i = m - 1; i > 0; i--) {
      t[U + i] = ((t[U + i] << shift) | (t[U + i - 1] >>> (32 - shift))) & DIGIT;
    }
    t[U] = (t[U] << shift) & DIGIT;
    // A shift of 0 moves by 32 above: a long shifted right by 32 keeps its high half, which is 0 for a digit.
    long vTop = t[V + n - 1];
    long vNext = t[V + n - 2];
    for (int j = m - n; j >= 0; j--) {
      // D3: estimate qhat from the top two dividend digits, then correct with the next digit (at most twice).
      long num = (t[U + j + n] << 32) | t[U + j + n - 1];
      long qhat = Long.divideUnsigned(num, vTop);
      long rhat = num - qhat * vTop;
      while (qhat > DIGIT
          || Long.compareUnsigned(qhat * vNext, (rhat << 32) | t[U + j + n - 2]) > 0) {
        qhat--;
        rhat += vTop;
        if (rhat > DIGIT) {
          break;
        }
      }
      // D4: multiply and subtract; k carries the borrow, diff is signed.
      long k = 0;
      long diff;
      for (int i = 0; i < n; i++) {
        long p = qhat * t[V + i];
        diff = t[U + i + j] - k - (p & DIGIT);
        t[U + i + j] = diff & DIGIT;
        k = (p >>> 32) - (diff >> 32);
      }
      diff = t[U + j + n] - k;
      t[U + j + n] = diff & DIGIT;
      if (diff < 0) {
        // D6: qhat was one too large (probability about 2/2^32): add the divisor back.
        qhat--;
        t[ADD_BACK_COUNT]++;
        k = 0;
        for (int i = 0; i < n; i++) {
          long sum = t[U + i + j] + t[V + i] + k;
          t[U + i + j] = sum & DIGIT;
          k = sum >>> 32;
        }
        t[U + j + n] = (t[U + j + n] + k) & DIGIT;
      }
      t[Q + j] = qhat;
    }
    // D8: unnormalize the remainder.
    for (int i = 0; i < n - 1; i++) {
      t[U + i] = ((t[U + i] >>> shift) | (t[U + i + 1] << (32 - shift))) & DIGIT;
    }
    t[U + n - 1] = t[U + n - 1] >>> shift;
  }

  /**
   * base ** exponent mod 2^256, base at o, exponent at o-4: square-and-multiply in place, the accumulator in the
   * exponent's slot and the running square in the base's slot (popped by the caller), so nothing is allocated.
   */
  public static void exp(long[] s, int o) {
    int r = o - 4;
    long e0 = s[r], e1 = s[r + 1], e2 = s[r + 2], e3 = s[r + 3];
    int topBit = e3 != 0 ? 256 - Long.numberOfLeadingZeros(e3)
        : e2 != 0 ? 192 - Long.numberOfLeadingZeros(e2)
        : e1 != 0 ? 128 - Long.numberOfLeadingZeros(e1)
        : 64 - Long.numberOfLeadingZeros(e0);
    set(s, r, 1);
    for (int i = 0; i < topBit; i++) {
      long e = i < 64 ? e0 : i < 128 ? e1 : i < 192 ? e2 : e3;
      if (((e >>> (i & 63)) & 1) != 0) {
        mulInto(s, r, s[r], s[r + 1], s[r + 2], s[r + 3], s[o], s[o + 1], s[o + 2], s[o + 3]);
      }
      if (i + 1 < topBit) {
        mulInto(s, o, s[o], s[o + 1], s[o + 2], s[o + 3], s[o], s[o + 1], s[o + 2], s[o + 3]);
      }
    }
  }

  /** Number of significant bytes of the word at o. */
  public static int byteLength(long[] s, int o) {
    for (int i = 3; i >= 0; i--) {
      if (s[o + i] != 0) {
        return i * 8 + (64 - Long.numberOfLeadingZeros(s[o + i]) + 7) / 8;
      }
    }
    return 0;
  }

  /** SIGNEXTEND: b = byte index at o, x at o-4. */
  public static void signExtend(long[] s, int o) {
    int r = o - 4;
    if (!fitsLong(s, o) || s[o] >= 31) {
      return;
    }
    int bit = (int) s[o] * 8 + 7;
    int limb = bit >>> 6;
    int inLimb = bit & 63;
    boolean neg = ((s[r + limb] >>> inLimb) & 1) != 0;
    long mask = inLimb == 63 ? -1L : (1L << (inLimb + 1)) - 1;
    if (neg) {
      s[r + limb] |= ~mask;
    } else {
      s[r + limb] &= mask;
    }
    for (int i = limb + 1; i < 4; i++) {
      s[r + i] = neg ? -1L : 0;
    }
  }

  /** BYTE: i at o, x at o-4; byte i counted from the most significant. */
  public static void byteOp(long[] s, int o) {
    int r = o - 4;
    if (!fitsLong(s, o) || s[o] >= 32) {
      set(s, r, 0);
      return;
    }
    int i = 31 - (int) s[o];
    long v = (s[r + (i >>> 3)] >>> ((i & 7) * 8)) & 0xff;
    set(s, r, v);
  }

  /** SHL: shift at o, value at o-4. */
  public static void shl(long[] s, int o) {
    int r = o - 4;
    if (!fitsLong(s, o) || s[o] >= 256) {
      set(s, r, 0);
      return;
    }
    int n = (int) s[o];
    int limbs = n >>> 6, bits = n & 63;
    for (int i = 3; i >= 0; i--) {
      int src = i - limbs;
      long v = src >= 0 ? s[r + src] << bits : 0;
      if (bits != 0 && src - 1 >= 0) {
        v |= s[r + src - 1] >>> (64 - bits);
      }
      s[r + i] = v;
    }
  }

  public static void shr(long[] s, int o) {
    int r = o - 4;
    if (!fitsLong(s, o) || s[o] >= 256) {
      set(s, r, 0);
      return;
    }
    shiftRight(s, r, (int) s[o], 0);
  }

  public static void sar(long[] s, int o) {
    int r = o - 4;
    long fill = s[r + 3] < 0 ? -1L : 0;
    if (!fitsLong(s, o) || s[o] >= 256) {
      s[r] = fill;
      s[r + 1] = fill;
      s[r + 2] = fill;
      s[r + 3] = fill;
      return;
    }
    shiftRight(s, r, (int) s[o], fill);
  }

  private static void shiftRight(long[] s, int r, int n, long fill) {
    int limbs = n >>> 6, bits = n & 63;
    for (int i = 0; i < 4; i++) {
      int src = i + limbs;
      long lo = src < 4 ? s[r + src] : fill;
      long hi = src + 1 < 4 ? s[r + src + 1] : fill;
      s[r + i] = bits == 0 ? lo : (lo >>> bits) | (hi << (64 - bits));
    }
  }

  public static BigInteger toBig(long[] s, int o) {
    byte[] b = new byte[33];
    toBytes(s, o, b, 1);
    return new BigInteger(b);
  }

  /** Stores v mod 2^256 (negative values in two's complement). */
  public static void fromBig(long[] s, int o, BigInteger v) {
    BigInteger m = v.signum() < 0 || v.bitLength() > 256 ? v.mod(MOD) : v;
    for (int i = 0; i < 4; i++) {
      s[o + i] = m.shiftRight(64 * i).and(MASK64).longValue();
    }
  }

  /** Writes the word big-endian as 32 bytes at {@code out[off..off+32)}. */
  public static void toBytes(long[] s, int o, byte[] out, int off) {
    for (int i = 0; i < 4; i++) {
      long v = s[o + 3 - i];
      int p = off + i * 8;
      for (int j = 7; j >= 0; j--) {
        out[p + j] = (byte) v;
        v >>>= 8;
      }
    }
  }

  /** Reads {@code len} (≤ 32) big-endian bytes at {@code in[off..]} as a word, zero-padded on the left. */
  public static void fromBytes(long[] s, int o, byte[] in, int off, int len) {
    s[o] = 0;
    s[o + 1] = 0;
    s[o + 2] = 0;
    s[o + 3] = 0;
    for (int k = 0; k < len; k++) {
      int bytePos = len - 1 - k; // significance in bytes
      int limb = bytePos >>> 3;
      s[o + limb] |= (in[off + k] & 0xffL) << ((bytePos & 7) * 8);
    }
  }

  /** Reads 32 bytes starting at {@code off} where bytes past {@code in.length} read as zero. */
  public static void fromBytesPadded(long[] s, int o, byte[] in, long off) {
    s[o] = 0;
    s[o + 1] = 0;
    s[o + 2] = 0;
    s[o + 3] = 0;
    for (int k = 0; k < 32; k++) {
      long p = off + k;
      if (p >= in.length) {
        break;
      }
      int bytePos = 31 - k;
      s[o + (bytePos >>> 3)] |= (in[(int) p] & 0xffL) << ((bytePos & 7) * 8);
    }
  }
}
