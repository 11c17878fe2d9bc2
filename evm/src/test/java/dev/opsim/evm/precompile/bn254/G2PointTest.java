package dev.opsim.evm.precompile.bn254;

import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.P;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.R;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.g2Generator;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.g2Multiple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class G2PointTest {
  private static final G2Point Q = g2Generator();
  /** #E'(F_p²) = r·(2p - r) for the sextic twist of a BN curve. */
  private static final BigInteger COFACTOR = P.shiftLeft(1).subtract(R);

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Bn254TestSupport.scalars();
  }

  @Test
  void eip197GeneratorIsOnTheTwistAndHasOrderR() {
    assertTrue(G2Point.isOnCurve(Q.x, Q.y));
    assertTrue(Q.multiply(R.toByteArray()).isInfinity());
    assertFalse(Q.multiply(R.subtract(BigInteger.ONE).toByteArray()).isInfinity());
    assertTrue(Q.isInSubgroup());
    assertTrue(G2Point.INFINITY.isInSubgroup());
  }

  @Test
  void twistCoefficientIsThreeOverXi() {
    assertEquals(Bn254TestSupport.fp2(BigInteger.valueOf(3), BigInteger.ZERO),
        G2Point.B.mul(Bn254TestSupport.fp2(BigInteger.valueOf(9), BigInteger.ONE)));
  }

  @Property(tries = 20)
  void groupLawsAndSubgroupMembership(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    G2Point qa = g2Multiple(a);
    G2Point qb = g2Multiple(b);
    assertEquals(qa.add(qb), qb.add(qa));
    assertEquals(g2Multiple(a.add(b)), qa.add(qb));
    assertEquals(qa.dbl(), qa.add(qa));
    assertTrue(qa.add(qa.negate()).isInfinity());
    assertTrue(qa.add(qb).isOnCurve());
    assertTrue(qa.isInSubgroup());
    assertTrue(qa.toAffine().isInSubgroup());
  }

  @Property(tries = 10)
  void psiActsOnG2AsMultiplicationByP(@ForAll("scalars") BigInteger a) {
    G2Point qa = g2Multiple(a);
    assertEquals(qa.multiply(P.mod(R).toByteArray()), qa.psi());
    assertTrue(qa.psi().isOnCurve());
  }

  @Test
  void pointsOfTheSmallCofactorOrderAreRejected() {
    // 2p - r = 10069·h' (h' of 241 bits): points of order 10069 exist on the twist, the cheapest false positives a
    // flawed membership test could let through, alone or added to a G2 point.
    BigInteger small = BigInteger.valueOf(10069);
    assertEquals(BigInteger.ZERO, COFACTOR.mod(small));
    BigInteger toSmallOrder = R.multiply(COFACTOR.divide(small));
    Random random = new Random(10069);
    int found = 0;
    while (found < 3) {
      G2Point s = Bn254TestSupport.randomTwistPoint(random).multiply(toSmallOrder.toByteArray());
      if (s.isInfinity()) {
        continue;
      }
      found++;
      assertTrue(s.multiply(small.toByteArray()).isInfinity());
      assertFalse(s.isInSubgroup());
      assertFalse(s.add(Q).isInSubgroup());
      assertFalse(s.add(Q.multiply(BigInteger.valueOf(found).toByteArray())).toAffine().isInSubgroup());
    }
  }

  @Property(tries = 10)
  void subgroupCheckAgreesWithMultiplicationByR(@ForAll long seed) {
    G2Point point = Bn254TestSupport.randomTwistPoint(new Random(seed));
    assertTrue(point.isOnCurve());
    boolean orderDividesR = point.multiply(R.toByteArray()).isInfinity();
    assertEquals(orderDividesR, point.isInSubgroup());
    assertFalse(point.isInSubgroup(), "a random twist point lies in G2 with probability 1/(2p - r)");
    // Clearing the cofactor lands in G2; multiplying by r instead leaves a point of order dividing the cofactor,
    // which is not in G2 unless it is the point at infinity.
    assertTrue(point.multiply(COFACTOR.toByteArray()).isInSubgroup());
    G2Point cofactorTorsion = point.multiply(R.toByteArray());
    assertEquals(cofactorTorsion.isInfinity(), cofactorTorsion.isInSubgroup());
  }
}
