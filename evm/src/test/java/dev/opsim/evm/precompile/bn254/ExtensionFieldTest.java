package dev.opsim.evm.precompile.bn254;

import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.P;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.R;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.U;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.fp2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The tower F_p² → F_p⁶ → F_p¹². The Karatsuba products are checked against schoolbook products written here from
 * the defining relations (i² = -1, v³ = ξ = 9 + i, w² = v); the special operations against the general ones.
 */
class ExtensionFieldTest {
  private static final Fp2 XI = fp2(BigInteger.valueOf(9), BigInteger.ONE);

  @Provide
  Arbitrary<Fp2> fp2s() {
    Arbitrary<BigInteger> e = Bn254TestSupport.fieldElements();
    return Combinators.combine(e, e).as(Bn254TestSupport::fp2);
  }

  @Provide
  Arbitrary<Fp6> fp6s() {
    Arbitrary<Fp2> e = fp2s();
    return Combinators.combine(e, e, e).as(Fp6::new);
  }

  @Provide
  Arbitrary<Fp12> fp12s() {
    Arbitrary<Fp6> e = fp6s();
    return Combinators.combine(e, e).as(Fp12::new);
  }

  @Provide
  Arbitrary<Fp12> nonZeroFp12s() {
    return fp12s().filter(f -> !f.isZero());
  }

  // ---- F_p²

  @Property(tries = 300)
  void fp2MulMatchesSchoolbookOverBigInteger(@ForAll("fp2s") Fp2 a, @ForAll("fp2s") Fp2 b) {
    BigInteger a0 = a.c0.toBigInteger();
    BigInteger a1 = a.c1.toBigInteger();
    BigInteger b0 = b.c0.toBigInteger();
    BigInteger b1 = b.c1.toBigInteger();
    // (a0 + a1 i)(b0 + b1 i) = (a0 b0 - a1 b1) + (a0 b1 + a1 b0) i
    assertEquals(fp2(a0.multiply(b0).subtract(a1.multiply(b1)), a0.multiply(b1).add(a1.multiply(b0))), a.mul(b));
    assertEquals(a.mul(a), a.square());
  }

  @Test
  void iSquaredIsMinusOneAndXiIsNotACubeOrSquare() {
    Fp2 i = fp2(BigInteger.ZERO, BigInteger.ONE);
    assertEquals(Fp2.ONE.neg(), i.square());
    // v³ - ξ and w⁶ - ξ are irreducible only if ξ is neither a square nor a cube in F_p².
    BigInteger groupOrder = P.multiply(P).subtract(BigInteger.ONE);
    assertNotEquals(Fp2.ONE, XI.pow(groupOrder.divide(BigInteger.TWO)));
    assertNotEquals(Fp2.ONE, XI.pow(groupOrder.divide(BigInteger.valueOf(3))));
  }

  @Property(tries = 200)
  void fp2SpecialOperations(@ForAll("fp2s") Fp2 a) {
    assertEquals(a.mul(XI), a.mulByXi());
    assertEquals(a.pow(P), a.conjugate());
    assertEquals(a, a.halve().dbl());
    if (!a.isZero()) {
      assertEquals(Fp2.ONE, a.mul(a.inverse()));
    }
  }

  // ---- F_p⁶

