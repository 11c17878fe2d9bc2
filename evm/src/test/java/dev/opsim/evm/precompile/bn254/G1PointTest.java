package dev.opsim.evm.precompile.bn254;

import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.R;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.g1Multiple;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.precompile.bn254.Bn254TestSupport.RefPoint;
import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class G1PointTest {
  private static final G1Point G = G1Point.GENERATOR;

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Bn254TestSupport.scalars();
  }

  @Test
  void generatorIsOnTheCurveAndHasOrderR() {
    assertTrue(G1Point.isOnCurve(Fp.ONE, Fp.of(2)));
    assertFalse(G1Point.isOnCurve(Fp.ONE, Fp.of(3)));
    assertTrue(G.multiply(R.toByteArray()).isInfinity());
    assertEquals(G, G.multiply(R.add(BigInteger.ONE).toByteArray()));
    assertFalse(G.multiply(R.subtract(BigInteger.ONE).toByteArray()).isInfinity());
  }

  @Test
  void identityAndInverse() {
    assertEquals(G, G.add(G1Point.INFINITY));
    assertEquals(G, G1Point.INFINITY.add(G));
    assertTrue(G.add(G.negate()).isInfinity());
    assertTrue(G1Point.INFINITY.dbl().isInfinity());
    assertArrayEquals(new byte[64], G1Point.INFINITY.encode());
  }

  @Property(tries = 50)
  void matchesTheAffineBigIntegerReference(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    RefPoint refA = RefPoint.multiply(RefPoint.GENERATOR, a);
    RefPoint refB = RefPoint.multiply(RefPoint.GENERATOR, b);
    G1Point pa = g1Multiple(a);
    G1Point pb = g1Multiple(b);
    assertArrayEquals(RefPoint.encode(refA), pa.encode());
    assertArrayEquals(RefPoint.encode(RefPoint.add(refA, refB)), pa.add(pb).encode());
    assertArrayEquals(RefPoint.encode(RefPoint.add(refA, refA)), pa.dbl().encode());
    assertTrue(pa.add(pb).isOnCurve());
  }

  @Property(tries = 50)
  void groupLaws(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b, @ForAll("scalars") BigInteger c) {
    G1Point pa = g1Multiple(a);
    G1Point pb = g1Multiple(b);
    G1Point pc = g1Multiple(c);
    assertEquals(pa.add(pb), pb.add(pa));
    assertEquals(pa.add(pb).add(pc), pa.add(pb.add(pc)));
    assertEquals(pa.dbl(), pa.add(pa));
    assertTrue(pa.add(pa.negate()).isInfinity());
    assertEquals(g1Multiple(a.add(b)), pa.add(pb));
    assertEquals(g1Multiple(a.multiply(b)), pa.multiply(b.toByteArray()));
    assertTrue(pa.multiply(R.toByteArray()).isInfinity());
  }

  @Property(tries = 30)
  void multiplyIsRepeatedAddition(@ForAll @IntRange(min = 0, max = 40) int k) {
    G1Point sum = G1Point.INFINITY;
    for (int i = 0; i < k; i++) {
      sum = sum.add(G);
    }
    assertEquals(sum, G.multiply(BigInteger.valueOf(k).toByteArray()));
  }
}
