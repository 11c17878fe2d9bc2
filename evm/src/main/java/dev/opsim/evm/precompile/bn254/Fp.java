package dev.opsim.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element of the BN254 (alt_bn128) base field F_p, p = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47
 * (EIP-196). Held in Montgomery form (value·2^256 mod p) as four little-endian 64-bit limbs, always fully reduced,
 * so equal values have equal limbs. Immutable.
 *
 * <p>The limb arithmetic is branch-free: carries and borrows come from the top bits (Hacker's Delight 2-13), and
 * "subtract p if the result is not below p" selects between the two candidates with a mask.
 */
final class Fp {
  static final long P0 = 0x3c208c16d87cfd47L;
  static final long P1 = 0x97816a916871ca8dL;
  static final long P2 = 0xb85045b68181585dL;
  static final long P3 = 0x30644e72e131a029L;

  /** The modulus, for deriving constants once at class initialisation and for tests; never used per operation. */
  static final BigInteger MODULUS =
      new BigInteger("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);

  /** -p^-1 mod 2^64, the Montgomery reduction factor. */
  private static final long INV = negatedInverseMod64(P0);

  static final Fp ZERO = new Fp(0, 0, 0, 0);
  /** 2^512 mod p: the Montgomery product of a plain value with it is the value in Montgomery form. */
  private static final Fp R_SQUARED = rawLimbs(BigInteger.ONE.shiftLeft(512).mod(MODULUS));
  static final Fp ONE = of(1);
  /** 2^768 mod p, to bring a plain inverse of a Montgomery-form value back into Montgomery form. */
  private static final Fp R_CUBED = rawLimbs(BigInteger.ONE.shiftLeft(768).mod(MODULUS));

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
    long d0 = w0 - P0;
    long b = borrow(w0, P0, d0);
    long d1 = w1 - P1 - b;
    b = borrow(w1, P1, d1);
    long d2 = w2 - P2 - b;
    b = borrow(w2, P2, d2);
    long d3 = w3 - P3 - b;
    if (borrow(w3, P3, d3) == 0) {
      return null; // w - p did not borrow: w >= p
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
    long s3 = l3 + o.l3 + c; // both below p < 2^254: no carry out
    return reducedOnce(s0, s1, s2, s3);
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
    // when it borrowed the difference is d + 2^256 - ... : add p back (masked to zero otherwise)
    long mask = -b;
    long q0 = P0 & mask;
    long q1 = P1 & mask;
    long q2 = P2 & mask;
    long q3 = P3 & mask;
    long s0 = d0 + q0;
    long c = carry(d0, q0, s0);
    long s1 = d1 + q1 + c;
    c = carry(d1, q1, s1);
    long s2 = d2 + q2 + c;
    c = carry(d2, q2, s2);
    long s3 = d3 + q3 + c;
    return new Fp(s0, s1, s2, s3);
  }

  Fp neg() {
    return ZERO.sub(this);
  }

  /** this / 2: adds p first when odd (Montgomery form is linear, so halving the limbs halves the value). */
  Fp halve() {
    long mask = -(l0 & 1);
    long q0 = P0 & mask;
    long q1 = P1 & mask;
    long q2 = P2 & mask;
    long q3 = P3 & mask;
    long s0 = l0 + q0;
    long c = carry(l0, q0, s0);
    long s1 = l1 + q1 + c;
    c = carry(l1, q1, s1);
    long s2 = l2 + q2 + c;
    c = carry(l2, q2, s2);
    long s3 = l3 + q3 + c; // below 2^255: no carry out
    return new Fp((s0 >>> 1) | (s1 << 63), (s1 >>> 1) | (s2 << 63), (s2 >>> 1) | (s3 << 63), s3 >>> 1);
  }

  /**
   * Montgomery product this·o·2^-256 mod p by CIOS with the "no-carry" shortcut (as in gnark-crypto), valid because
   * the top limb of p is below 2^62, so the running result never needs a fifth limb. Straight-line code; each line
   * is one multiply-accumulate: (hi, lo) is a 128-bit product, {@code overflow} the carry of a 64-bit addition.
   * The low word of m·P0 + c0 is zero by the choice of m, so it is not computed: that sum carries iff c0 != 0.
   */
  Fp mul(Fp o) {
    long t0, t1, t2, t3; // the running result
    long c0, c1, c2; // carries of the a·b and m·p chains
    long m, lo, hi, s;
    // round 0: t = (t + a0·b + m·p) / 2^64, with m = (t0 + a0·b0)·INV making the low word vanish
    c0 = l0 * o.l0; c1 = mulHi(l0, o.l0);
    m = c0 * INV;
    c2 = mulHi(m, P0) + ((c0 | -c0) >>> 63);
    lo = l0 * o.l1; hi = mulHi(l0, o.l1); s = lo + c1; hi += overflow(s, lo); c1 = hi; c0 = s;
    lo = m * P1; hi = mulHi(m, P1); s = lo + c2; hi += overflow(s, lo); lo = s + c0; hi += overflow(lo, s); c2 = hi; t0 = lo;
    lo = l0 * o.l2; hi = mulHi(l0, o.l2); s = lo + c1; hi += overflow(s, lo); c1 = hi; c0 = s;
    lo = m * P2; hi = mulHi(m, P2); s = lo + c2; hi += overflow(s, lo); lo = s + c0; hi += overflow(lo, s); c2 = hi; t1 = lo;
    lo = l0 * o.l3; hi = mulHi(l0, o.l3); s = lo + c1; hi += overflow(s, lo); c1 = hi; c0 = s;
    lo = m * P3; hi = mulHi(m, P3); s = lo + c0; hi += overflow(s, lo); lo = s + c2; hi += overflow(lo, s); t3 = hi + c1; t2 = lo;
    // round 1: t = (t + a1·b + m·p) / 2^64, with m = (t0 + a1·b0)·INV making the low word vanish
    lo = l1 * o.l0; hi = mulHi(l1, o.l0); s = lo + t0; hi += overflow(s, lo); c1 = hi; c0 = s;
    m = c0 * INV;
    c2 = mulHi(m, P0) + ((c0 | -c0) >>> 63);
    lo = l1 * o.l1; hi = mulHi(l1, o.l1); s = lo + c1; hi += overflow(s, lo); lo = s + t1; hi += overflow(lo, s); c1 = hi; c0 = lo;
    lo = m * P1; hi = mulHi(m, P1); s = lo + c2; hi += overflow(s, lo); lo = s + c0; hi += overflow(lo, s); c2 = hi; t0 = lo;
    lo = l1 * o.l2; hi = mulHi(l1, o.l2); s = lo + c1; hi += overflow(s, lo); lo = s + t2; hi += overflow(lo, s); c1 = hi; c0 = lo;
    lo = m * P2; hi = mulHi(m, P2); s = lo + c2; hi += overflow(s, lo); lo = s + c0; hi += overflow(lo, s); c2 = hi; t1 = lo;
    lo = l1 * o.l3; hi = mulHi(l1, o.l3); s = lo + c1; hi += overflow(s, lo); lo = s + t3; hi += overflow(lo, s); c1 = hi; c0 = lo;
    lo = m * P3; hi = mulHi(m, P3); s = lo + c0; hi += overflow(s, lo); lo = s + c2; hi += overflow(lo, s); t3 = hi + c1; t2 = lo;
    // round 2: t = (t + a2·b + m·p) / 2^64, with m = (t0 + a2·b0)·INV making the low word vanish
    lo = l2 * o.l0; hi = mulHi(l2, o.l0); s = lo + t0; hi += overflow(s, lo); c1 = hi; c0 = s;
    m = c0 * INV;
    c2 = mulHi(m, P0) + ((c0 | -c0) >>> 63);
    lo = l2 * o.l1; hi = mulHi(l2, o.l1); s = lo + c1; hi += overflow(s, lo); lo = s + t1; hi += overflow(lo, s); c1 = hi; c0 = lo;
    lo = m * P1; hi = mulHi(m, P1); s = lo + c2; hi += overflow(s, lo); lo = s + c0; hi += overflow(lo, s); c2 = hi; t0 = lo;
    lo = l2 * o.l2; hi = mulHi(l2, o.l2); s = lo + c1; hi += overflow(s, lo); lo = s + t2; hi += overflow(lo, s); c1 = hi; c0 = lo;
    lo = m * P2; hi = mulHi(m, P2); s = lo + c2; hi += overflow(s, lo); lo = s + c0; hi += overflow(lo, s); c2 = hi; t1 = lo;
    lo = l2 * o.l3; hi = mulHi(l2, o.l3); s = lo + c1; hi += overflow(s, lo); lo = s + t3; hi += overflow(lo, s); c1 = hi; c0 = lo;
    lo = m * P3; hi = mulHi(m, P3); s = lo + c0; hi += overflow(s, lo); lo = s + c2; hi += overflow(lo, s); t3 = hi + c1; t2 = lo;
    // round 3: t = (t + a3·b + m·p) / 2^64, with m = (t0 + a3·b0)·INV making the low word vanish
    lo = l3 * o.l0; hi = mulHi(l3, o.l0); s = lo + t0; hi += overflow(s, lo); c1 = hi; c0 = s;
    m = c0 * INV;
    c2 = mulHi(m, P0) + ((c0 | -c0) >>> 63);
    lo = l3 * o.l1; hi = mulHi(l3, o.l1); s = lo + c1; hi += overflow(s, lo); lo = s + t1; hi += overflow(lo, s); c1 = hi; c0 = lo;
    lo = m * P1; hi = mulHi(m, P1); s = lo + c2; hi += overflow(s, lo); lo = s + c0; hi += overflow(lo, s); c2 = hi; t0 = lo;
    lo = l3 * o.l2; hi = mulHi(l3, o.l2); s = lo + c1; hi += overflow(s, lo); lo = s + t2; hi += overflow(lo, s); c1 = hi; c0 = lo;
    lo = m * P2; hi = mulHi(m, P2); s = lo + c2; hi += overflow(s, lo); lo = s + c0; hi += overflow(lo, s); c2 = hi; t1 = lo;
    lo = l3 * o.l3; hi = mulHi(l3, o.l3); s = lo + c1; hi += overflow(s, lo); lo = s + t3; hi += overflow(lo, s); c1 = hi; c0 = lo;
    lo = m * P3; hi = mulHi(m, P3); s = lo + c0; hi += overflow(s, lo); lo = s + c2; hi += overflow(lo, s); t3 = hi + c1; t2 = lo;
    return reducedOnce(t0, t1, t2, t3);
  }

  Fp square() {
    return mul(this);
  }

  /**
   * The inverse for non-zero values, zero for zero. Binary extended Euclid on the limbs (variable time, which is fine
   * for public precompile inputs): about ten times faster than Fermat's a^(p-2), and ecAdd's one affine
   * normalisation is dominated by it. The limbs hold a = x·R, so the loop yields (x·R)^-1 and a Montgomery product
   * with R³ turns that into x^-1·R.
   */
  Fp inverse() {
    if (isZero()) {
      return ZERO;
    }
    // invariants: x·a ≡ u and y·a ≡ v (mod p), gcd(u, v) = gcd(a, p) = 1, so u and v are never 0
    long u0 = l0;
    long u1 = l1;
    long u2 = l2;
    long u3 = l3;
    long v0 = P0;
    long v1 = P1;
    long v2 = P2;
    long v3 = P3;
    Fp x = new Fp(1, 0, 0, 0);
    Fp y = ZERO;
    while (true) {
      while ((u0 & 1) == 0) {
        u0 = (u0 >>> 1) | (u1 << 63);
        u1 = (u1 >>> 1) | (u2 << 63);
        u2 = (u2 >>> 1) | (u3 << 63);
        u3 >>>= 1;
        x = x.halve();
      }
      while ((v0 & 1) == 0) {
        v0 = (v0 >>> 1) | (v1 << 63);
        v1 = (v1 >>> 1) | (v2 << 63);
        v2 = (v2 >>> 1) | (v3 << 63);
        v3 >>>= 1;
        y = y.halve();
      }
      if ((u0 == 1 && (u1 | u2 | u3) == 0) || (v0 == 1 && (v1 | v2 | v3) == 0)) {
        break;
      }
      // subtract the smaller of u, v from the larger (both odd, so the difference is even and non-zero)
      long d0 = u0 - v0;
      long b = borrow(u0, v0, d0);
      long d1 = u1 - v1 - b;
      b = borrow(u1, v1, d1);
      long d2 = u2 - v2 - b;
      b = borrow(u2, v2, d2);
      long d3 = u3 - v3 - b;
      b = borrow(u3, v3, d3);
      if (b == 0) {
        u0 = d0;
        u1 = d1;
        u2 = d2;
        u3 = d3;
        x = x.sub(y);
      } else {
        v0 = -d0;
        long c = d0 == 0 ? 1 : 0; // v - u = -(u - v): two's complement across the limbs
        v1 = ~d1 + c;
        c = c != 0 && v1 == 0 ? 1 : 0;
        v2 = ~d2 + c;
        c = c != 0 && v2 == 0 ? 1 : 0;
        v3 = ~d3 + c;
        y = y.sub(x);
      }
    }
    Fp plainInverse = u0 == 1 && (u1 | u2 | u3) == 0 ? x : y;
    return plainInverse.mul(R_CUBED);
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

  /** w - p if that does not borrow, else w; for w < 2p. */
  private static Fp reducedOnce(long w0, long w1, long w2, long w3) {
    long d0 = w0 - P0;
    long b = borrow(w0, P0, d0);
    long d1 = w1 - P1 - b;
    b = borrow(w1, P1, d1);
    long d2 = w2 - P2 - b;
    b = borrow(w2, P2, d2);
    long d3 = w3 - P3 - b;
    b = borrow(w3, P3, d3);
    long keep = -b; // all ones when w < p
    return new Fp((w0 & keep) | (d0 & ~keep), (w1 & keep) | (d1 & ~keep), (w2 & keep) | (d2 & ~keep),
        (w3 & keep) | (d3 & ~keep));
  }

  private static long mulHi(long x, long y) {
    return Math.unsignedMultiplyHigh(x, y);
  }

  /** Carry out of the top bit of {@code sum = x + y (+ carry in)}. */
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