  /** Schoolbook product with v³ = ξ, v⁴ = ξ·v. */
  private static Fp6 schoolbook(Fp6 a, Fp6 b) {
    Fp2[] x = {a.c0, a.c1, a.c2};
    Fp2[] y = {b.c0, b.c1, b.c2};
    Fp2[] c = {Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        c[i + j] = c[i + j].add(x[i].mul(y[j]));
      }
    }
    return new Fp6(c[0].add(c[3].mul(XI)), c[1].add(c[4].mul(XI)), c[2]);
  }

  @Property(tries = 200)
  void fp6MulAndSquareMatchSchoolbook(@ForAll("fp6s") Fp6 a, @ForAll("fp6s") Fp6 b) {
    assertEquals(schoolbook(a, b), a.mul(b));
    assertEquals(schoolbook(a, a), a.square());
  }

  @Property(tries = 100)
  void fp6SpecialOperations(@ForAll("fp6s") Fp6 a, @ForAll("fp2s") Fp2 b0, @ForAll("fp2s") Fp2 b1) {
    Fp6 v = new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO);
    assertEquals(a.mul(v), a.mulByV());
    assertEquals(a.mul(new Fp6(b0, b1, Fp2.ZERO)), a.mulBy01(b0, b1));
    assertEquals(a.mul(new Fp6(b0, Fp2.ZERO, Fp2.ZERO)), a.mulByFp2(b0));
    if (!a.isZero()) {
      assertEquals(Fp6.ONE, a.mul(a.inverse()));
    }
  }

  // ---- F_p¹²

  /** Schoolbook product with w² = v. */
  private static Fp12 schoolbook(Fp12 a, Fp12 b) {
    Fp6 c0 = schoolbook(a.c0, b.c0).add(schoolbook(schoolbook(a.c1, b.c1), new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO)));
    Fp6 c1 = schoolbook(a.c0, b.c1).add(schoolbook(a.c1, b.c0));
    return new Fp12(c0, c1);
  }

  @Property(tries = 100)
  void fp12MulAndSquareMatchSchoolbook(@ForAll("fp12s") Fp12 a, @ForAll("fp12s") Fp12 b) {
    assertEquals(schoolbook(a, b), a.mul(b));
    assertEquals(schoolbook(a, a), a.square());
  }

  @Property(tries = 100)
  void fp12SparseAndInverse(@ForAll("fp12s") Fp12 f, @ForAll("fp2s") Fp2 a, @ForAll("fp2s") Fp2 b,
      @ForAll("fp2s") Fp2 c) {
    Fp12 line = new Fp12(new Fp6(a, Fp2.ZERO, Fp2.ZERO), new Fp6(b, c, Fp2.ZERO));
    assertEquals(f.mul(line), f.mulBy034(a, b, c));
    if (!f.isZero()) {
      assertEquals(Fp12.ONE, f.mul(f.inverse()));
    }
  }

  @Property(tries = 5)
  void frobeniusIsThePthPowerAndConjugateThePToTheSixth(@ForAll("fp12s") Fp12 f) {
    assertEquals(f.pow(P), f.frobenius());
    Fp12 sixfold = f;
    for (int k = 0; k < 6; k++) {
      sixfold = sixfold.frobenius();
    }
    assertEquals(f.conjugate(), sixfold);
  }

  /** The easy part of the final exponentiation maps into the cyclotomic subgroup (order p⁴ - p² + 1). */
  private static Fp12 cyclotomic(Fp12 f) {
    Fp12 t = f.conjugate().mul(f.inverse());
    return t.frobenius().frobenius().mul(t);
  }

  @Property(tries = 20)
  void cyclotomicSquaringAndPowerAgreeWithTheGeneralOnes(@ForAll("nonZeroFp12s") Fp12 f) {
    Fp12 g = cyclotomic(f);
    BigInteger cyclotomicOrder = P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE);
    assertEquals(Fp12.ONE, g.pow(cyclotomicOrder));
    assertEquals(g.square(), g.cyclotomicSquare());
    assertEquals(g.pow(U), g.cyclotomicPowU());
    assertEquals(g.inverse(), g.conjugate());
  }

  @Property(tries = 3)
  void finalExponentiationIsAFixedPowerOfTheReducedTatePairingExponent(@ForAll("nonZeroFp12s") Fp12 f) {
    // FKR 2011: the hard part computes the power 2u(6u² + 3u + 1), coprime to r, of (p⁴ - p² + 1)/r.
    BigInteger multiplier = U.shiftLeft(1).multiply(U.pow(2).multiply(BigInteger.valueOf(6))
        .add(U.multiply(BigInteger.valueOf(3))).add(BigInteger.ONE));
    assertEquals(BigInteger.ONE, multiplier.gcd(R));
    BigInteger exponent = P.pow(12).subtract(BigInteger.ONE).divide(R).multiply(multiplier);
    Fp12 result = Pairing.finalExponentiation(f);
    assertEquals(f.pow(exponent), result);
    assertTrue(result.pow(R).isOne());
  }
}
