package dev.opsim.protocol.l1info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.config.EcotoneScalars;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.config.RollupConfig;
import dev.opsim.protocol.config.SystemConfig;
import dev.opsim.protocol.config.TestConfigs;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.deposit.SourceHash;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class L1InfoDepositTest {
  private static final Hash ORIGIN_HASH = Hash.fromHex("0x" + "44".repeat(32));
  private static final L1Origin ORIGIN =
      new L1Origin(20_000_000, 1_700_000_000, BigInteger.valueOf(7_000_000_000L), ORIGIN_HASH, BigInteger.TEN);

  /** The raw deposits of fixtures/op/deposits/deposit-vectors.json, by name. */
  private static byte[] fixtureDeposit(String name) {
    for (JsonNode v : L1InfoVectorsTest.json("op/deposits/deposit-vectors.json").get("deposit_txs")) {
      if (v.get("name").textValue().equals(name)) {
        return Hex.decode(v.get("raw").textValue());
      }
    }
    throw new AssertionError("no fixture deposit " + name);
  }

  @Test
  void rebuildsTheOpMainnetBlock124665056L1InfoDeposit() throws DecodeException {
    // OP Mainnet L2 block 124665056 (Ecotone era). Origin values and scalars as the deposit states them; the
    // L2 timestamp follows from the OP-Mainnet-shaped test config.
    RollupConfig config = TestConfigs.opMainnetShaped();
    long l2Time = config.timestampForBlock(124665056);
    SystemConfig sys = new SystemConfig(Address.fromHex("0x6887246668a3b87f54deb3b94ba47a6f63f32985"),
        Bytes32.ZERO, new EcotoneScalars(5227, 1014213).encode(), 30_000_000);
    L1Origin origin = new L1Origin(20633763, 1724928743, BigInteger.valueOf(1055991687),
        Hash.fromHex("0x2fdf87b89884a61e74b322bbcf60386f543bfae7827725efaaf0ab1de2294a59"), BigInteger.ONE);
    DepositTx tx = L1InfoDeposit.build(config, sys, origin, 4, l2Time);
    assertArrayEquals(fixtureDeposit("op-mainnet-124665056-tx0-l1info-ecotone"), tx.encode());
    assertEquals(Hash.fromHex("0x312e290cf36df704a2217b015d6455396830b0ce678b860ebfcc30f41403d7b1"), tx.hash());
  }

  @Test
  void rebuildsThePreRegolithBedrockDeposit() throws DecodeException {
    // op-alloy's Bedrock L1 info deposit: gas 150,000,000 and isSystemTx before Regolith.
    RollupConfig bedrockOnly = TestConfigs.config(1_675_000_000L, 2, Map.of());
    SystemConfig sys = new SystemConfig(Address.fromHex("0x2d679b567db6187c0c8323fa982cfb88b74dbcc7"),
        Bytes32.fromHexStringLenient("0x834"), Bytes32.fromHexStringLenient("0xf4240"), 25_000_000);
    L1Origin origin = new L1Origin(8410981, 1675193616, BigInteger.valueOf(652114),
        Hash.fromHex("0x73d89754a1e0387b89520d989d3be9c37c1f32495a88faf1ea05c61121ab0d19"), BigInteger.ONE);
    DepositTx tx = L1InfoDeposit.build(bedrockOnly, sys, origin, 1, 1_675_193_700L);
    assertArrayEquals(fixtureDeposit("op-alloy-rlp-roundtrip-bedrock-l1info"), tx.encode());
  }

  @Test
  void rebuildsTheOpAlloyEcotoneDeposit() throws DecodeException {
    RollupConfig ecotone = TestConfigs.config(1_700_000_000L, 2, TestConfigs.allUpTo(Fork.HOLOCENE, 0));
    SystemConfig sys = new SystemConfig(Address.fromHex("0x5050f69a9786f081509234f1a7f4684b5e5b76c9"),
        Bytes32.ZERO, new EcotoneScalars(0x8dd, 0x101c12).encode(), 30_000_000);
    L1Origin origin = new L1Origin(22438497, 1746703391, BigInteger.valueOf(1600297986),
        Hash.fromHex("0x937badfbcce566e0ba932a3f7659644aa0c6ef019541d3134a1d8cb9f84d45c7"), BigInteger.ONE);
    DepositTx tx = L1InfoDeposit.build(ecotone, sys, origin, 4, 1_746_703_400L);
    assertArrayEquals(fixtureDeposit("op-alloy-roundtrip-ecotone-l1info"), tx.encode());
  }

  @Test
  void fixedFieldsFollowSection41() throws DecodeException {
    RollupConfig preRegolith = TestConfigs.config(1000, 2, Map.of(Fork.REGOLITH, 2000L));
    DepositTx before = L1InfoDeposit.build(preRegolith, TestConfigs.systemConfig(), ORIGIN, 3, 1998);
    DepositTx after = L1InfoDeposit.build(preRegolith, TestConfigs.systemConfig(), ORIGIN, 3, 2000);
    for (DepositTx tx : new DepositTx[] {before, after}) {
      assertEquals(SourceHash.l1Info(ORIGIN_HASH, 3), tx.sourceHash());
      assertEquals(Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001"), tx.from());
      assertEquals(Optional.of(Address.fromHex("0x4200000000000000000000000000000000000015")), tx.to());
      assertEquals(BigInteger.ZERO, tx.mint());
      assertEquals(BigInteger.ZERO, tx.value());
    }
    assertEquals(150_000_000, before.gas());
    assertTrue(before.isSystemTx());
    assertEquals(1_000_000, after.gas());
    assertFalse(after.isSystemTx());
  }

  @Test
  void eachLayoutCarriesTheSystemConfigValues() throws DecodeException {
    Map<Fork, Long> forks = TestConfigs.allUpTo(Fork.HOLOCENE, 0);
    forks.put(Fork.ISTHMUS, 1100L);
    forks.put(Fork.JOVIAN, 1200L);
    RollupConfig c = TestConfigs.config(1000, 2, forks);
    SystemConfig sys = new SystemConfig(TestConfigs.BATCHER, Bytes32.fromHexStringLenient("0xbc"),
        new EcotoneScalars(1368, 810949).encode(), 30_000_000, Bytes.wrap(new byte[8]),
        SystemConfig.operatorFeeParams(0xabcd, 0xdcba), 0, 0);

    EcotoneL1BlockInfo e = assertInstanceOf(EcotoneL1BlockInfo.class,
        L1InfoDeposit.blockInfo(c, sys, ORIGIN, 2, 1100));
    assertEquals(new EcotoneL1BlockInfo(1368, 810949, 2, ORIGIN.timestamp(), ORIGIN.number(), ORIGIN.baseFee(),
        BigInteger.TEN, ORIGIN_HASH, sys.batcherHash()), e);

    IsthmusL1BlockInfo i = assertInstanceOf(IsthmusL1BlockInfo.class,
        L1InfoDeposit.blockInfo(c, sys, ORIGIN, 2, 1102));
    assertEquals(0xabcd, i.operatorFeeScalar());
    assertEquals(0xdcba, i.operatorFeeConstant());

    JovianL1BlockInfo j = assertInstanceOf(JovianL1BlockInfo.class,
        L1InfoDeposit.blockInfo(c, sys, ORIGIN, 2, 1202));
    assertEquals(400, j.daFootprintGasScalar(), "0 in SystemConfig means the default 400");
    SystemConfig withScalar = new SystemConfig(sys.batcherAddr(), sys.overhead(), sys.scalar(), sys.gasLimit(),
        sys.eip1559Params(), sys.operatorFeeParams(), 0, 123);
    assertEquals(123, ((JovianL1BlockInfo) L1InfoDeposit.blockInfo(c, withScalar, ORIGIN, 2, 1202))
        .daFootprintGasScalar());

    // the deposit's calldata decodes back to the same value
    DepositTx tx = L1InfoDeposit.build(c, sys, ORIGIN, 2, 1202);
    assertEquals(j, L1BlockInfo.decode(tx.data().toArray()));
  }

  @Test
  void bedrockLayoutCarriesOverheadAndScalarVerbatim() throws DecodeException {
    RollupConfig c = TestConfigs.config(1000, 2, TestConfigs.allUpTo(Fork.ECOTONE, 1100L));
    SystemConfig sys = new SystemConfig(TestConfigs.BATCHER, Bytes32.fromHexStringLenient("0xbc"),
        Bytes32.fromHexStringLenient("0x0100000000"), 30_000_000);
    BedrockL1BlockInfo b = assertInstanceOf(BedrockL1BlockInfo.class,
        L1InfoDeposit.blockInfo(c, sys, ORIGIN, 0, 1100));
    assertEquals(sys.overhead(), b.l1FeeOverhead());
    assertEquals(sys.scalar(), b.l1FeeScalar());
    // After the activation block the same oversized version-0 scalar saturates (protocol-reference 12.2).
    EcotoneL1BlockInfo e = assertInstanceOf(EcotoneL1BlockInfo.class,
        L1InfoDeposit.blockInfo(c, sys, ORIGIN, 1, 1102));
    assertEquals(0xFFFFFFFFL, e.baseFeeScalar());
    assertEquals(0, e.blobBaseFeeScalar());
  }

  @Test
  void anInvalidScalarCannotBuildAnEcotoneDeposit() {
    RollupConfig c = TestConfigs.config(1000, 2, TestConfigs.allUpTo(Fork.ECOTONE, 0));
    SystemConfig sys = new SystemConfig(TestConfigs.BATCHER, Bytes32.ZERO,
        Bytes32.fromHexString("0x0200000000000000000000000000000000000000000000000000000000000001"), 30_000_000);
    assertThrows(DecodeException.class, () -> L1InfoDeposit.build(c, sys, ORIGIN, 0, 1002));
  }
}
