package dev.opsim.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    check(a, b, s -> Words.div(s, 4), (x, y) -> y.signum() == 0 ? BigInteger.ZERO : x.divide(y));
  }

  @Property(tries = 300)
  void mod(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.mod(s, 4), (x, y) -> y.signum() == 0 ? BigInteger.ZERO : x.mod(y));
  }

  @Property(tries = 300)
  void sdiv(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.sdiv(s, 4),
        (x, y) -> y.signum() == 0 ? BigInteger.ZERO : wrap(signed(x).divide(signed(y))));
  }

  @Property(tries = 300)
  void smod(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    check(a, b, s -> Words.smod(s, 4), (x, y) -> {
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
    assertEquals(add, ternary(a, b, n, s -> Words.addmod(s, 8)));
    assertEquals(mul, ternary(a, b, n, s -> Words.mulmod(s, 8)));
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
}
