package dev.opsim.evm.precompile.bn254;

import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.R;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.g1Multiple;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.g2Generator;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.g2Multiple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PairingTest {
  private static final G1Point P1 = G1Point.GENERATOR;
  private static final G2Point Q2 = g2Generator();

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Bn254TestSupport.scalars().filter(k -> k.signum() > 0);
  }

  @Test
  void pairingOfTheGeneratorsIsNonDegenerateAndOfOrderR() {
    Fp12 e = Pairing.pair(P1, Q2);
    assertFalse(e.isOne());
    assertTrue(e.pow(R).isOne());
    assertEquals(Fp12.ONE, Pairing.pair(G1Point.INFINITY, Q2));
    assertEquals(Fp12.ONE, Pairing.pair(P1, G2Point.INFINITY));
  }

  @Property(tries = 8)
  void bilinear(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    Fp12 e = Pairing.pair(P1, Q2);
    Fp12 eab = Pairing.pair(g1Multiple(a), g2Multiple(b));
    assertEquals(e.pow(a.multiply(b).mod(R)), eab);
    assertEquals(Pairing.pair(g1Multiple(a.multiply(b)), Q2), eab);
    assertEquals(Pairing.pair(P1, g2Multiple(a.multiply(b))), eab);
  }

  @Property(tries = 5)
  void productOfPairingsUsesOneSharedMillerLoop(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    G1Point pa = g1Multiple(a);
    G2Point qb = g2Multiple(b);
    Fp12 product = Pairing.finalExponentiation(
        Pairing.millerLoop(List.of(pa.toAffine(), P1), List.of(qb.toAffine(), Q2)));
    assertEquals(Pairing.pair(pa, qb).mul(Pairing.pair(P1, Q2)), product);
    assertTrue(Pairing.isProductOne(List.of(pa, g1Multiple(a.multiply(b)).negate()), List.of(qb, Q2)));
    assertFalse(Pairing.isProductOne(List.of(pa, g1Multiple(a.multiply(b))), List.of(qb, Q2)));
    assertTrue(Pairing.isProductOne(List.of(pa, G1Point.INFINITY), List.of(G2Point.INFINITY, qb)));
  }

  @Property(tries = 10)
  void lineStepsMoveTheAccumulatorLikeTheGroupLaw(@ForAll("scalars") BigInteger a) {
    // T = 2Q, then T + [a]Q by mixed addition, which (like the Miller loop) never meets T = ±[a]Q.
    Assume.that(!a.equals(BigInteger.TWO) && !a.equals(R.subtract(BigInteger.TWO)));
    G2Point qa = g2Multiple(a).toAffine();
    Pairing.TwistAccumulator t = new Pairing.TwistAccumulator(Q2);
    t.doubleStep(Fp12.ONE, P1);
    assertEquals(Q2.dbl(), t.current());
    t.addStep(Fp12.ONE, qa.x, qa.y, P1);
    assertEquals(Q2.dbl().add(qa), t.current());
    assertNotEquals(Fp12.ONE, t.doubleStep(Fp12.ONE, P1));
  }
}
