package dev.opsim.engine.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EIP-1559 base fee (protocol-reference 7.1), EIP-4844 blob gas and the Holocene extraData encoding. */
class FeeFunctionsTest {
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

  /** geth consensus/misc/eip1559 TestCalcBaseFee: limit 20M, base fee 1 gwei, elasticity 2, denominator 8. */
  @ParameterizedTest(name = "gasUsed {0} -> {1}")
  @CsvSource({"10000000, 1000000000", "9000000, 987500000", "11000000, 1012500000"})
  void ethereumVectors(long gasUsed, long expected) {
    assertEquals(BigInteger.valueOf(expected), BaseFee.next(20_000_000, gasUsed, GWEI, Eip1559Params.ETHEREUM));
  }

  /** OP parameters (7.1): 30M limit, elasticity 6 so the target is 5M; denominators 50 and, from Canyon, 250. */
  @ParameterizedTest(name = "denominator {0}, gasUsed {1} -> {2}")
  @CsvSource({
      "50, 5000000, 1000000000", "50, 4000000, 996000000", "50, 6000000, 1004000000",
      "250, 4000000, 999200000", "250, 6000000, 1000800000", "250, 30000000, 1020000000", "250, 0, 996000000"})
  void opVectors(long denominator, long gasUsed, long expected) {
    assertEquals(BigInteger.valueOf(expected),
        BaseFee.next(30_000_000, gasUsed, GWEI, new Eip1559Params(6, denominator)));
  }

  @Property(tries = 300)
  void targetUsageKeepsTheBaseFee(@ForAll @LongRange(min = 1, max = 1L << 40) long gasLimit,
      @ForAll @LongRange(min = 0, max = 1L << 50) long baseFee, @ForAll @IntRange(min = 1, max = 10) int elasticity,
      @ForAll @IntRange(min = 1, max = 1000) int denominator) {
    Eip1559Params params = new Eip1559Params(elasticity, denominator);
    BigInteger fee = BigInteger.valueOf(baseFee);
    assertEquals(fee, BaseFee.next(gasLimit, gasLimit / elasticity, fee, params));
  }

  @Test
  void aTruncatedTargetLetsAFullBlockRiseMoreThanElasticityMinusOneOverTheDenominator() {
    // jqwik found it: target = 1323 / 10 = 132, so a full block is 1191 / 132 > 9 times the target above it.
    // EIP-1559: 44 + 44 * 1191 / 132 / 1 = 441.
    assertEquals(BigInteger.valueOf(441), BaseFee.next(1323, 1323, BigInteger.valueOf(44), new Eip1559Params(10, 1)));
  }

  @Property(tries = 500)
  void changePerBlockIsBoundedByTheDenominator(@ForAll @LongRange(min = 1000, max = 1L << 40) long gasLimit,
      @ForAll @LongRange(min = 0, max = 1L << 40) long gasUsedRaw, @ForAll @LongRange(min = 0, max = 1L << 50) long baseFee,
      @ForAll @IntRange(min = 1, max = 10) int elasticity, @ForAll @IntRange(min = 1, max = 1000) int denominator) {
    long gasUsed = gasUsedRaw % (gasLimit + 1);
    long target = gasLimit / elasticity;
    BigInteger fee = BigInteger.valueOf(baseFee);
    BigInteger next = BaseFee.next(gasLimit, gasUsed, fee, new Eip1559Params(elasticity, denominator));
    // The largest rise is at a full block: fee * (gasLimit - target) / target / denominator. With a truncated
    // target (gasLimit not a multiple of the elasticity) that exceeds fee * (elasticity - 1) / denominator.
    BigInteger maxStep = fee.multiply(BigInteger.valueOf(gasLimit - target))
        .divide(BigInteger.valueOf(target)).divide(BigInteger.valueOf(denominator)).max(BigInteger.ONE);
    if (gasUsed > target) {
      assertTrue(next.compareTo(fee) > 0, "above target the fee rises (at least 1 wei)");
      assertTrue(next.subtract(fee).compareTo(maxStep) <= 0, "rise at most (gasLimit-target)/target/denominator");
    } else if (gasUsed < target) {
      assertTrue(next.compareTo(fee) <= 0, "below target the fee does not rise");
      assertTrue(fee.subtract(next).compareTo(fee.divide(BigInteger.valueOf(denominator))) <= 0,
          "fall at most 1/denominator");
      assertTrue(next.signum() >= 0);
    } else {
      assertEquals(fee, next);
    }
  }

