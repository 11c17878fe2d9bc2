package dev.opsim.evm.precompile.bn254;

/** An element c0 + c1·v + c2·v² of F_p⁶ = F_p²[v]/(v³ - ξ), ξ = 9 + i. Immutable. */
final class Fp6 {
  static final Fp6 ZERO = new Fp6(Fp2.ZERO, Fp2.ZERO, Fp2.ZERO);
  static final Fp6 ONE = new Fp6(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

  final Fp2 c0;
  final Fp2 c1;
  final Fp2 c2;

  Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
    this.c0 = c0;
    this.c1 = c1;
    this.c2 = c2;
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }

  Fp6 add(Fp6 o) {
    return new Fp6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
  }

  Fp6 sub(Fp6 o) {
    return new Fp6(c0.sub(o.c0), c1.sub(o.c1), c2.sub(o.c2));
  }

  Fp6 dbl() {
    return new Fp6(c0.dbl(), c1.dbl(), c2.dbl());
  }

  Fp6 neg() {
    return new Fp6(c0.neg(), c1.neg(), c2.neg());
  }

  /** Karatsuba over the cubic extension: six F_p² products. */
  Fp6 mul(Fp6 o) {
    Fp2 v0 = c0.mul(o.c0);
    Fp2 v1 = c1.mul(o.c1);
    Fp2 v2 = c2.mul(o.c2);
    Fp2 r0 = c1.add(c2).mul(o.c1.add(o.c2)).sub(v1).sub(v2).mulByXi().add(v0);
    Fp2 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(v0).sub(v1).add(v2.mulByXi());
    Fp2 r2 = c0.add(c2).mul(o.c0.add(o.c2)).sub(v0).sub(v2).add(v1);
    return new Fp6(r0, r1, r2);
  }

  /** Chung-Hasan SQR2: two F_p² products and three squarings. */
  Fp6 square() {
    Fp2 s0 = c0.square();
    Fp2 s1 = c0.mul(c1).dbl();
    Fp2 s2 = c0.sub(c1).add(c2).square();
    Fp2 s3 = c1.mul(c2).dbl();
    Fp2 s4 = c2.square();
    return new Fp6(s3.mulByXi().add(s0), s4.mulByXi().add(s1), s1.add(s2).add(s3).sub(s0).sub(s4));
  }

  Fp6 mulByFp2(Fp2 scalar) {
    return new Fp6(c0.mul(scalar), c1.mul(scalar), c2.mul(scalar));
  }

  /** Multiplies by v: (c0, c1, c2)·v = (ξ·c2, c0, c1) because v³ = ξ. */
  Fp6 mulByV() {
    return new Fp6(c2.mulByXi(), c0, c1);
  }

  /** Multiplies by the sparse element b0 + b1·v (five F_p² products). */
  Fp6 mulBy01(Fp2 b0, Fp2 b1) {
    Fp2 v0 = c0.mul(b0);
    Fp2 v1 = c1.mul(b1);
    Fp2 r0 = c2.mul(b1).mulByXi().add(v0);
    Fp2 r1 = c0.add(c1).mul(b0.add(b1)).sub(v0).sub(v1);
    Fp2 r2 = c2.mul(b0).add(v1);
    return new Fp6(r0, r1, r2);
  }

  /** The inverse for non-zero values, zero for zero. */
  Fp6 inverse() {
    Fp2 t0 = c0.square().sub(c1.mul(c2).mulByXi());
    Fp2 t1 = c2.square().mulByXi().sub(c0.mul(c1));
    Fp2 t2 = c1.square().sub(c0.mul(c2));
    Fp2 norm = c0.mul(t0).add(c2.mul(t1).mulByXi()).add(c1.mul(t2).mulByXi());
    Fp2 normInverse = norm.inverse();
    return new Fp6(t0.mul(normInverse), t1.mul(normInverse), t2.mul(normInverse));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fp6 o && c0.equals(o.c0) && c1.equals(o.c1) && c2.equals(o.c2);
  }

  @Override
  public int hashCode() {
    return (c0.hashCode() * 31 + c1.hashCode()) * 31 + c2.hashCode();
  }

  @Override
  public String toString() {
    return "[" + c0 + ", " + c1 + ", " + c2 + "]";
  }
}
