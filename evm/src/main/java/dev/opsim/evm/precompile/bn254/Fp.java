package dev.opsim.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element of the BN254 (alt_bn128) base field F_p, p = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47
 * (EIP-196). Held in Montgomery form (value·2^256 mod p) as four little-endian 64-bit limbs, always fully reduced,
 * so equal values have equal limbs. Immutable.
 */
final class Fp {
  static final long P0 = 0x3c208c16d87cfd47L;
  static final long P1 = 0x97816a916871ca8dL;
  static final long P2 = 0xb85045b68181585dL;
  static final long P3 = 0x30644e72e131a029L;

  /** The modulus, for deriving constants once at class initialisation and for tests; never used per operation. */
  static final BigInteger MODULUS = new BigInteger("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);

  /** -p^-1 mod 2^64, the Montgomery reduction factor. */
  private static final long INV = negatedInverseMod64(P0);

  static final Fp ZERO = new Fp(0, 0, 0, 0);
  /** 2^512 mod p: multiplying a plain value by it in Montgomery form converts it into Montgomery form. */
  private static final Fp R_SQUARED = rawLimbs(BigInteger.ONE.shiftLeft(512).mod(MODULUS));
  static final Fp ONE = of(1);

  // Montgomery-form limbs, least significant first
  private final long l0;
  private final long l1;
  private final long l2;
  private final long l3;

  private Fp(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  /** A small non-negative constant. */
  static Fp of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative constant " + value);
    }
    return new Fp(value, 0, 0, 0).mul(R_SQUARED);
  }

