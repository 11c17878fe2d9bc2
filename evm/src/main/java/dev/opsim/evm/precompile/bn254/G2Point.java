package dev.opsim.evm.precompile.bn254;

/**
 * A point on the sextic twist E': y² = x³ + 3/ξ over F_p², ξ = 9 + i (EIP-197), in Jacobian coordinates (x/z², y/z³),
 * z = 0 for the point at infinity. E'(F_p²) has order r·(2p - r); G2 is its subgroup of order r, which
 * {@link #isInSubgroup()} tests. Immutable.
 */
final class G2Point {
  static final Fp2 B = new Fp2(Fp.of(3), Fp.ZERO).mul(new Fp2(Fp.of(9), Fp.ONE).inverse());
  static final G2Point INFINITY = new G2Point(Fp2.ONE, Fp2.ONE, Fp2.ZERO);

  final Fp2 x;
  final Fp2 y;
  final Fp2 z;

  private G2Point(Fp2 x, Fp2 y, Fp2 z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  /** The affine point (x, y), not checked against the curve equation. */
  static G2Point affine(Fp2 x, Fp2 y) {
    return new G2Point(x, y, Fp2.ONE);
  }

  static boolean isOnCurve(Fp2 x, Fp2 y) {
    return y.square().equals(x.square().mul(x).add(B));
  }

  boolean isInfinity() {
    return z.isZero();
  }

  /** Y² = X³ + b'·Z⁶; true for the point at infinity. */
  boolean isOnCurve() {
    if (isInfinity()) {
      return true;
    }
    Fp2 z2 = z.square();
    Fp2 z6 = z2.square().mul(z2);
    return y.square().equals(x.square().mul(x).add(z6.mul(B)));
  }

  G2Point negate() {
    return new G2Point(x, y.neg(), z);
  }

  /** dbl-2009-l (a = 0). */
  G2Point dbl() {
    if (isInfinity()) {
      return this;
    }
    Fp2 a = x.square();
    Fp2 b = y.square();
    Fp2 c = b.square();
    Fp2 d = x.add(b).square().sub(a).sub(c).dbl();
    Fp2 e = a.dbl().add(a);
    Fp2 f = e.square();
    Fp2 x3 = f.sub(d.dbl());
    Fp2 y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    Fp2 z3 = y.mul(z).dbl();
    return new G2Point(x3, y3, z3);
  }

  /** add-2007-bl, with the equal and opposite cases handled. */
  G2Point add(G2Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    Fp2 z1z1 = z.square();
    Fp2 z2z2 = o.z.square();
    Fp2 u1 = x.mul(z2z2);
    Fp2 u2 = o.x.mul(z1z1);
    Fp2 s1 = y.mul(o.z).mul(z2z2);
    Fp2 s2 = o.y.mul(z).mul(z1z1);
    Fp2 h = u2.sub(u1);
    if (h.isZero()) {
      return s1.equals(s2) ? dbl() : INFINITY;
    }
    Fp2 i = h.dbl().square();
    Fp2 j = h.mul(i);
    Fp2 r = s2.sub(s1).dbl();
    Fp2 v = u1.mul(i);
    Fp2 x3 = r.square().sub(j).sub(v.dbl());
    Fp2 y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
    Fp2 z3 = z.add(o.z).square().sub(z1z1).sub(z2z2).mul(h);
    return new G2Point(x3, y3, z3);
  }

  /** [k]this for a big-endian unsigned scalar of any length, by double-and-add. */
  G2Point multiply(byte[] scalar) {
    G2Point result = INFINITY;
    for (byte b : scalar) {
      for (int bit = 7; bit >= 0; bit--) {
        result = result.dbl();
        if (((b >>> bit) & 1) != 0) {
          result = result.add(this);
        }
      }
    }
    return result;
  }

  /**
   * The endomorphism ψ = untwist ∘ Frobenius ∘ twist: (x, y) ↦ (conj(x)·ξ^((p-1)/3), conj(y)·ξ^((p-1)/2)). On
   * Jacobian coordinates the conjugation also applies to z, since Frobenius is a field automorphism.
   */
  G2Point psi() {
    return new G2Point(
        x.conjugate().mul(Fp12.frobeniusGamma(2)), y.conjugate().mul(Fp12.frobeniusGamma(3)), z.conjugate());
  }

  /**
   * Whether this point of E'(F_p²) has order dividing r. Instead of computing [r]Q (254 doublings) this uses the
   * criterion of El Housni, Guillevic and Piellard (ePrint 2022/348, sec. 5.1) for BN curves:
   * [r]Q = O iff [u+1]Q + ψ([u]Q) + ψ²([u]Q) = ψ³([2u]Q).
   */
  boolean isInSubgroup() {
    if (isInfinity()) {
      return true;
    }
    G2Point uQ = multiplyByU();
    G2Point psiUQ = uQ.psi();
    G2Point psi2UQ = psiUQ.psi();
    G2Point left = uQ.add(this).add(psiUQ).add(psi2UQ);
    G2Point right = psi2UQ.psi().dbl();
    return left.equals(right);
  }

  /** [u]this over the NAF of u, adding the affine base (or its negation) with mixed additions. */
  G2Point multiplyByU() {
    G2Point base = toAffine();
    G2Point negatedBase = base.negate();
    G2Point result = base; // the top digit is 1
    for (int i = BnParameter.uDigitCount() - 2; i >= 0; i--) {
      result = result.dbl();
      int digit = BnParameter.uDigit(i);
      if (digit > 0) {
        result = result.addAffine(base);
      } else if (digit < 0) {
        result = result.addAffine(negatedBase);
      }
    }
    return result;
  }

  /** madd-2007-bl: this + o for an affine o (z = 1), with the equal and opposite cases handled. */
  private G2Point addAffine(G2Point o) {
    if (isInfinity()) {
      return o;
    }
    Fp2 z1z1 = z.square();
    Fp2 u2 = o.x.mul(z1z1);
    Fp2 s2 = o.y.mul(z).mul(z1z1);
    Fp2 h = u2.sub(x);
    if (h.isZero()) {
      return s2.equals(y) ? dbl() : INFINITY;
    }
    Fp2 hh = h.square();
    Fp2 i = hh.dbl().dbl();
    Fp2 j = h.mul(i);
    Fp2 r = s2.sub(y).dbl();
    Fp2 v = x.mul(i);
    Fp2 x3 = r.square().sub(j).sub(v.dbl());
    Fp2 y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
    Fp2 z3 = z.add(h).square().sub(z1z1).sub(hh);
    return new G2Point(x3, y3, z3);
  }

  /** The same point with z = 1 (or the canonical infinity), so x and y are the affine coordinates. */
  G2Point toAffine() {
    if (isInfinity()) {
      return INFINITY;
    }
    if (z.equals(Fp2.ONE)) {
      return this;
    }
    Fp2 zInverse = z.inverse();
    Fp2 zInverse2 = zInverse.square();
    return new G2Point(x.mul(zInverse2), y.mul(zInverse2).mul(zInverse), Fp2.ONE);
  }

  /** Equality of the points, not of their coordinates. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof G2Point o)) {
      return false;
    }
    if (isInfinity() || o.isInfinity()) {
      return isInfinity() && o.isInfinity();
    }
    Fp2 z1z1 = z.square();
    Fp2 z2z2 = o.z.square();
    return x.mul(z2z2).equals(o.x.mul(z1z1)) && y.mul(z2z2).mul(o.z).equals(o.y.mul(z1z1).mul(z));
  }

  @Override
  public int hashCode() {
    return isInfinity() ? 0 : toAffine().x.hashCode();
  }

  @Override
  public String toString() {
    if (isInfinity()) {
      return "G2(infinity)";
    }
    G2Point affine = toAffine();
    return "G2(" + affine.x + ", " + affine.y + ")";
  }
}
