package dev.opsim.engine.contracts.l2core;

import static dev.opsim.engine.contracts.l2core.OracleFixture.withSignaturePadding;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.protocol.fee.FastLz;
import dev.opsim.protocol.fee.FjordCost;
import dev.opsim.protocol.fee.L1CostFunction;
import dev.opsim.protocol.fee.L1FeeFormula;
import dev.opsim.protocol.fee.L1FeeParams;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random transaction bytes and fee parameters, GasPriceOracle.getL1Fee on our EVM equals the protocol module's
 * fee over the L1Block values the engine reads: Ecotone as the engine's formula of the tx padded by 68 non-zero
 * bytes, Fjord as {@link FjordCost} of {@link FastLz} length + 68 (so the Solidity FastLZ length agrees with the
 * Java one wherever it changes the fee).
 */
class GasPriceOracleFeeProperties {
  private final OracleFixture ecotone = new OracleFixture().ecotone();
  private final OracleFixture fjord = new OracleFixture().ecotone().fjord();

  @Property(tries = 60)
  void ecotoneFeeMatchesTheEngine(@ForAll("txBytes") byte[] tx, @ForAll("l1BaseFee") BigInteger l1BaseFee,
      @ForAll("blobBaseFee") BigInteger blobBaseFee, @ForAll("scalar") long baseFeeScalar,
      @ForAll("scalar") long blobBaseFeeScalar) {
    L1FeeParams params = ecotone.setEcotoneValues(l1BaseFee, blobBaseFee, baseFeeScalar, blobBaseFeeScalar);
    BigInteger expected = new L1CostFunction(L1FeeFormula.ECOTONE, params).cost(withSignaturePadding(tx)).fee();
    assertEquals(expected, ecotone.l1Fee(tx));
  }

  @Property(tries = 80)
  void fjordFeeMatchesTheEngine(@ForAll("txBytes") byte[] tx, @ForAll("l1BaseFee") BigInteger l1BaseFee,
      @ForAll("blobBaseFee") BigInteger blobBaseFee, @ForAll("scalar") long baseFeeScalar,
      @ForAll("scalar") long blobBaseFeeScalar) {
    L1FeeParams params = fjord.setEcotoneValues(l1BaseFee, blobBaseFee, baseFeeScalar, blobBaseFeeScalar);
    assertEquals(FjordCost.cost(params, FastLz.compressedLength(tx) + 68).fee(), fjord.l1Fee(tx));
  }

  /** With the fee weight at 1e12 the fee is the size estimate, from which the FastLZ length reads back exactly. */
  @Property(tries = 80)
  void fjordFastLzLengthMatchesJava(@ForAll("txBytes") byte[] tx) {
    fjord.setEcotoneValues(BigInteger.valueOf(62_500_000_000L), BigInteger.ZERO, 1, 0);
    long flz = FastLz.compressedLength(tx) + 68;
    BigInteger estimate = fjord.l1Fee(tx);
    assertEquals(FjordCost.estimatedSizeScaled(flz), estimate, "FastLZ length " + (flz - 68));
  }

  @Provide
  Arbitrary<byte[]> txBytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(700);
    // Repetitive data (calldata words, padding) exercises the match paths, long matches included.
    Arbitrary<byte[]> repetitive = Combinators.combine(
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40),
        Arbitraries.integers().between(1, 60),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(30))
        .as((unit, times, tail) -> {
          byte[] out = new byte[unit.length * times + tail.length];
          for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
          }
          System.arraycopy(tail, 0, out, unit.length * times, tail.length);
          return out;
        });
    Arbitrary<byte[]> sparse = Arbitraries.integers().between(1, 1200).flatMap(n ->
        Arbitraries.integers().between(0, n - 1).list().ofMaxSize(20).map(positions -> {
          byte[] out = new byte[n];
          for (int p : positions) {
            out[p] = (byte) (p * 31 + 7);
          }
          return out;
        }));
    // A leading 0x7E would make the engine's formula treat the bytes as a deposit (free); unsigned txs never start so.
    return Arbitraries.oneOf(random, repetitive, sparse).filter(tx -> tx.length == 0 || tx[0] != 0x7E);
  }

  @Provide
  Arbitrary<BigInteger> l1BaseFee() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(80));
  }

  @Provide
  Arbitrary<BigInteger> blobBaseFee() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64));
  }

  /** Below 2^28: the OP contract's uint32 product 16 * baseFeeScalar overflows from there. */
  @Provide
  Arbitrary<Long> scalar() {
    return Arbitraries.longs().between(0, (1L << 28) - 1);
  }
}
