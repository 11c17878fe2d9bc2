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
    long s0 = l0 + o.l0;
    long c = carry(l0, o.l0, s0);
    long s1 = l1 + o.l1 + c;
    c = carry(l1, o.l1, s1);
    long s2 = l2 + o.l2 + c;
    c = carry(l2, o.l2, s2);
    long s3 = l3 + o.l3 + c;
    // Both operands are below p < 2^254, so the sum fits in four limbs; subtract p once if needed.
    return reduceOnce(s0, s1, s2, s3);
  }

  Fp dbl() {
    return add(this);
  }

  Fp sub(Fp o) {
    long d0 = l0 - o.l0;
    long b = borrow(l0, o.l0, d0);
    long d1 = l1 - o.l1 - b;
    b = borrow(l1, o.l1, d1);
    long d2 = l2 - o.l2 - b;
    b = borrow(l2, o.l2, d2);
    long d3 = l3 - o.l3 - b;
    b = borrow(l3, o.l3, d3);
    if (b == 0) {
      return new Fp(d0, d1, d2, d3);
    }
    long s0 = d0 + P0;
    long c = carry(d0, P0, s0);
    long s1 = d1 + P1 + c;
    c = carry(d1, P1, s1);
    long s2 = d2 + P2 + c;
    c = carry(d2, P2, s2);
    long s3 = d3 + P3 + c;
    return new Fp(s0, s1, s2, s3);
  }

  Fp neg() {
    return isZero() ? this : ZERO.sub(this);
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

  /**
   * Montgomery product this·o·2^-256 mod p: CIOS with the "no-carry" shortcut, valid because the top limb of p is
   * below 2^62 (the intermediate never needs a fifth limb).
   */
  Fp mul(Fp o) {
    long a0 = l0;
    long a1 = l1;
    long a2 = l2;
    long a3 = l3;
    long b0 = o.l0;
    long b1 = o.l1;
    long b2 = o.l2;
    long b3 = o.l3;
    long t0;
    long t1;
    long t2;
    long t3;
    long c0;
    long c1;
    long c2;
    long m;
    long lo;
    long hi;
    long s;
    // round 0
    c0 = a0 * b0; c1 = Math.unsignedMultiplyHigh(a0, b0);
    m = c0 * INV;
    lo = m * P0; c2 = Math.unsignedMultiplyHigh(m, P0); s = lo + c0; c2 += carry(lo, c0, s);
    lo = a0 * b1; hi = Math.unsignedMultiplyHigh(a0, b1); s = lo + c1; hi += carry(lo, c1, s); c1 = hi; c0 = s;
    lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1); s = lo + c2; hi += carry(lo, c2, s); lo = s + c0; hi += carry(s, c0, lo); c2 = hi; t0 = lo;
    lo = a0 * b2; hi = Math.unsignedMultiplyHigh(a0, b2); s = lo + c1; hi += carry(lo, c1, s); c1 = hi; c0 = s;
    lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2); s = lo + c2; hi += carry(lo, c2, s); lo = s + c0; hi += carry(s, c0, lo); c2 = hi; t1 = lo;
    lo = a0 * b3; hi = Math.unsignedMultiplyHigh(a0, b3); s = lo + c1; hi += carry(lo, c1, s); c1 = hi; c0 = s;
    lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3); s = lo + c0; hi += carry(lo, c0, s); lo = s + c2; hi += carry(s, c2, lo); t3 = hi + c1; t2 = lo;
    // round 1
    lo = a1 * b0; hi = Math.unsignedMultiplyHigh(a1, b0); s = lo + t0; hi += carry(lo, t0, s); c1 = hi; c0 = s;
    m = c0 * INV;
    lo = m * P0; c2 = Math.unsignedMultiplyHigh(m, P0); s = lo + c0; c2 += carry(lo, c0, s);
    lo = a1 * b1; hi = Math.unsignedMultiplyHigh(a1, b1); s = lo + c1; hi += carry(lo, c1, s); lo = s + t1; hi += carry(s, t1, lo); c1 = hi; c0 = lo;
    lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1); s = lo + c2; hi += carry(lo, c2, s); lo = s + c0; hi += carry(s, c0, lo); c2 = hi; t0 = lo;
    lo = a1 * b2; hi = Math.unsignedMultiplyHigh(a1, b2); s = lo + c1; hi += carry(lo, c1, s); lo = s + t2; hi += carry(s, t2, lo); c1 = hi; c0 = lo;
    lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2); s = lo + c2; hi += carry(lo, c2, s); lo = s + c0; hi += carry(s, c0, lo); c2 = hi; t1 = lo;
    lo = a1 * b3; hi = Math.unsignedMultiplyHigh(a1, b3); s = lo + c1; hi += carry(lo, c1, s); lo = s + t3; hi += carry(s, t3, lo); c1 = hi; c0 = lo;
    lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3); s = lo + c0; hi += carry(lo, c0, s); lo = s + c2; hi += carry(s, c2, lo); t3 = hi + c1; t2 = lo;
    // round 2
    lo = a2 * b0; hi = Math.unsignedMultiplyHigh(a2, b0); s = lo + t0; hi += carry(lo, t0, s); c1 = hi; c0 = s;
    m = c0 * INV;
    lo = m * P0; c2 = Math.unsignedMultiplyHigh(m, P0); s = lo + c0; c2 += carry(lo, c0, s);
    lo = a2 * b1; hi = Math.unsignedMultiplyHigh(a2, b1); s = lo + c1; hi += carry(lo, c1, s); lo = s + t1; hi += carry(s, t1, lo); c1 = hi; c0 = lo;
    lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1); s = lo + c2; hi += carry(lo, c2, s); lo = s + c0; hi += carry(s, c0, lo); c2 = hi; t0 = lo;
    lo = a2 * b2; hi = Math.unsignedMultiplyHigh(a2, b2); s = lo + c1; hi += carry(lo, c1, s); lo = s + t2; hi += carry(s, t2, lo); c1 = hi; c0 = lo;
    lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2); s = lo + c2; hi += carry(lo, c2, s); lo = s + c0; hi += carry(s, c0, lo); c2 = hi; t1 = lo;
    lo = a2 * b3; hi = Math.unsignedMultiplyHigh(a2, b3); s = lo + c1; hi += carry(lo, c1, s); lo = s + t3; hi += carry(s, t3, lo); c1 = hi; c0 = lo;
    lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3); s = lo + c0; hi += carry(lo, c0, s); lo = s + c2; hi += carry(s, c2, lo); t3 = hi + c1; t2 = lo;
    // round 3
    lo = a3 * b0; hi = Math.unsignedMultiplyHigh(a3, b0); s = lo + t0; hi += carry(lo, t0, s); c1 = hi; c0 = s;
    m = c0 * INV;
    lo = m * P0; c2 = Math.unsignedMultiplyHigh(m, P0); s = lo + c0; c2 += carry(lo, c0, s);
    lo = a3 * b1; hi = Math.unsignedMultiplyHigh(a3, b1); s = lo + c1; hi += carry(lo, c1, s); lo = s + t1; hi += carry(s, t1, lo); c1 = hi; c0 = lo;
    lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1); s = lo + c2; hi += carry(lo, c2, s); lo = s + c0; hi += carry(s, c0, lo); c2 = hi; t0 = lo;
    lo = a3 * b2; hi = Math.unsignedMultiplyHigh(a3, b2); s = lo + c1; hi += carry(lo, c1, s); lo = s + t2; hi += carry(s, t2, lo); c1 = hi; c0 = lo;
    lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2); s = lo + c2; hi += carry(lo, c2, s); lo = s + c0; hi += carry(s, c0, lo); c2 = hi; t1 = lo;
    lo = a3 * b3; hi = Math.unsignedMultiplyHigh(a3, b3); s = lo + c1; hi += carry(lo, c1, s); lo = s + t3; hi += carry(s, t3, lo); c1 = hi; c0 = lo;
    lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3); s = lo + c0; hi += carry(lo, c0, s); lo = s + c2; hi += carry(s, c2, lo); t3 = hi + c1; t2 = lo;
    return reduceOnce(t0, t1, t2, t3);
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

  private static Fp reduceOnce(long w0, long w1, long w2, long w3) {
    long d0 = w0 - P0;
    long b = borrow(w0, P0, d0);
    long d1 = w1 - P1 - b;
    b = borrow(w1, P1, d1);
    long d2 = w2 - P2 - b;
    b = borrow(w2, P2, d2);
    long d3 = w3 - P3 - b;
    b = borrow(w3, P3, d3);
    return b == 0 ? new Fp(d0, d1, d2, d3) : new Fp(w0, w1, w2, w3);
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
