package dev.opsim.engine.contracts.l2core;

import static dev.opsim.engine.contracts.l2core.L2Sandbox.DEPOSITOR;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.GAS_PRICE_ORACLE;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.encode;
import static dev.opsim.engine.contracts.l2core.OracleFixture.READER;
import static dev.opsim.engine.contracts.l2core.OracleFixture.withSignaturePadding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.fee.FastLz;
import dev.opsim.protocol.fee.FjordCost;
import dev.opsim.protocol.fee.L1CostFunction;
import dev.opsim.protocol.fee.L1FeeFormula;
import dev.opsim.protocol.fee.L1FeeParams;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.DynamicBytes;

/**
 * GasPriceOracle (protocol-reference 7.5): fork flags and who may set them, the getters over L1Block, and the
 * Bedrock, Ecotone and Fjord fee formulas against the protocol module's {@link L1CostFunction} / {@link FjordCost}
 * applied to the L1Block values the engine reads ({@code L1BlockStorage}).
 */
class GasPriceOracleTest {
  private static final byte[] SAMPLE = Bytes.fromHexString(
      "0x02f86b0a0784773594008477359400830186a0941111111111111111111111111111111111111111872386f26fc10000"
          + "b844a9059cbb000000000000000000000000abababababababababababababababababababab"
          + "0000000000000000000000000000000000000000000000000de0b6b3a7640000c0").toArrayUnsafe();

  @Test
  void storageLayoutPacksTheFlagsInSlotZero() {
    JsonNode storage = L2Sandbox.artifact("GasPriceOracle").get("storageLayout").get("storage");
    List<String> actual = new ArrayList<>();
    storage.forEach(e -> actual.add(e.get("label").asText() + "@" + e.get("slot").asText() + "+"
        + e.get("offset").asInt()));
    assertEquals(List.of("isEcotone@0+0", "isFjord@0+1"), actual);
    OracleFixture oracle = new OracleFixture().ecotone().fjord();
    assertEquals(UInt256.valueOf(0x0101), oracle.chain.storage(GAS_PRICE_ORACLE, UInt256.ZERO));
  }

  @Test
  void forkFlagsOnlyFromTheDepositorOnceEachInOrder() {
    OracleFixture oracle = new OracleFixture();
    L2Sandbox chain = oracle.chain;
    assertEquals(BigInteger.ZERO, oracle.get("isEcotone"));
    assertEquals(BigInteger.ZERO, oracle.get("isFjord"));
    chain.assertRevertsWith(READER, GAS_PRICE_ORACLE, encode("setEcotone"),
        "GasPriceOracle: only the depositor account can set isEcotone flag");
    chain.assertRevertsWith(READER, GAS_PRICE_ORACLE, encode("setFjord"),
        "GasPriceOracle: only the depositor account can set isFjord flag");
    chain.assertRevertsWith(DEPOSITOR, GAS_PRICE_ORACLE, encode("setFjord"),
        "GasPriceOracle: Fjord can only be activated after Ecotone");
    assertEquals(BigInteger.ZERO, oracle.get("isFjord"));

    oracle.ecotone();
    assertEquals(BigInteger.ONE, oracle.get("isEcotone"));
    assertEquals(BigInteger.ZERO, oracle.get("isFjord"));
    chain.assertRevertsWith(DEPOSITOR, GAS_PRICE_ORACLE, encode("setEcotone"),
        "GasPriceOracle: Ecotone already active");
    oracle.fjord();
    assertEquals(BigInteger.ONE, oracle.get("isFjord"));
    chain.assertRevertsWith(DEPOSITOR, GAS_PRICE_ORACLE, encode("setFjord"), "GasPriceOracle: Fjord already active");
    // The upgrade deposits come from the depositor; the proxy admin reaches only the proxy's own functions.
    assertFalse(chain.send(L2Sandbox.PROXY_ADMIN, GAS_PRICE_ORACLE, encode("setEcotone")).success());
  }

