package dev.opsim.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** 256-bit stack arithmetic against BigInteger, over random and edge values (yellow paper appendix H). */
class WordsPropertiesTest {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger HALF = BigInteger.ONE.shiftLeft(255);
  private static final BigInteger MAX = MOD.subtract(BigInteger.ONE);

  /** Reused across tries on purpose: the division paths must not depend on what earlier calls left in it. */
  private final long[] scratch = new long[Words.SCRATCH_SIZE];

  @Provide
  Arbitrary<BigInteger> words() {
    Arbitrary<BigInteger> edges = Arbitraries.of(
        BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, MOD.subtract(BigInteger.ONE), HALF,
        HALF.subtract(BigInteger.ONE), HALF.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(64),
        BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(128),
        BigInteger.ONE.shiftLeft(63), BigInteger.valueOf(31), BigInteger.valueOf(32), BigInteger.valueOf(255),
        BigInteger.valueOf(256), MOD.subtract(BigInteger.TWO));
    Arbitrary<BigInteger> random = Arbitraries.integers().between(0, 256)
        .flatMap(bits -> Arbitraries.bigIntegers().between(BigInteger.ZERO,
            BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).max(BigInteger.ZERO)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, edges), net.jqwik.api.Tuple.of(3, random));
  }

  private static BigInteger signed(BigInteger x) {
    return x.testBit(255) ? x.subtract(MOD) : x;
  }

  private static BigInteger wrap(BigInteger x) {
    return x.mod(MOD);
  }

  /** Runs a binary operation with a on top and b below; returns the result word. */
  private static BigInteger binary(BigInteger a, BigInteger b, Consumer<long[]> op) {
    long[] s = new long[8];
    Words.fromBig(s, 0, b);
    Words.fromBig(s, 4, a);
    op.accept(s);
    return Words.toBig(s, 0);
  }

  private static BigInteger ternary(BigInteger a, BigInteger b, BigInteger n, Consumer<long[]> op) {
    long[] s = new long[12];
    Words.fromBig(s, 0, n);
    Words.fromBig(s, 4, b);
    Words.fromBig(s, 8, a);
    op.accept(s);
    return Words.toBig(s, 0);
  }

  private static void check(BigInteger a, BigInteger b, Consumer<long[]> op, BiFunction<BigInteger, BigInteger,
      BigInteger> expected) {
    assertEquals(expected.apply(a, b), binary(a, b, op), () -> "a=" + a.toString(16) + " b=" + b.toString(16));
  }

  @Property(tries = 300)
  void add(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.add(s, 4), (x, y) -> wrap(x.add(y)));
  }

  @Property(tries = 300)
  void sub(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.sub(s, 4), (x, y) -> wrap(x.subtract(y)));
  }

  @Property(tries = 300)
  void mul(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.mul(s, 4), (x, y) -> wrap(x.multiply(y)));
  }

  @Property(tries = 300)
  void div(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.div(s, 4, scratch), (x, y) -> y.signum() == 0 ? BigInteger.ZERO : x.divide(y));
  }

  @Property(tries = 300)
  void mod(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.mod(s, 4, scratch), (x, y) -> y.signum() == 0 ? BigInteger.ZERO : x.mod(y));
  }

  @Property(tries = 300)
  void sdiv(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.sdiv(s, 4, scratch),
        (x, y) -> y.signum() == 0 ? BigInteger.ZERO : wrap(signed(x).divide(signed(y))));
  }

  @Property(tries = 300)
  void smod(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.smod(s, 4, scratch), (x, y) -> {
      if (y.signum() == 0) {
        return BigInteger.ZERO;
      }
      BigInteger r = signed(x).abs().mod(signed(y).abs());
      return wrap(signed(x).signum() < 0 ? r.negate() : r);
    });
  }

  @Property(tries = 300)
  void addmodAndMulmod(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b,
      @ForAll("words") BigInteger n) {
    BigInteger add = n.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(n);
    BigInteger mul = n.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(n);
    assertEquals(add, ternary(a, b, n, s -> Words.addmod(s, 8, scratch)));
    assertEquals(mul, ternary(a, b, n, s -> Words.mulmod(s, 8, scratch)));
  }

  @Property(tries = 200)
  void exp(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.exp(s, 4), (x, y) -> x.modPow(y, MOD));
  }

  @Property(tries = 300)
  void signExtend(@ForAll("words") BigInteger i, @ForAll("words") BigInteger x) {
    check(i, x, s -> Words.signExtend(s, 4), (k, v) -> {
      if (k.compareTo(BigInteger.valueOf(31)) >= 0) {
        return v;
      }
      int bit = k.intValue() * 8 + 7;
      BigInteger low = v.and(BigInteger.ONE.shiftLeft(bit + 1).subtract(BigInteger.ONE));
      return v.testBit(bit) ? wrap(low.subtract(BigInteger.ONE.shiftLeft(bit + 1))) : low;
    });
  }

  @Property(tries = 300)
  void shifts(@ForAll("words") BigInteger n, @ForAll("words") BigInteger v) {
    boolean big = n.compareTo(BigInteger.valueOf(256)) >= 0;
    int k = big ? 256 : n.intValue();
    check(n, v, s -> Words.shl(s, 4), (x, y) -> big ? BigInteger.ZERO : wrap(y.shiftLeft(k)));
    check(n, v, s -> Words.shr(s, 4), (x, y) -> big ? BigInteger.ZERO : y.shiftRight(k));
    check(n, v, s -> Words.sar(s, 4), (x, y) -> wrap(signed(y).shiftRight(Math.min(k, 256))));
  }

  @Property(tries = 300)
  void byteOp(@ForAll("words") BigInteger i, @ForAll("words") BigInteger x) {
    check(i, x, s -> Words.byteOp(s, 4), (k, v) -> k.compareTo(BigInteger.valueOf(32)) >= 0
        ? BigInteger.ZERO
        : v.shiftRight(8 * (31 - k.intValue())).and(BigInteger.valueOf(0xff)));
  }

  @Property(tries = 300)
  void comparisons(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    long[] s = new long[8];
    Words.fromBig(s, 0, b);
    Words.fromBig(s, 4, a);
    assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(Words.compareUnsigned(s, 4, 0)));
    assertEquals(Integer.signum(signed(a).compareTo(signed(b))), Integer.signum(Words.compareSigned(s, 4, 0)));
    assertEquals(a.signum() == 0, Words.isZero(s, 4));
  }

  @Property(tries = 200)
  void bytesRoundTrip(@ForAll("words") BigInteger a) {
    long[] s = new long[4];
    Words.fromBig(s, 0, a);
    byte[] b = new byte[32];
    Words.toBytes(s, 0, b, 0);
    assertEquals(a, new BigInteger(1, b));
    long[] t = new long[4];
    Words.fromBytes(t, 0, b, 0, 32);
    assertEquals(a, Words.toBig(t, 0));
    assertEquals((a.bitLength() + 7) / 8, Words.byteLength(s, 0));
  }

  // ---- Division family: edge divisors, small/equal dividends, Knuth D's add-back (yellow paper appendix H) ----

  private static BigInteger pow2(int bits) {
    return BigInteger.ONE.shiftLeft(bits);
  }

  /** Divisors at every digit and limb boundary of the 32-bit-digit and 64-bit-limb paths, and random ones. */
  @Provide
  Arbitrary<BigInteger> divisors() {
    Arbitrary<BigInteger> edges = Arbitraries.of(
        BigInteger.ONE, BigInteger.TWO, pow2(32).subtract(BigInteger.ONE), pow2(32), pow2(32).add(BigInteger.ONE),
        pow2(64).subtract(BigInteger.ONE), pow2(64), pow2(64).add(BigInteger.ONE), pow2(96), pow2(128),
        pow2(128).subtract(BigInteger.ONE), pow2(160), pow2(192), pow2(192).subtract(BigInteger.ONE), pow2(224),
        HALF, HALF.subtract(BigInteger.ONE), HALF.add(BigInteger.ONE), MAX, MAX.subtract(BigInteger.ONE),
        MAX.subtract(pow2(64)));
    // Top limb zero (below 2^192) and non-zero, and values with a lone high digit over random low ones.
    Arbitrary<BigInteger> topLimbZero = Arbitraries.bigIntegers().between(BigInteger.ONE, pow2(192).subtract(
        BigInteger.ONE));
    Arbitrary<BigInteger> topLimbSet = Arbitraries.bigIntegers().between(pow2(192), MAX);
    Arbitrary<BigInteger> highDigit = Arbitraries.integers().between(1, 7).flatMap(d ->
        Arbitraries.bigIntegers().between(BigInteger.ZERO, pow2(32 * d).subtract(BigInteger.ONE))
            .map(low -> pow2(32 * d + 31).add(low)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, edges), net.jqwik.api.Tuple.of(2, topLimbZero),
        net.jqwik.api.Tuple.of(2, topLimbSet), net.jqwik.api.Tuple.of(1, highDigit),
        net.jqwik.api.Tuple.of(2, words().filter(w -> w.signum() != 0)));
  }

  private static BigInteger sdivReference(BigInteger x, BigInteger y) {
    return y.signum() == 0 ? BigInteger.ZERO : wrap(signed(x).divide(signed(y)));
  }

  private static BigInteger smodReference(BigInteger x, BigInteger y) {
    if (y.signum() == 0) {
      return BigInteger.ZERO;
    }
    BigInteger r = signed(x).abs().mod(signed(y).abs());
    return wrap(signed(x).signum() < 0 ? r.negate() : r);
  }

  /** DIV, MOD, SDIV, SMOD of a by b, and ADDMOD/MULMOD of (a, a) by b, all against BigInteger. */
  private void checkDivisionFamily(BigInteger a, BigInteger b) {
    check(a, b, s -> Words.div(s, 4, scratch), (x, y) -> y.signum() == 0 ? BigInteger.ZERO : x.divide(y));
    check(a, b, s -> Words.mod(s, 4, scratch), (x, y) -> y.signum() == 0 ? BigInteger.ZERO : x.mod(y));
    check(a, b, s -> Words.sdiv(s, 4, scratch), WordsPropertiesTest::sdivReference);
    check(a, b, s -> Words.smod(s, 4, scratch), WordsPropertiesTest::smodReference);
    if (b.signum() != 0) {
      assertEquals(a.add(a).mod(b), ternary(a, a, b, s -> Words.addmod(s, 8, scratch)));
      assertEquals(a.multiply(a).mod(b), ternary(a, a, b, s -> Words.mulmod(s, 8, scratch)));
    }
  }

  @Property(tries = 1500)
  void divisionByEdgeDivisors(@ForAll("words") BigInteger a, @ForAll("divisors") BigInteger b) {
    checkDivisionFamily(a, b);
    checkDivisionFamily(MAX.subtract(a), b);
    // Negated operands take the two's complement paths of SDIV/SMOD.
    checkDivisionFamily(wrap(a.negate()), wrap(b.negate()));
  }

  @Property(tries = 800)
  void dividendBelowOrEqualToDivisor(@ForAll("divisors") BigInteger b, @ForAll("words") BigInteger delta) {
    checkDivisionFamily(b, b);
    checkDivisionFamily(b.subtract(BigInteger.ONE), b);
    checkDivisionFamily(b.subtract(delta.mod(b)), b);
    checkDivisionFamily(b.add(BigInteger.ONE).mod(MOD), b);
  }

  @Property(tries = 600)
  void addmodAndMulmodByEdgeModuli(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b,
      @ForAll("divisors") BigInteger n) {
    assertEquals(a.add(b).mod(n), ternary(a, b, n, s -> Words.addmod(s, 8, scratch)));
    assertEquals(a.multiply(b).mod(n), ternary(a, b, n, s -> Words.mulmod(s, 8, scratch)));
    BigInteger big = MAX.subtract(a);
    assertEquals(big.add(MAX).mod(n), ternary(big, MAX, n, s -> Words.addmod(s, 8, scratch)));
    assertEquals(big.multiply(MAX).mod(n), ternary(big, MAX, n, s -> Words.mulmod(s, 8, scratch)));
  }

  @Property(tries = 200)
  void signedExtremes(@ForAll("divisors") BigInteger b) {
    BigInteger minusOne = MAX;
    check(HALF, minusOne, s -> Words.sdiv(s, 4, scratch), (x, y) -> HALF);
    check(HALF, minusOne, s -> Words.smod(s, 4, scratch), (x, y) -> BigInteger.ZERO);
    checkDivisionFamily(HALF, b);
    checkDivisionFamily(b, HALF);
  }

  private long addBacks() {
    return scratch[Words.ADD_BACK_COUNT];
  }

  /**
   * Knuth D's step D6 (qhat one too large, divisor added back) for 32-bit digits: u = 2^95 + 3 over v = 2^93 + 1
   * estimates qhat = 4 from the top digits after normalization while the quotient is 3 (a Hacker's Delight divmnu64
   * test case). Shifting both by k bits keeps the normalized digits, low bits r < 2^k of u keep the quotient.
   */
  @Property(tries = 400)
  void knuthAddBackCase(@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 160) int k,
      @ForAll("words") BigInteger low) {
    BigInteger r = k == 0 ? BigInteger.ZERO : low.mod(pow2(k));
    BigInteger u = pow2(95).add(BigInteger.valueOf(3)).shiftLeft(k).add(r);
    BigInteger v = pow2(93).add(BigInteger.ONE).shiftLeft(k);
    assertEquals(BigInteger.valueOf(3), u.divide(v));
    long before = addBacks();
    check(u, v, s -> Words.div(s, 4, scratch), BigInteger::divide);
    check(u, v, s -> Words.mod(s, 4, scratch), BigInteger::mod);
    check(u, v, s -> Words.sdiv(s, 4, scratch), WordsPropertiesTest::sdivReference);
    check(wrap(u.negate()), v, s -> Words.smod(s, 4, scratch), WordsPropertiesTest::smodReference);
    assertEquals(u.mod(v), ternary(u, BigInteger.ZERO, v, s -> Words.addmod(s, 8, scratch)));
    assertEquals(u.mod(v), ternary(u, BigInteger.ONE, v, s -> Words.mulmod(s, 8, scratch)));
    // At k = 160 u has bit 255 set, so the signed operations see a different (negative) dividend.
    assertEquals(before + (k < 160 ? 6 : 4), addBacks(), "every operation above must go through the add-back step");
  }

  /** The add-back case reached inside MULMOD's 512-by-256 reduction, d digits below the product's top. */
  @Property(tries = 300)
  void knuthAddBackInsideMulmod(@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 162) int kn,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 7) int d) {
    int k = kn + 32 * d;
    int k1 = Math.min(k, 160);
    BigInteger a = pow2(95).add(BigInteger.valueOf(3)).shiftLeft(k1);
    BigInteger b = pow2(k - k1);
    BigInteger n = pow2(93).add(BigInteger.ONE).shiftLeft(kn);
    long before = addBacks();
    assertEquals(a.multiply(b).mod(n), ternary(a, b, n, s -> Words.mulmod(s, 8, scratch)));
    assertTrue(addBacks() > before, "the reduction must go through the add-back step");
  }

  /** A second divmnu64 add-back vector: the multiply-subtract step overflows. */
  @Property(tries = 1)
  void knuthAddBackMultiplySubtractOverflow() {
    BigInteger u = BigInteger.valueOf(0x8000).shiftLeft(96).add(BigInteger.valueOf(0xfffe).shiftLeft(32));
    BigInteger v = BigInteger.valueOf(0x8000).shiftLeft(64).add(BigInteger.valueOf(0xffff));
    long before = addBacks();
    check(u, v, s -> Words.div(s, 4, scratch), BigInteger::divide);
    check(u, v, s -> Words.mod(s, 4, scratch), BigInteger::mod);
    assertEquals(before + 2, addBacks());
  }

  @Property(tries = 50)
  void expDoesNotDependOnSlotsAboveTheOperands(@ForAll("words") BigInteger a, @ForAll("words") BigInteger e) {
    long[] s = new long[12];
    java.util.Arrays.fill(s, -1L);
    Words.fromBig(s, 4, e);
    Words.fromBig(s, 8, a);
    Words.exp(s, 8);
    assertEquals(a.modPow(e, MOD), Words.toBig(s, 4));
    assertEquals(MAX, Words.toBig(s, 0));
  }
}
