package dev.opsim.evm.precompile.bn254;

import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.U;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.function.IntUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BnParameterTest {
  private static BigInteger value(byte[] naf) {
    BigInteger value = BigInteger.ZERO;
    for (int i = naf.length - 1; i >= 0; i--) {
      value = value.shiftLeft(1).add(BigInteger.valueOf(naf[i]));
    }
    return value;
  }

  private static void assertNonAdjacent(byte[] naf) {
    for (int i = 0; i + 1 < naf.length; i++) {
      assertFalse(naf[i] != 0 && naf[i + 1] != 0, "adjacent non-zero digits at " + i);
    }
    assertEquals(1, naf[naf.length - 1]);
  }

  private static byte[] digits(IntUnaryOperator digit, int count) {
    byte[] naf = new byte[count];
    for (int i = 0; i < count; i++) {
      naf[i] = (byte) digit.applyAsInt(i);
    }
    return naf;
  }

  @Test
  void signedDigitFormsSpellUAndTheMillerLoopCount() {
    byte[] uNaf = digits(BnParameter::uDigit, BnParameter.uDigitCount());
    byte[] loopNaf = digits(BnParameter::loopDigit, BnParameter.loopDigitCount());
    assertEquals(U, value(uNaf));
    assertEquals(U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO), value(loopNaf));
    assertNonAdjacent(uNaf);
    assertNonAdjacent(loopNaf);
  }

  @Property(tries = 300)
  void nonAdjacentFormOfValuesBelow2To127(@ForAll long low, @ForAll @LongRange(min = 0) long high) {
    BigInteger expected = new BigInteger(Long.toUnsignedString(high)).shiftLeft(64)
        .add(new BigInteger(Long.toUnsignedString(low)));
    if (expected.signum() == 0) {
      assertEquals(0, BnParameter.nonAdjacentForm(low, high).length);
      return;
    }
    byte[] naf = BnParameter.nonAdjacentForm(low, high);
    assertEquals(expected, value(naf));
    assertNonAdjacent(naf);
  }

  @Test
  void g2MultiplicationByUMatchesTheGenericOne() {
    G2Point q = Bn254TestSupport.g2Multiple(BigInteger.valueOf(12345));
    assertEquals(q.multiply(U.toByteArray()), q.multiplyByU());
    assertEquals(q.multiply(U.toByteArray()), q.toAffine().multiplyByU());
  }
}