  @Test
  void viewsReadL1BlockAndTheBlock() {
    OracleFixture oracle = new OracleFixture();
    oracle.setBedrockValues(BigInteger.valueOf(25_000_000_000L), 188, 684_000);
    assertEquals(BigInteger.valueOf(6), oracle.get("decimals"));
    assertEquals(BigInteger.valueOf(6), oracle.get("DECIMALS"));
    assertEquals(L2Sandbox.BASE_FEE, oracle.get("gasPrice"));
    assertEquals(L2Sandbox.BASE_FEE, oracle.get("baseFee"));
    assertEquals(BigInteger.valueOf(188), oracle.get("overhead"));
    assertEquals(BigInteger.valueOf(684_000), oracle.get("scalar"));
    assertEquals(BigInteger.valueOf(25_000_000_000L), oracle.get("l1BaseFee"));

    oracle.ecotone();
    oracle.setEcotoneValues(BigInteger.valueOf(30_000_000_000L), BigInteger.valueOf(12_345), 1368, 810_949);
    assertEquals(BigInteger.valueOf(30_000_000_000L), oracle.get("l1BaseFee"));
    assertEquals(BigInteger.valueOf(12_345), oracle.get("blobBaseFee"));
    assertEquals(BigInteger.valueOf(1368), oracle.get("baseFeeScalar"));
    assertEquals(BigInteger.valueOf(810_949), oracle.get("blobBaseFeeScalar"));
    oracle.chain.assertRevertsWith(READER, GAS_PRICE_ORACLE, encode("overhead"),
        "GasPriceOracle: overhead() is deprecated");
    oracle.chain.assertRevertsWith(READER, GAS_PRICE_ORACLE, encode("scalar"), "GasPriceOracle: scalar() is deprecated");
  }

  @Test
  void bedrockFeeIsTheBedrockFormulaOfTheUnsignedTx() {
    OracleFixture oracle = new OracleFixture();
    L1FeeParams params = oracle.setBedrockValues(BigInteger.valueOf(25_000_000_000L), 188, 684_000);
    // Bedrock's own formula already adds 68 non-zero bytes (protocol-reference 7.2).
    L1CostFunction bedrock = new L1CostFunction(L1FeeFormula.BEDROCK, params);
    assertEquals(bedrock.cost(SAMPLE).fee(), oracle.l1Fee(SAMPLE));
    assertEquals(bedrock.cost(SAMPLE).l1GasUsed(), oracle.l1GasUsed(SAMPLE));
    // An empty input still pays for the padding and the overhead.
    assertEquals(BigInteger.valueOf(68 * 16 + 188).multiply(BigInteger.valueOf(25_000_000_000L))
        .multiply(BigInteger.valueOf(684_000)).divide(BigInteger.valueOf(1_000_000)), oracle.l1Fee(new byte[0]));
    oracle.chain.assertRevertsWith(READER, GAS_PRICE_ORACLE, encode("getL1FeeUpperBound",
        new org.web3j.abi.datatypes.generated.Uint256(200)), "GasPriceOracle: getL1FeeUpperBound only supports Fjord");
  }

  @Test
  void ecotoneFeeIsTheEngineFormulaOfTheTxPaddedBy68NonZeroBytes() {
    OracleFixture oracle = new OracleFixture().ecotone();
    L1FeeParams params = oracle.setEcotoneValues(BigInteger.valueOf(30_000_000_000L), BigInteger.valueOf(1_000_000),
        1368, 810_949);
    L1CostFunction ecotone = new L1CostFunction(L1FeeFormula.ECOTONE, params);
    assertEquals(ecotone.cost(withSignaturePadding(SAMPLE)).fee(), oracle.l1Fee(SAMPLE));
    assertEquals(ecotone.cost(withSignaturePadding(SAMPLE)).l1GasUsed(), oracle.l1GasUsed(SAMPLE));
    // The same check contracts.mjs makes: (calldata gas + 68*16) * feeScaled / 16e6.
    long gas = 68 * 16;
    for (byte b : SAMPLE) {
      gas += b == 0 ? 4 : 16;
    }
    BigInteger feeScaled = BigInteger.valueOf(16L * 1368).multiply(BigInteger.valueOf(30_000_000_000L))
        .add(BigInteger.valueOf(810_949L * 1_000_000L));
    assertEquals(BigInteger.valueOf(gas).multiply(feeScaled).divide(BigInteger.valueOf(16_000_000)),
        oracle.l1Fee(SAMPLE));
  }

