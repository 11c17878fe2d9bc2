package dev.opsim.evm.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.fee.L1Cost;
import dev.opsim.protocol.fee.L1FeeFormula;
import dev.opsim.protocol.fee.L1FeeParams;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * L1Block storage read back after running the real Ecotone L1Block contract (deployed from the Ecotone upgrade
 * deposit) on real L1-info calldata, and L1 costs over slots written directly with op-geth's test parameters.
 */
class L1BlockStorageTest {
  static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  static JsonNode fees;
  static JsonNode l1Info;
  static JsonNode deposits;
  static Bytes l1BlockCode;

  @BeforeAll
  static void load() throws IOException, DecodeException {
    ObjectMapper m = new ObjectMapper();
    fees = m.readTree(Fixtures.text("op/fees/fee-vectors.json"));
    l1Info = m.readTree(Fixtures.text("op/l1-info/l1-info-vectors.json"));
    deposits = m.readTree(Fixtures.text("op/deposits/deposit-vectors.json"));
    DepositTx deploy = DepositTx.decode(Hex.decode(Fixtures.text("op/deposits/upgrade-txs/ecotone_tx_0.hex")));
    JournaledState s = new JournaledState(new InMemoryBaseState());
    DepositResult r = DepositProcessorTest.processor().process(s, deploy, DepositProcessorTest.block(), true);
    assertTrue(r.success());
    l1BlockCode = s.code(r.contractAddress());
  }

  /** A state with the Ecotone L1Block implementation placed directly at the predeploy address (no proxy). */
  static InMemoryBaseState withL1Block() {
    InMemoryBaseState base = new InMemoryBaseState();
    base.put(L1BlockStorage.L1_BLOCK, 1, BigInteger.ZERO, l1BlockCode, Map.of());
    return base;
  }

  static JournaledState runL1Info(Bytes calldata) {
    JournaledState s = new JournaledState(withL1Block());
    DepositTx d = new DepositTx(Hash.ZERO, DEPOSITOR, Optional.of(L1BlockStorage.L1_BLOCK), BigInteger.ZERO,
        BigInteger.ZERO, 1_000_000, false, calldata);
    DepositResult r = DepositProcessorTest.processor().process(s, d, DepositProcessorTest.block(), true);
    assertTrue(r.success(), "L1-info deposit failed with status " + r.status());
    return s;
  }

