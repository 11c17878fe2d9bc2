package dev.opsim.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element c0 + c1·i of F_p² = F_p[i]/(i² + 1), the field of the G2 coordinates (EIP-197 encodes it as the pair
 * (c1, c0): imaginary part first). Immutable.
 */
final class Fp2 {
  static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);

  final Fp c0;
  final Fp c1;

  Fp2(Fp c0, Fp c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero();
  }

  Fp2 add(Fp2 o) {
    return new Fp2(c0.add(o.c0), c1.add(o.c1));
  }

  Fp2 sub(Fp2 o) {
    return new Fp2(c0.sub(o.c0), c1.sub(o.c1));
  }

  Fp2 dbl() {
    return new Fp2(c0.dbl(), c1.dbl());
  }

  Fp2 neg() {
    return new Fp2(c0.neg(), c1.neg());
  }

  Fp2 halve() {
    return new Fp2(c0.halve(), c1.halve());
  }

  /** The p-power Frobenius map on F_p². */
  Fp2 conjugate() {
    return new Fp2(c0, c1.neg());
  }

  /** Karatsuba: three base-field products. */
  Fp2 mul(Fp2 o) {
    Fp v0 = c0.mul(o.c0);
    Fp v1 = c1.mul(o.c1);
    Fp cross = c0.add(c1).mul(o.c0.add(o.c1));
    return new Fp2(v0.sub(v1), cross.sub(v0).sub(v1));
  }

  Fp2 square() {
    Fp product = c0.mul(c1);
    return new Fp2(c0.add(c1).mul(c0.sub(c1)), product.dbl());
  }

  Fp2 mulByFp(Fp scalar) {
    return new Fp2(c0.mul(scalar), c1.mul(scalar));
  }

  /** Multiplies by ξ = 9 + i, the non-residue that builds F_p⁶ = F_p²[v]/(v³ - ξ) (EIP-197 twist). */
  Fp2 mulByXi() {
    Fp nine0 = c0.dbl().dbl().dbl().add(c0);
    Fp nine1 = c1.dbl().dbl().dbl().add(c1);
    return new Fp2(nine0.sub(c1), nine1.add(c0));
  }

  /** The inverse for non-zero values, zero for zero. */
  Fp2 inverse() {
    Fp normInverse = c0.square().add(c1.square()).inverse();
    return new Fp2(c0.mul(normInverse), c1.mul(normInverse).neg());
  }

  /** this^exponent; for constants at class initialisation and tests only. */
  Fp2 pow(BigInteger exponent) {
    Fp2 result = ONE;
    for (int bit = exponent.bitLength() - 1; bit >= 0; bit--) {
      result = result.square();
      if (exponent.testBit(bit)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fp2 o && c0.equals(o.c0) && c1.equals(o.c1);
  }

  @Override
  public int hashCode() {
    return c0.hashCode() * 31 + c1.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + " + " + c1 + "·i)";
  }
}
