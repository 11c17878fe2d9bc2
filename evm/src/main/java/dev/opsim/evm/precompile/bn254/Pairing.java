package dev.opsim.evm.precompile.bn254;

import java.util.ArrayList;
import java.util.List;

/**
 * The optimal ate pairing on BN254 (EIP-197): a Miller loop over 6u + 2 with the two Frobenius correction lines,
 * then the final exponentiation to the power (p¹² - 1)/r, whose hard part is computed as a fixed power
 * 2u(6u² + 3u + 1) of it (coprime to r, so a product of pairings is 1 exactly when it is 1 for the plain pairing).
 */
final class Pairing {
  private Pairing() {}

  /**
   * Whether ∏ e(g1[k], g2[k]) = 1. Points must be on their curves and G2 points in the subgroup; pairs with a point at
   * infinity contribute 1 and are skipped.
   */
  static boolean isProductOne(List<G1Point> g1, List<G2Point> g2) {
    List<G1Point> ps = new ArrayList<>();
    List<G2Point> qs = new ArrayList<>();
    for (int k = 0; k < g1.size(); k++) {
      if (!g1.get(k).isInfinity() && !g2.get(k).isInfinity()) {
        ps.add(g1.get(k).toAffine());
        qs.add(g2.get(k).toAffine());
      }
    }
    if (ps.isEmpty()) {
      return true;
    }
    return finalExponentiation(millerLoop(ps, qs)).isOne();
  }

  /** e(p, q) as an element of the order-r subgroup of F_p¹²; for tests. */
  static Fp12 pair(G1Point p, G2Point q) {
    if (p.isInfinity() || q.isInfinity()) {
      return Fp12.ONE;
    }
    return finalExponentiation(millerLoop(List.of(p.toAffine()), List.of(q.toAffine())));
  }

  /** The product of the Miller loops of all pairs, sharing the squarings; points affine and finite. */
  static Fp12 millerLoop(List<G1Point> ps, List<G2Point> qs) {
    int n = ps.size();
    TwistAccumulator[] t = new TwistAccumulator[n];
    Fp2[] negatedQy = new Fp2[n];
    for (int k = 0; k < n; k++) {
      t[k] = new TwistAccumulator(qs.get(k));
      negatedQy[k] = qs.get(k).y.neg();
    }
    Fp12 f = Fp12.ONE;
    int top = BnParameter.loopDigitCount() - 1; // that digit is 1: T starts as Q
    for (int i = top - 1; i >= 0; i--) {
      if (i < top - 1) {
        f = f.square(); // f is still 1 on the first step
      }
      for (int k = 0; k < n; k++) {
        f = t[k].doubleStep(f, ps.get(k));
      }
      int digit = BnParameter.loopDigit(i);
      if (digit != 0) {
        for (int k = 0; k < n; k++) {
          Fp2 qy = digit > 0 ? qs.get(k).y : negatedQy[k];
          f = t[k].addStep(f, qs.get(k).x, qy, ps.get(k));
        }
      }
    }
    for (int k = 0; k < n; k++) {
      G2Point q1 = qs.get(k).psi();
      G2Point q2 = q1.psi();
      f = t[k].addStep(f, q1.x, q1.y, ps.get(k));
      f = t[k].addStep(f, q2.x, q2.y.neg(), ps.get(k));
    }
    return f;
  }

