package dev.opsim.evm.precompile.bn254;

/**
 * A point of G1, the curve y² = x³ + 3 over F_p (EIP-196), in Jacobian coordinates: (x, y, z) stands for the affine
 * point (x/z², y/z³), and z = 0 for the point at infinity. The curve has prime order, so every point on it is in G1.
 * Immutable.
 */
final class G1Point {
  static final Fp B = Fp.of(3);
  static final G1Point INFINITY = new G1Point(Fp.ONE, Fp.ONE, Fp.ZERO);
  /** The generator (1, 2) (EIP-197). */
  static final G1Point GENERATOR = affine(Fp.ONE, Fp.of(2));

  final Fp x;
  final Fp y;
  final Fp z;

  private G1Point(Fp x, Fp y, Fp z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  /** The affine point (x, y), not checked against the curve equation. */
  static G1Point affine(Fp x, Fp y) {
    return new G1Point(x, y, Fp.ONE);
  }

  static boolean isOnCurve(Fp x, Fp y) {
    return y.square().equals(x.square().mul(x).add(B));
  }

  boolean isInfinity() {
    return z.isZero();
  }

  /** Y² = X³ + 3·Z⁶, the curve equation in Jacobian coordinates; true for the point at infinity. */
  boolean isOnCurve() {
    if (isInfinity()) {
      return true;
    }
    Fp z2 = z.square();
    Fp z6 = z2.square().mul(z2);
    return y.square().equals(x.square().mul(x).add(z6.mul(B)));
  }

  G1Point negate() {
    return new G1Point(x, y.neg(), z);
  }

  /** dbl-2009-l (a = 0). */
  G1Point dbl() {
    if (isInfinity()) {
      return this;
    }
    Fp a = x.square();
    Fp b = y.square();
    Fp c = b.square();
    Fp d = x.add(b).square().sub(a).sub(c).dbl();
    Fp e = a.dbl().add(a);
    Fp f = e.square();
    Fp x3 = f.sub(d.dbl());
    Fp y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    Fp z3 = y.mul(z).dbl();
    return new G1Point(x3, y3, z3);
  }

  /** add-2007-bl, with the equal and opposite cases handled. */
  G1Point add(G1Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    Fp z1z1 = z.square();
    Fp z2z2 = o.z.square();
    Fp u1 = x.mul(z2z2);
    Fp u2 = o.x.mul(z1z1);
    Fp s1 = y.mul(o.z).mul(z2z2);
    Fp s2 = o.y.mul(z).mul(z1z1);
    Fp h = u2.sub(u1);
    if (h.isZero()) {
      return s1.equals(s2) ? dbl() : INFINITY;
    }
    Fp i = h.dbl().square();
    Fp j = h.mul(i);
    Fp r = s2.sub(s1).dbl();
    Fp v = u1.mul(i);
    Fp x3 = r.square().sub(j).sub(v.dbl());
    Fp y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
    Fp z3 = z.add(o.z).square().sub(z1z1).sub(z2z2).mul(h);
    return new G1Point(x3, y3, z3);
  }

  /** [k]this for a big-endian unsigned scalar of any length, with a fixed 4-bit window. */
  G1Point multiply(byte[] scalar) {
    G1Point[] table = new G1Point[16];
    table[0] = INFINITY;
    table[1] = this;
    for (int i = 2; i < 16; i++) {
      table[i] = table[i - 1].add(this);
    }
    G1Point result = INFINITY;
    for (byte b : scalar) {
      result = result.dbl().dbl().dbl().dbl().add(table[(b >>> 4) & 0xf]);
      result = result.dbl().dbl().dbl().dbl().add(table[b & 0xf]);
    }
    return result;
  }

  /** The same point with z = 1 (or the canonical infinity), so x and y are the affine coordinates. */
  G1Point toAffine() {
    if (isInfinity()) {
      return INFINITY;
    }
    if (z.equals(Fp.ONE)) {
      return this;
    }
    Fp zInverse = z.inverse();
    Fp zInverse2 = zInverse.square();
    return new G1Point(x.mul(zInverse2), y.mul(zInverse2).mul(zInverse), Fp.ONE);
  }

  /** The 64-byte EIP-196 encoding (x ‖ y, big-endian), all zeros for the point at infinity. */
  byte[] encode() {
    byte[] out = new byte[64];
    if (!isInfinity()) {
      G1Point affine = toAffine();
      affine.x.encode(out, 0);
      affine.y.encode(out, 32);
    }
    return out;
  }

  /** Equality of the points, not of their coordinates. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof G1Point o)) {
      return false;
    }
    if (isInfinity() || o.isInfinity()) {
      return isInfinity() && o.isInfinity();
    }
    Fp z1z1 = z.square();
    Fp z2z2 = o.z.square();
    return x.mul(z2z2).equals(o.x.mul(z1z1)) && y.mul(z2z2).mul(o.z).equals(o.y.mul(z1z1).mul(z));
  }

  @Override
  public int hashCode() {
    return isInfinity() ? 0 : toAffine().x.hashCode();
  }

  @Override
  public String toString() {
    if (isInfinity()) {
      return "G1(infinity)";
    }
    G1Point affine = toAffine();
    return "G1(" + affine.x + ", " + affine.y + ")";
  }
}
