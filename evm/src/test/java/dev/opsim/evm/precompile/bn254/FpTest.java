package dev.opsim.evm.precompile.bn254;

import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.P;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.R;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.U;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.word;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FpTest {
  private static BigInteger poly(long... coefficientsHighFirst) {
    BigInteger value = BigInteger.ZERO;
    for (long c : coefficientsHighFirst) {
      value = value.multiply(U).add(BigInteger.valueOf(c));
    }
    return value;
  }

  @Test
  void modulusAndOrderAreTheBarretoNaehrigPolynomialsInU() {
    // p = 36u⁴ + 36u³ + 24u² + 6u + 1 and r = 36u⁴ + 36u³ + 18u² + 6u + 1 (Barreto-Naehrig 2005)
    assertEquals(P, poly(36, 36, 24, 6, 1));
    assertEquals(R, poly(36, 36, 18, 6, 1));
    assertEquals(P, Fp.MODULUS);
    assertEquals(U.longValueExact(), BnParameter.U);
  }

  @Test
  void limbsSpellTheModulus() {
    BigInteger fromLimbs = BigInteger.ZERO;
    for (long limb : new long[] {Fp.P3, Fp.P2, Fp.P1, Fp.P0}) {
      fromLimbs = fromLimbs.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(limb)));
    }
    assertEquals(P, fromLimbs);
  }

  @Test
  void decodeRejectsCoordinatesNotBelowTheModulus() {
    assertNull(Fp.decode(word(P), 0));
    assertNull(Fp.decode(word(P.add(BigInteger.ONE)), 0));
    assertNull(Fp.decode(word(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)), 0));
    assertEquals(P.subtract(BigInteger.ONE), Fp.decode(word(P.subtract(BigInteger.ONE)), 0).toBigInteger());
    assertEquals(BigInteger.ZERO, Fp.decode(new byte[32], 0).toBigInteger());
  }

  @Provide
  Arbitrary<BigInteger> elements() {
    return Bn254TestSupport.fieldElements();
  }

  @Property(tries = 2000)
  void mulMatchesBigInteger(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    assertEquals(a.multiply(b).mod(P), Fp.of(a).mul(Fp.of(b)).toBigInteger());
  }

  @Property(tries = 1000)
  void addSubNegMatchBigInteger(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    assertEquals(a.add(b).mod(P), Fp.of(a).add(Fp.of(b)).toBigInteger());
    assertEquals(a.subtract(b).mod(P), Fp.of(a).sub(Fp.of(b)).toBigInteger());
    assertEquals(a.negate().mod(P), Fp.of(a).neg().toBigInteger());
    assertEquals(a.shiftLeft(1).mod(P), Fp.of(a).dbl().toBigInteger());
  }

  @Property(tries = 500)
  void squareHalveAndInverseMatchBigInteger(@ForAll("elements") BigInteger a) {
    Fp x = Fp.of(a);
    assertEquals(a.multiply(a).mod(P), x.square().toBigInteger());
    assertEquals(a.multiply(BigInteger.TWO.modInverse(P)).mod(P), x.halve().toBigInteger());
    BigInteger expectedInverse = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
    assertEquals(expectedInverse, x.inverse().toBigInteger());
  }

  @Property(tries = 500)
  void decodeEncodeRoundTrip(@ForAll("elements") BigInteger a) {
    byte[] bytes = word(a);
    Fp x = Fp.decode(bytes, 0);
    assertEquals(Fp.of(a), x);
    byte[] out = new byte[40];
    x.encode(out, 8);
    assertArrayEquals(bytes, java.util.Arrays.copyOfRange(out, 8, 40));
  }
}