  static JsonNode calldataVector(String name) {
    for (JsonNode v : l1Info.get("calldata")) {
      if (v.get("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no vector " + name);
  }

  @Test
  void realMainnetL1InfoDepositThenFjordFeeOfTheNextTransaction() throws DecodeException {
    JsonNode dep = deposits.get("deposit_txs").get(0);
    assertEquals("op-mainnet-124665056-tx0-l1info-ecotone", dep.get("name").asText());
    DepositTx d = DepositTx.decode(Hex.decode(dep.get("raw").asText()));
    JournaledState s = new JournaledState(withL1Block());
    DepositResult r = DepositProcessorTest.processor().process(s, d, DepositProcessorTest.block(), true);
    assertTrue(r.success());

    JsonNode v = fees.get("mainnet_fjord");
    JsonNode info = v.get("l1_block_info");
    L1FeeParams p = L1BlockStorage.read(s);
    assertEquals(BigInteger.valueOf(info.get("l1BaseFee").asLong()), p.l1BaseFee());
    assertEquals(info.get("l1BaseFeeScalar").asLong(), p.baseFeeScalar());
    assertEquals(BigInteger.valueOf(info.get("l1BlobBaseFee").asLong()), p.blobBaseFee());
    assertEquals(info.get("l1BlobBaseFeeScalar").asLong(), p.blobBaseFeeScalar());

    L1Cost cost = L1BlockStorage.l1Cost(L1FeeFormula.FJORD, p, Hex.decode(v.get("tx").asText()));
    // stated by revm / reth for OP Mainnet block 124665056 tx 1
    assertEquals(BigInteger.valueOf(24_681_034_813L), cost.fee());
    assertEquals(BigInteger.valueOf(4471), cost.l1GasUsed());
  }

  @Test
  void ecotoneCalldataThroughTheContract() {
    JsonNode v = calldataVector("ecotone-op-mainnet-l1-19655712");
    JournaledState s = runL1Info(Bytes.fromHexString(v.get("calldata").asText()));
    JsonNode e = v.get("expected");
    L1FeeParams p = L1BlockStorage.read(s);
    assertEquals(BigInteger.valueOf(e.get("basefee").asLong()), p.l1BaseFee());
    assertEquals(BigInteger.valueOf(e.get("blobBaseFee").asLong()), p.blobBaseFee());
    assertEquals(e.get("baseFeeScalar").asLong(), p.baseFeeScalar());
    assertEquals(e.get("blobBaseFeeScalar").asLong(), p.blobBaseFeeScalar());
  }

  @Test
  void bedrockCalldataThroughTheLegacySetter() {
    JsonNode v = calldataVector("bedrock-op-mainnet-l1-18334955");
    JournaledState s = runL1Info(Bytes.fromHexString(v.get("calldata").asText()));
    JsonNode e = v.get("expected");
    L1FeeParams p = L1BlockStorage.readBedrock(key -> s.storage(L1BlockStorage.L1_BLOCK, key));
    assertEquals(BigInteger.valueOf(e.get("basefee").asLong()), p.l1BaseFee());
    assertEquals(BigInteger.valueOf(e.get("l1FeeOverhead").asLong()), p.overhead());
    assertEquals(BigInteger.valueOf(e.get("l1FeeScalar").asLong()), p.scalar());
    assertEquals(0, p.baseFeeScalar());
  }

  /** Slot 3 as the Ecotone setter writes it: calldata bytes 4..19 right-aligned (L1Block.sol). */
  static UInt256 packedScalars(long baseFeeScalar, long blobBaseFeeScalar, long sequenceNumber) {
    Bytes word = Bytes.concatenate(Bytes.wrap(new byte[16]), Bytes.ofUnsignedInt(baseFeeScalar),
        Bytes.ofUnsignedInt(blobBaseFeeScalar), Bytes.ofUnsignedLong(sequenceNumber));
    return UInt256.fromBytes(Bytes32.wrap(word));
  }

  @Test
  void opGethEmptyTxVectorsOverDirectlyWrittenSlots() {
    JsonNode v = fees.get("op_geth_empty_tx");
    JsonNode p = v.get("params");
    Map<UInt256, UInt256> slots = new HashMap<>();
    slots.put(UInt256.valueOf(1), UInt256.valueOf(p.get("l1BaseFee").asLong()));
    slots.put(UInt256.valueOf(3), packedScalars(p.get("baseFeeScalar").asLong(), p.get("blobBaseFeeScalar").asLong(),
        3));
    slots.put(UInt256.valueOf(5), UInt256.valueOf(p.get("overhead").asLong()));
    slots.put(UInt256.valueOf(6), UInt256.valueOf(p.get("scalar").asLong()));
    slots.put(UInt256.valueOf(7), UInt256.valueOf(p.get("blobBaseFee").asLong()));
    InMemoryBaseState base = new InMemoryBaseState();
    base.put(L1BlockStorage.L1_BLOCK, 1, BigInteger.ZERO, Bytes.of(0), slots);
    L1FeeParams params = L1BlockStorage.read(base);
    byte[] emptyTx = Hex.decode(v.get("emptyTx_rlp_by_collector").asText());
    JsonNode expected = v.get("expected");
    for (L1FeeFormula f : L1FeeFormula.values()) {
      JsonNode e = expected.get(f.name().toLowerCase());
      L1Cost c = L1BlockStorage.l1Cost(f, params, emptyTx);
      assertEquals(BigInteger.valueOf(e.get("fee").asLong()), c.fee(), f.name());
      assertEquals(BigInteger.valueOf(e.get("gasUsed").asLong()), c.l1GasUsed(), f.name());
    }
    // the same through costFunction over a slot function
    assertEquals(BigInteger.valueOf(expected.get("ecotone").get("fee").asLong()),
        L1BlockStorage.costFunction(L1FeeFormula.ECOTONE, key -> slots.getOrDefault(key, UInt256.ZERO))
            .cost(emptyTx).fee());
  }

  @Test
  void emptyEcotoneSlotsFallBackToOverheadAndScalar() {
    Map<UInt256, UInt256> slots = Map.of(UInt256.valueOf(1), UInt256.valueOf(1_000_000_000L),
        UInt256.valueOf(5), UInt256.valueOf(50), UInt256.valueOf(6), UInt256.valueOf(7_000_000));
    L1FeeParams p = L1BlockStorage.read(key -> slots.getOrDefault(key, UInt256.ZERO));
    byte[] emptyTx = Hex.decode(fees.get("op_geth_empty_tx").get("emptyTx_rlp_by_collector").asText());
    // op-geth TestNewL1CostFunc: Ecotone with empty scalars charges the Regolith fee
    long regolith = fees.get("op_geth_empty_tx").get("expected").get("regolith").get("fee").asLong();
    assertEquals(BigInteger.valueOf(regolith), L1BlockStorage.l1Cost(L1FeeFormula.ECOTONE, p, emptyTx).fee());
  }

  @Property(tries = 200)
  void packedScalarsReadBack(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long baseFeeScalar,
      @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long blobBaseFeeScalar, @ForAll long sequenceNumber) {
    UInt256 packed = packedScalars(baseFeeScalar, blobBaseFeeScalar, sequenceNumber);
    L1FeeParams p = L1BlockStorage.read(key -> key.equals(UInt256.valueOf(3)) ? packed : UInt256.ZERO);
    assertEquals(baseFeeScalar, p.baseFeeScalar());
    assertEquals(blobBaseFeeScalar, p.blobBaseFeeScalar());
  }
}
