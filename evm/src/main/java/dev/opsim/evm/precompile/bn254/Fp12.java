package dev.opsim.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element c0 + c1·w of F_p¹² = F_p⁶[w]/(w² - v), the pairing target field. Immutable.
 *
 * <p>Flattened, the element is g0 + g1·w + g2·w² + g3·w³ + g4·w⁴ + g5·w⁵ over F_p² with w⁶ = ξ, where
 * (g0, g2, g4) = c0 and (g1, g3, g5) = c1; the Frobenius map and the cyclotomic squaring use that view.
 */
final class Fp12 {
  static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

  /** γ[k] = ξ^(k(p-1)/6): (g·w^k)^p = conj(g)·γ[k]·w^k, because w^(p-1) = ξ^((p-1)/6). */
  private static final Fp2[] FROBENIUS_GAMMA = frobeniusGammas();

  final Fp6 c0;
  final Fp6 c1;

  Fp12(Fp6 c0, Fp6 c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  boolean isOne() {
    return equals(ONE);
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero();
  }

  Fp12 mul(Fp12 o) {
    Fp6 v0 = c0.mul(o.c0);
    Fp6 v1 = c1.mul(o.c1);
    Fp6 cross = c0.add(c1).mul(o.c0.add(o.c1)).sub(v0).sub(v1);
    return new Fp12(v0.add(v1.mulByV()), cross);
  }

  /** Complex squaring: (c0 + c1·w)² = (c0 + c1)(c0 + v·c1) - t - v·t + 2t·w with t = c0·c1. */
  Fp12 square() {
    Fp6 t = c0.mul(c1);
    Fp6 r0 = c0.add(c1).mul(c0.add(c1.mulByV())).sub(t).sub(t.mulByV());
    return new Fp12(r0, t.dbl());
  }

  /**
   * Multiplies by the sparse line value a + (b + c·v)·w, the shape every Miller-loop line has with the D-type twist
   * (positions 0, 3 and 4 of the flattened basis 1, v, v², w, vw, v²w).
   */
  Fp12 mulBy034(Fp2 a, Fp2 b, Fp2 c) {
    Fp6 t0 = c0.mulByFp2(a);
    Fp6 t1 = c1.mulBy01(b, c);
    Fp6 cross = c0.add(c1).mulBy01(a.add(b), c).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), cross);
  }

  /** The p⁶-power Frobenius map; the inverse for elements of the cyclotomic subgroup. */
  Fp12 conjugate() {
    return new Fp12(c0, c1.neg());
  }

  /** The inverse for non-zero values, zero for zero. */
  Fp12 inverse() {
    Fp6 normInverse = c0.mul(c0).sub(c1.mul(c1).mulByV()).inverse();
    return new Fp12(c0.mul(normInverse), c1.mul(normInverse).neg());
  }

  /** ξ^(k(p-1)/6), which also gives the twist endomorphism ψ its constants (k = 2, 3). */
  static Fp2 frobeniusGamma(int k) {
    return FROBENIUS_GAMMA[k];
  }

  /** The p-power Frobenius map. */
  Fp12 frobenius() {
    Fp2[] g = FROBENIUS_GAMMA;
    return new Fp12(
        new Fp6(c0.c0.conjugate(), c0.c1.conjugate().mul(g[2]), c0.c2.conjugate().mul(g[4])),
        new Fp6(c1.c0.conjugate().mul(g[1]), c1.c1.conjugate().mul(g[3]), c1.c2.conjugate().mul(g[5])));
  }

  /**
   * Squaring in the cyclotomic subgroup (Granger-Scott 2010), valid only after the easy part of the final
   * exponentiation. With s = w³ (s² = ξ) the element is A + B·w + C·w² over F_p⁴ = F_p²[s], A = g0 + g3·s,
   * B = g1 + g4·s, C = g2 + g5·s, and its square is (3A² - 2Ā) + (3s·C² + 2B̄)·w + (3B² - 2C̄)·w².
   */
  Fp12 cyclotomicSquare() {
    Fp2 g0 = c0.c0;
    Fp2 g2 = c0.c1;
    Fp2 g4 = c0.c2;
    Fp2 g1 = c1.c0;
    Fp2 g3 = c1.c1;
    Fp2 g5 = c1.c2;
    // F_p⁴ squarings: (x + y·s)² = (x² + ξy²) + 2xy·s
    Fp2 a0 = g0.square();
    Fp2 a1 = g3.square();
    Fp2 aSquare0 = a1.mulByXi().add(a0);
    Fp2 aSquare1 = g0.add(g3).square().sub(a0).sub(a1);
    Fp2 b0 = g1.square();
    Fp2 b1 = g4.square();
    Fp2 bSquare0 = b1.mulByXi().add(b0);
    Fp2 bSquare1 = g1.add(g4).square().sub(b0).sub(b1);
    Fp2 e0 = g2.square();
    Fp2 e1 = g5.square();
    Fp2 cSquare0 = e1.mulByXi().add(e0);
    Fp2 cSquare1 = g2.add(g5).square().sub(e0).sub(e1);
    // s·C² = ξ·cSquare1 + cSquare0·s
    Fp2 r0 = triple(aSquare0).sub(g0.dbl());
    Fp2 r3 = triple(aSquare1).add(g3.dbl());
    Fp2 r1 = triple(cSquare1.mulByXi()).add(g1.dbl());
    Fp2 r4 = triple(cSquare0).sub(g4.dbl());
    Fp2 r2 = triple(bSquare0).sub(g2.dbl());
    Fp2 r5 = triple(bSquare1).add(g5.dbl());
    return new Fp12(new Fp6(r0, r2, r4), new Fp6(r1, r3, r5));
  }

  /** this^u for an element of the cyclotomic subgroup, over the NAF of u (the inverse there is the conjugate). */
  Fp12 cyclotomicPowU() {
    Fp12 inverse = conjugate();
    Fp12 result = this; // the top digit is 1
    for (int i = BnParameter.uDigitCount() - 2; i >= 0; i--) {
      result = result.cyclotomicSquare();
      int digit = BnParameter.uDigit(i);
      if (digit > 0) {
        result = result.mul(this);
      } else if (digit < 0) {
        result = result.mul(inverse);
      }
    }
    return result;
  }

  /** this^exponent by plain square-and-multiply; for tests only. */
  Fp12 pow(BigInteger exponent) {
    Fp12 result = ONE;
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
    return other instanceof Fp12 o && c0.equals(o.c0) && c1.equals(o.c1);
  }

  @Override
  public int hashCode() {
    return c0.hashCode() * 31 + c1.hashCode();
  }

  @Override
  public String toString() {
    return "{" + c0 + ", " + c1 + "}";
  }

  private static Fp2 triple(Fp2 x) {
    return x.dbl().add(x);
  }

  private static Fp2[] frobeniusGammas() {
    Fp2 xi = new Fp2(Fp.of(9), Fp.ONE);
    BigInteger sixth = Fp.MODULUS.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
    Fp2[] gammas = new Fp2[6];
    for (int k = 0; k < 6; k++) {
      gammas[k] = xi.pow(sixth.multiply(BigInteger.valueOf(k)));
    }
    return gammas;
  }
}