  /**
   * f^((p⁶ - 1)(p² + 1)) (easy part), then the hard part by Fuentes-Castañeda, Knapp and Rodríguez-Henríquez
   * ("Faster hashing to G2", 2011): the exponent 2u(6u² + 3u + 1)(p⁴ - p² + 1)/r equals λ0 + λ1·p + λ2·p² + λ3·p³
   * with λ0 = 12u³ + 12u² + 6u + 1, λ1 = 12u³ + 6u² + 4u, λ2 = 12u³ + 6u² + 6u, λ3 = λ1 - 1.
   */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 t = f.conjugate().mul(f.inverse());
    t = t.frobenius().frobenius().mul(t);
    Fp12 fu = t.cyclotomicPowU();
    Fp12 f2u = fu.cyclotomicSquare();
    Fp12 f4u = f2u.cyclotomicSquare();
    Fp12 f6u = f2u.mul(f4u);
    Fp12 f6u2 = f6u.cyclotomicPowU();
    Fp12 f12u3 = f6u2.cyclotomicSquare().cyclotomicPowU();
    Fp12 lambda2 = f12u3.mul(f6u2).mul(f6u);
    Fp12 lambda1 = lambda2.mul(f2u.conjugate());
    Fp12 lambda0 = lambda2.mul(f6u2).mul(t);
    Fp12 lambda3 = lambda1.mul(t.conjugate());
    return lambda0
        .mul(lambda1.frobenius())
        .mul(lambda2.frobenius().frobenius())
        .mul(lambda3.frobenius().frobenius().frobenius());
  }

  /**
   * The running multiple T of Q in homogeneous projective coordinates (x/z, y/z) on the twist, with the
   * doubling and mixed-addition steps of Costello, Lange and Naehrig ("Faster pairing computations on curves with
   * high-degree twists", PKC 2010). Each step also multiplies f by the line through the points, evaluated at P and
   * scaled by a factor in F_p² (which the final exponentiation removes).
   *
   * <p>Untwisting (x', y') ↦ (x'·w², y'·w³), the line with slope λ' through (x_T, y_T) evaluated at P is
   * y_P - λ'·x_P·w + (λ'·x_T - y_T)·v·w: an element with only the coefficients 0, 3 and 4 non-zero.
   */
  static final class TwistAccumulator {
    private static final Fp2 THREE_B = G2Point.B.dbl().add(G2Point.B);

    private Fp2 x;
    private Fp2 y;
    private Fp2 z;

    TwistAccumulator(G2Point q) {
      x = q.x;
      y = q.y;
      z = Fp2.ONE;
    }

    /** T ← 2T; returns f times the tangent line at T: (-2yz·y_P) + (3x²·x_P)·w + (3b'z² - y²)·v·w. */
    Fp12 doubleStep(Fp12 f, G1Point p) {
      Fp2 a = x.mul(y).halve();
      Fp2 b = y.square();
      Fp2 c = z.square();
      Fp2 e = c.mul(THREE_B);
      Fp2 threeE = e.dbl().add(e);
      Fp2 g = b.add(threeE).halve();
      Fp2 h = y.add(z).square().sub(b).sub(c);
      Fp2 xSquared = x.square();
      Fp2 eSquared = e.square();
      Fp2 lineY = h.neg().mulByFp(p.y);
      Fp2 lineX = xSquared.dbl().add(xSquared).mulByFp(p.x);
      Fp2 lineConstant = e.sub(b);
      x = a.mul(b.sub(threeE));
      y = g.square().sub(eSquared.dbl().add(eSquared));
      z = b.mul(h);
      return f.mulBy034(lineY, lineX, lineConstant);
    }

    /**
     * T ← T + (qx, qy) for an affine point; returns f times the line through both: with θ = y - qy·z and
     * λ = x - qx·z, (λ·y_P) + (-θ·x_P)·w + (θ·qx - λ·qy)·v·w.
     */
    Fp12 addStep(Fp12 f, Fp2 qx, Fp2 qy, G1Point p) {
      Fp2 theta = y.sub(qy.mul(z));
      Fp2 lambda = x.sub(qx.mul(z));
      Fp2 c = theta.square();
      Fp2 d = lambda.square();
      Fp2 e = lambda.mul(d);
      Fp2 ff = z.mul(c);
      Fp2 g = x.mul(d);
      Fp2 h = e.add(ff).sub(g.dbl());
      Fp2 lineY = lambda.mulByFp(p.y);
      Fp2 lineX = theta.neg().mulByFp(p.x);
      Fp2 lineConstant = theta.mul(qx).sub(lambda.mul(qy));
      Fp2 newY = theta.mul(g.sub(h)).sub(y.mul(e));
      x = lambda.mul(h);
      y = newY;
      z = e.mul(z);
      return f.mulBy034(lineY, lineX, lineConstant);
    }

    /** The accumulated point T, for tests. */
    G2Point current() {
      Fp2 zInverse = z.inverse();
      return G2Point.affine(x.mul(zInverse), y.mul(zInverse));
    }
  }
}