  /** A value in [0, p); for constants derived at class initialisation and for tests. */
  static Fp of(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(MODULUS) >= 0) {
      throw new IllegalArgumentException("not a field element: " + value);
    }
    return rawLimbs(value).mul(R_SQUARED);
  }

  /**
   * Reads a 32-byte big-endian integer at {@code offset}; {@code null} when it is not below p (EIP-196 rejects such
   * coordinates rather than reducing them).
   */
  static Fp decode(byte[] in, int offset) {
    long w3 = readLong(in, offset);
    long w2 = readLong(in, offset + 8);
    long w1 = readLong(in, offset + 16);
    long w0 = readLong(in, offset + 24);
    if (!lessThanModulus(w0, w1, w2, w3)) {
      return null;
    }
    return new Fp(w0, w1, w2, w3).mul(R_SQUARED);
  }

  /** Writes the canonical value as 32 bytes big-endian at {@code offset}. */
  void encode(byte[] out, int offset) {
    Fp plain = mul(new Fp(1, 0, 0, 0));
    writeLong(out, offset, plain.l3);
    writeLong(out, offset + 8, plain.l2);
    writeLong(out, offset + 16, plain.l1);
    writeLong(out, offset + 24, plain.l0);
  }

  BigInteger toBigInteger() {
    byte[] bytes = new byte[32];
    encode(bytes, 0);
    return new BigInteger(1, bytes);
  }

  boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  Fp add(Fp o) {
    long a1_0 = l0 + o.l0; long cy1 = carry(l0, o.l0, a1_0);
    long a1_1 = l1 + o.l1 + cy1; cy1 = carry(l1, o.l1, a1_1);
    long a1_2 = l2 + o.l2 + cy1; cy1 = carry(l2, o.l2, a1_2);
    long a1_3 = l3 + o.l3 + cy1;
    long d2_0 = a1_0 - P0; long b2 = borrow(a1_0, P0, d2_0);
    long d2_1 = a1_1 - P1 - b2; b2 = borrow(a1_1, P1, d2_1);
    long d2_2 = a1_2 - P2 - b2; b2 = borrow(a1_2, P2, d2_2);
    long d2_3 = a1_3 - P3 - b2; b2 = borrow(a1_3, P3, d2_3);
    long keep2 = -b2; // all ones when w < p: keep w
    long x0 = (a1_0 & keep2) | (d2_0 & ~keep2);
    long x1 = (a1_1 & keep2) | (d2_1 & ~keep2);
    long x2 = (a1_2 & keep2) | (d2_2 & ~keep2);
    long x3 = (a1_3 & keep2) | (d2_3 & ~keep2);
    return new Fp(x0, x1, x2, x3);
  }

  Fp sub(Fp o) {
    long d1_0 = l0 - o.l0; long bw1 = borrow(l0, o.l0, d1_0);
    long d1_1 = l1 - o.l1 - bw1; bw1 = borrow(l1, o.l1, d1_1);
    long d1_2 = l2 - o.l2 - bw1; bw1 = borrow(l2, o.l2, d1_2);
    long d1_3 = l3 - o.l3 - bw1; bw1 = borrow(l3, o.l3, d1_3);
    long addP1 = -bw1;
    long cy1;
    long x0 = d1_0 + (P0 & addP1); cy1 = carry(d1_0, P0 & addP1, x0);
    long x1 = d1_1 + (P1 & addP1) + cy1; cy1 = carry(d1_1, P1 & addP1, x1);
    long x2 = d1_2 + (P2 & addP1) + cy1; cy1 = carry(d1_2, P2 & addP1, x2);
    long x3 = d1_3 + (P3 & addP1) + cy1;
    return new Fp(x0, x1, x2, x3);
  }

  Fp dbl() {
    long a1_0 = l0 + l0; long cy1 = carry(l0, l0, a1_0);
    long a1_1 = l1 + l1 + cy1; cy1 = carry(l1, l1, a1_1);
    long a1_2 = l2 + l2 + cy1; cy1 = carry(l2, l2, a1_2);
    long a1_3 = l3 + l3 + cy1;
    long d2_0 = a1_0 - P0; long b2 = borrow(a1_0, P0, d2_0);
    long d2_1 = a1_1 - P1 - b2; b2 = borrow(a1_1, P1, d2_1);
    long d2_2 = a1_2 - P2 - b2; b2 = borrow(a1_2, P2, d2_2);
    long d2_3 = a1_3 - P3 - b2; b2 = borrow(a1_3, P3, d2_3);
    long keep2 = -b2; // all ones when w < p: keep w
    long x0 = (a1_0 & keep2) | (d2_0 & ~keep2);
    long x1 = (a1_1 & keep2) | (d2_1 & ~keep2);
    long x2 = (a1_2 & keep2) | (d2_2 & ~keep2);
    long x3 = (a1_3 & keep2) | (d2_3 & ~keep2);
    return new Fp(x0, x1, x2, x3);
  }

  Fp neg() {
    long d1_0 = 0L - l0; long bw1 = borrow(0L, l0, d1_0);
    long d1_1 = 0L - l1 - bw1; bw1 = borrow(0L, l1, d1_1);
    long d1_2 = 0L - l2 - bw1; bw1 = borrow(0L, l2, d1_2);
    long d1_3 = 0L - l3 - bw1; bw1 = borrow(0L, l3, d1_3);
    long addP1 = -bw1;
    long cy1;
    long x0 = d1_0 + (P0 & addP1); cy1 = carry(d1_0, P0 & addP1, x0);
    long x1 = d1_1 + (P1 & addP1) + cy1; cy1 = carry(d1_1, P1 & addP1, x1);
    long x2 = d1_2 + (P2 & addP1) + cy1; cy1 = carry(d1_2, P2 & addP1, x2);
    long x3 = d1_3 + (P3 & addP1) + cy1;
    return new Fp(x0, x1, x2, x3);
  }

  /**
   * Montgomery product this·o·2^-256 mod p: CIOS with the "no-carry" shortcut, valid because the top limb of p is
   * below 2^62 (the intermediate never needs a fifth limb). Straight-line code; the final subtraction of p is
   * branch-free.
   */
  Fp mul(Fp o) {
    long t1_0, t1_1, t1_2, t1_3, c1_0, c1_1, c1_2, m1, lo1, hi1, s1;
    c1_0 = l0 * o.l0; c1_1 = Math.unsignedMultiplyHigh(l0, o.l0);
    m1 = c1_0 * INV;
    c1_2 = Math.unsignedMultiplyHigh(m1, P0) + ((c1_0 | -c1_0) >>> 63);
    lo1 = l0 * o.l1; hi1 = Math.unsignedMultiplyHigh(l0, o.l1); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); c1_1 = hi1; c1_0 = s1;
    lo1 = m1 * P1; hi1 = Math.unsignedMultiplyHigh(m1, P1); s1 = lo1 + c1_2; hi1 += overflow(s1, lo1); lo1 = s1 + c1_0; hi1 += overflow(lo1, s1); c1_2 = hi1; t1_0 = lo1;
    lo1 = l0 * o.l2; hi1 = Math.unsignedMultiplyHigh(l0, o.l2); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); c1_1 = hi1; c1_0 = s1;
    lo1 = m1 * P2; hi1 = Math.unsignedMultiplyHigh(m1, P2); s1 = lo1 + c1_2; hi1 += overflow(s1, lo1); lo1 = s1 + c1_0; hi1 += overflow(lo1, s1); c1_2 = hi1; t1_1 = lo1;
    lo1 = l0 * o.l3; hi1 = Math.unsignedMultiplyHigh(l0, o.l3); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); c1_1 = hi1; c1_0 = s1;
    lo1 = m1 * P3; hi1 = Math.unsignedMultiplyHigh(m1, P3); s1 = lo1 + c1_0; hi1 += overflow(s1, lo1); lo1 = s1 + c1_2; hi1 += overflow(lo1, s1); t1_3 = hi1 + c1_1; t1_2 = lo1;
    lo1 = l1 * o.l0; hi1 = Math.unsignedMultiplyHigh(l1, o.l0); s1 = lo1 + t1_0; hi1 += overflow(s1, lo1); c1_1 = hi1; c1_0 = s1;
    m1 = c1_0 * INV;
    c1_2 = Math.unsignedMultiplyHigh(m1, P0) + ((c1_0 | -c1_0) >>> 63);
    lo1 = l1 * o.l1; hi1 = Math.unsignedMultiplyHigh(l1, o.l1); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); lo1 = s1 + t1_1; hi1 += overflow(lo1, s1); c1_1 = hi1; c1_0 = lo1;
    lo1 = m1 * P1; hi1 = Math.unsignedMultiplyHigh(m1, P1); s1 = lo1 + c1_2; hi1 += overflow(s1, lo1); lo1 = s1 + c1_0; hi1 += overflow(lo1, s1); c1_2 = hi1; t1_0 = lo1;
    lo1 = l1 * o.l2; hi1 = Math.unsignedMultiplyHigh(l1, o.l2); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); lo1 = s1 + t1_2; hi1 += overflow(lo1, s1); c1_1 = hi1; c1_0 = lo1;
    lo1 = m1 * P2; hi1 = Math.unsignedMultiplyHigh(m1, P2); s1 = lo1 + c1_2; hi1 += overflow(s1, lo1); lo1 = s1 + c1_0; hi1 += overflow(lo1, s1); c1_2 = hi1; t1_1 = lo1;
    lo1 = l1 * o.l3; hi1 = Math.unsignedMultiplyHigh(l1, o.l3); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); lo1 = s1 + t1_3; hi1 += overflow(lo1, s1); c1_1 = hi1; c1_0 = lo1;
    lo1 = m1 * P3; hi1 = Math.unsignedMultiplyHigh(m1, P3); s1 = lo1 + c1_0; hi1 += overflow(s1, lo1); lo1 = s1 + c1_2; hi1 += overflow(lo1, s1); t1_3 = hi1 + c1_1; t1_2 = lo1;
    lo1 = l2 * o.l0; hi1 = Math.unsignedMultiplyHigh(l2, o.l0); s1 = lo1 + t1_0; hi1 += overflow(s1, lo1); c1_1 = hi1; c1_0 = s1;
    m1 = c1_0 * INV;
    c1_2 = Math.unsignedMultiplyHigh(m1, P0) + ((c1_0 | -c1_0) >>> 63);
    lo1 = l2 * o.l1; hi1 = Math.unsignedMultiplyHigh(l2, o.l1); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); lo1 = s1 + t1_1; hi1 += overflow(lo1, s1); c1_1 = hi1; c1_0 = lo1;
    lo1 = m1 * P1; hi1 = Math.unsignedMultiplyHigh(m1, P1); s1 = lo1 + c1_2; hi1 += overflow(s1, lo1); lo1 = s1 + c1_0; hi1 += overflow(lo1, s1); c1_2 = hi1; t1_0 = lo1;
    lo1 = l2 * o.l2; hi1 = Math.unsignedMultiplyHigh(l2, o.l2); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); lo1 = s1 + t1_2; hi1 += overflow(lo1, s1); c1_1 = hi1; c1_0 = lo1;
    lo1 = m1 * P2; hi1 = Math.unsignedMultiplyHigh(m1, P2); s1 = lo1 + c1_2; hi1 += overflow(s1, lo1); lo1 = s1 + c1_0; hi1 += overflow(lo1, s1); c1_2 = hi1; t1_1 = lo1;
    lo1 = l2 * o.l3; hi1 = Math.unsignedMultiplyHigh(l2, o.l3); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); lo1 = s1 + t1_3; hi1 += overflow(lo1, s1); c1_1 = hi1; c1_0 = lo1;
    lo1 = m1 * P3; hi1 = Math.unsignedMultiplyHigh(m1, P3); s1 = lo1 + c1_0; hi1 += overflow(s1, lo1); lo1 = s1 + c1_2; hi1 += overflow(lo1, s1); t1_3 = hi1 + c1_1; t1_2 = lo1;
    lo1 = l3 * o.l0; hi1 = Math.unsignedMultiplyHigh(l3, o.l0); s1 = lo1 + t1_0; hi1 += overflow(s1, lo1); c1_1 = hi1; c1_0 = s1;
    m1 = c1_0 * INV;
    c1_2 = Math.unsignedMultiplyHigh(m1, P0) + ((c1_0 | -c1_0) >>> 63);
    lo1 = l3 * o.l1; hi1 = Math.unsignedMultiplyHigh(l3, o.l1); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); lo1 = s1 + t1_1; hi1 += overflow(lo1, s1); c1_1 = hi1; c1_0 = lo1;
    lo1 = m1 * P1; hi1 = Math.unsignedMultiplyHigh(m1, P1); s1 = lo1 + c1_2; hi1 += overflow(s1, lo1); lo1 = s1 + c1_0; hi1 += overflow(lo1, s1); c1_2 = hi1; t1_0 = lo1;
    lo1 = l3 * o.l2; hi1 = Math.unsignedMultiplyHigh(l3, o.l2); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); lo1 = s1 + t1_2; hi1 += overflow(lo1, s1); c1_1 = hi1; c1_0 = lo1;
    lo1 = m1 * P2; hi1 = Math.unsignedMultiplyHigh(m1, P2); s1 = lo1 + c1_2; hi1 += overflow(s1, lo1); lo1 = s1 + c1_0; hi1 += overflow(lo1, s1); c1_2 = hi1; t1_1 = lo1;
    lo1 = l3 * o.l3; hi1 = Math.unsignedMultiplyHigh(l3, o.l3); s1 = lo1 + c1_1; hi1 += overflow(s1, lo1); lo1 = s1 + t1_3; hi1 += overflow(lo1, s1); c1_1 = hi1; c1_0 = lo1;
    lo1 = m1 * P3; hi1 = Math.unsignedMultiplyHigh(m1, P3); s1 = lo1 + c1_0; hi1 += overflow(s1, lo1); lo1 = s1 + c1_2; hi1 += overflow(lo1, s1); t1_3 = hi1 + c1_1; t1_2 = lo1;
    long d2_0 = t1_0 - P0; long b2 = borrow(t1_0, P0, d2_0);
    long d2_1 = t1_1 - P1 - b2; b2 = borrow(t1_1, P1, d2_1);
    long d2_2 = t1_2 - P2 - b2; b2 = borrow(t1_2, P2, d2_2);
    long d2_3 = t1_3 - P3 - b2; b2 = borrow(t1_3, P3, d2_3);
    long keep2 = -b2; // all ones when w < p: keep w
    long x0 = (t1_0 & keep2) | (d2_0 & ~keep2);
    long x1 = (t1_1 & keep2) | (d2_1 & ~keep2);
    long x2 = (t1_2 & keep2) | (d2_2 & ~keep2);
    long x3 = (t1_3 & keep2) | (d2_3 & ~keep2);
    return new Fp(x0, x1, x2, x3);
  }

  /** this / 2: adds p first when odd (Montgomery form is linear, so halving the limbs halves the value). */
  Fp halve() {
    long w0 = l0;
    long w1 = l1;
    long w2 = l2;
    long w3 = l3;
    if ((w0 & 1) != 0) {
      long s0 = w0 + P0;
      long c = carry(w0, P0, s0);
      long s1 = w1 + P1 + c;
      c = carry(w1, P1, s1);
      long s2 = w2 + P2 + c;
      c = carry(w2, P2, s2);
      w3 = w3 + P3 + c; // below 2^255: no carry out
      w0 = s0;
      w1 = s1;
      w2 = s2;
    }
    return new Fp((w0 >>> 1) | (w1 << 63), (w1 >>> 1) | (w2 << 63), (w2 >>> 1) | (w3 << 63), w3 >>> 1);
  }

  Fp square() {
    return mul(this);
  }

  /** this^(p-2), which is the inverse for non-zero values (Fermat) and zero for zero. */
  Fp inverse() {
    long[] exponent = {P0 - 2, P1, P2, P3};
    Fp result = ONE;
    for (int bit = 253; bit >= 0; bit--) {
      result = result.square();
      if (((exponent[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
        result = result.mul(this);
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fp o && l0 == o.l0 && l1 == o.l1 && l2 == o.l2 && l3 == o.l3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(l0 ^ (l1 * 31) ^ (l2 * 961) ^ (l3 * 29791));
  }

  @Override
  public String toString() {
    return "0x" + toBigInteger().toString(16);
  }

  private static boolean lessThanModulus(long w0, long w1, long w2, long w3) {
    long d0 = w0 - P0;
    long b = borrow(w0, P0, d0);
    long d1 = w1 - P1 - b;
    b = borrow(w1, P1, d1);
    long d2 = w2 - P2 - b;
    b = borrow(w2, P2, d2);
    long d3 = w3 - P3 - b;
    return borrow(w3, P3, d3) != 0;
  }

  /** Carry out of the top bit of {@code sum = x + y (+ carry in)} (Hacker's Delight 2-13). */
  private static long carry(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** 1 when {@code sum = x + y} (no carry in) wrapped around, i.e. is below the addend x. */
  private static long overflow(long sum, long x) {
    return Long.compareUnsigned(sum, x) < 0 ? 1 : 0;
  }

  /** Borrow out of the top bit of {@code difference = x - y (- borrow in)}. */
  private static long borrow(long x, long y, long difference) {
    return ((~x & y) | ((~x | y) & difference)) >>> 63;
  }

  private static long negatedInverseMod64(long odd) {
    long inverse = 1;
    for (int i = 0; i < 6; i++) {
      inverse *= 2 - odd * inverse; // Newton: each step doubles the number of correct low bits
    }
    return -inverse;
  }

  private static Fp rawLimbs(BigInteger value) {
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] = value.shiftRight(64 * i).longValue();
    }
    return new Fp(limbs[0], limbs[1], limbs[2], limbs[3]);
  }

  private static long readLong(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (in[offset + i] & 0xffL);
    }
    return value;
  }

  private static void writeLong(byte[] out, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) value;
      value >>>= 8;
    }
  }
}