  /** EIP-4844 fake_exponential, geth consensus/misc/eip4844 TestFakeExponential. */
  @ParameterizedTest(name = "fake_exponential({0}, {1}, {2}) = {3}")
  @CsvSource({"1, 0, 1, 1", "38493, 0, 1000, 38493", "0, 1234, 2345, 0", "1, 2, 1, 6", "1, 4, 2, 6", "1, 3, 1, 16",
      "1, 6, 2, 18", "1, 4, 1, 49", "1, 8, 2, 50", "10, 8, 2, 542", "11, 8, 2, 596", "1, 5, 1, 136", "1, 5, 2, 11",
      "2, 5, 2, 23"})
  void fakeExponential(long factor, long numerator, long denominator, long expected) {
    assertEquals(BigInteger.valueOf(expected), BlobGas.fakeExponential(BigInteger.valueOf(factor),
        BigInteger.valueOf(numerator), BigInteger.valueOf(denominator)));
  }

  /** EIP-4844 calc_excess_blob_gas with the Cancun target of 3 blobs (393216 gas). */
  @ParameterizedTest(name = "excess({0}, {1}) = {2}")
  @CsvSource({"0, 0, 0", "0, 131072, 0", "0, 393216, 0", "0, 524288, 131072", "1, 524288, 131073",
      "1, 655360, 262145", "393216, 0, 0", "393217, 0, 1"})
  void excessBlobGas(long parentExcess, long parentUsed, long expected) {
    assertEquals(expected, BlobGas.excessBlobGas(parentExcess, parentUsed));
  }

  @Test
  void blobBaseFeeStartsAtTheMinimumAndGrows() {
    assertEquals(BigInteger.ONE, BlobGas.blobBaseFee(0));
    // e^1 with excess equal to the update fraction: floor(e) = 2
    assertEquals(BigInteger.TWO, BlobGas.blobBaseFee(3_338_477));
  }

  @Test
  void jovianExtraDataRoundTripsAndRejectsBadInput() throws DecodeException {
    JovianExtraData data = new JovianExtraData(new Eip1559Params(6, 250), 1_000_000L);
    Bytes encoded = data.encode();
    assertEquals(Bytes.fromHexString("0x01000000fa0000000600000000000f4240"), encoded,
        "0x01 ++ denominator ++ elasticity ++ minBaseFee (6.4)");
    assertEquals(data, JovianExtraData.decode(encoded));
    assertThrows(DecodeException.class, () -> JovianExtraData.decode(HoloceneExtraData.encode(data.params())));
    assertThrows(DecodeException.class,
        () -> JovianExtraData.decode(Bytes.fromHexString("0x00000000fa0000000600000000000f4240")));
  }

  @Test
  void holoceneExtraDataRoundTripsAndRejectsBadInput() throws DecodeException {
    Eip1559Params params = new Eip1559Params(6, 250);
    Bytes encoded = HoloceneExtraData.encode(params);
    assertEquals(Bytes.fromHexString("0x00000000fa00000006"), encoded, "0x00 ++ denominator ++ elasticity (6.4)");
    assertEquals(params, HoloceneExtraData.decode(encoded));
    assertThrows(DecodeException.class, () -> HoloceneExtraData.decode(Bytes.EMPTY));
    assertThrows(DecodeException.class, () -> HoloceneExtraData.decode(Bytes.fromHexString("0x01000000fa00000006")));
    assertThrows(DecodeException.class, () -> HoloceneExtraData.decode(Bytes.fromHexString("0x000000000000000006")));
    assertThrows(DecodeException.class, () -> HoloceneExtraData.decode(Bytes.fromHexString("0x00000000fa00000000")));
  }
}