  @Test
  void fjordFeeUsesTheFastLzLengthPlus68() throws IOException {
    OracleFixture oracle = new OracleFixture().ecotone().fjord();
    L1FeeParams params = oracle.setEcotoneValues(BigInteger.valueOf(30_000_000_000L), BigInteger.valueOf(1_000_000),
        1368, 810_949);
    long flz = FastLz.compressedLength(SAMPLE);
    assertEquals(FjordCost.cost(params, flz + 68).fee(), oracle.l1Fee(SAMPLE));
    assertEquals(FjordCost.cost(params, flz + 68).l1GasUsed(), oracle.l1GasUsed(SAMPLE));
    for (long n : new long[] {0, 1, 200, 1_000, 120_000}) {
      assertEquals(FjordCost.l1FeeUpperBound(params, n), oracle.upperBound(n), "getL1FeeUpperBound(" + n + ")");
    }
    // Tiny inputs hit the 100e6 floor of the size estimate.
    assertEquals(FjordCost.cost(params, 0).fee(), oracle.l1Fee(new byte[0]));
  }

  @Test
  void fjordFastLzLengthMatchesTheFixtureTransaction() throws IOException {
    // fee-vectors.json flz_compress_len: a mainnet tx whose FastLZ length is 202 (op-geth rollup_cost_test.go).
    JsonNode cases = new ObjectMapper().readTree(Path.of("").toAbsolutePath().getParent()
        .resolve("../shared/fixtures/op/fees/fee-vectors.json").normalize().toFile()).path("flz_compress_len")
        .path("cases");
    byte[] tx = null;
    long expected = -1;
    for (JsonNode c : cases) {
      if (c.path("input").asText().startsWith("0x")) {
        tx = Bytes.fromHexString(c.path("input").asText()).toArrayUnsafe();
        expected = c.path("expected").asLong();
      }
    }
    assertEquals(202, expected);
    // With 16 * baseFeeScalar * l1BaseFee = 1e12 the Fjord fee is the size estimate itself, which above the
    // floor gives back the FastLZ length the contract computed.
    OracleFixture oracle = new OracleFixture().ecotone().fjord();
    oracle.setEcotoneValues(BigInteger.valueOf(62_500_000_000L), BigInteger.ZERO, 1, 0);
    BigInteger estimate = oracle.l1Fee(tx);
    BigInteger[] lengthAndRest = estimate.add(BigInteger.valueOf(42_585_600)).divideAndRemainder(
        BigInteger.valueOf(836_500));
    assertEquals(BigInteger.ZERO, lengthAndRest[1]);
    assertEquals(BigInteger.valueOf(expected + 68), lengthAndRest[0]);
  }

  @Test
  void baseFeeScalarOverflowingUint32RevertsAsInOp() {
    // OP computes baseFeeScalar() * 16 in uint32 (protocol FjordCost's note): 2^28 overflows, Panic(0x11).
    OracleFixture oracle = new OracleFixture().ecotone();
    oracle.setEcotoneValues(BigInteger.ONE, BigInteger.ONE, 1L << 28, 1);
    TxResult.Executed r = oracle.chain.send(READER, GAS_PRICE_ORACLE, encode("getL1Fee", new DynamicBytes(SAMPLE)));
    assertFalse(r.success());
    assertEquals(Bytes.fromHexString("0x4e487b71" + "00".repeat(31) + "11"), r.output());
    oracle.setEcotoneValues(BigInteger.ONE, BigInteger.ONE, (1L << 28) - 1, 1);
    assertEquals(new L1CostFunction(L1FeeFormula.ECOTONE, L1FeeParams.ecotone(BigInteger.ONE, BigInteger.ONE,
        (1L << 28) - 1, 1)).cost(withSignaturePadding(SAMPLE)).fee(), oracle.l1Fee(SAMPLE));
  }
}
