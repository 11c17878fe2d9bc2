package dev.opsim.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RollupConfigJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static String opMainnetShaped() {
    return TestConfigs.opMainnetShapedJson();
  }

  @Test
  void readsEveryFieldOfAnOpNodeRollupJson() throws Exception {
    RollupConfig c = RollupConfig.fromJson(opMainnetShaped());
    assertEquals(Hash.fromHex("0x438335a20d98863a4c0c97999eb2481921ccd28553eac6f913af7c12aec04108"),
        c.genesis().l1().hash());
    assertEquals(17422590, c.genesis().l1().number());
    assertEquals(Hash.fromHex("0xdbf6a80fef073de06add9b0d14026d6e5a86c85f6d102c36d3d8e9cf89c2afd3"),
        c.genesis().l2().hash());
    assertEquals(105235063, c.genesis().l2().number());
    assertEquals(1686068903, c.genesis().l2Time());
    SystemConfig sys = c.genesis().systemConfig();
    assertEquals(Address.fromHex("0x6887246668a3b87f54deb3b94ba47a6f63f32985"), sys.batcherAddr());
    assertEquals(BigInteger.valueOf(0xbc), sys.overhead().toUnsignedBigInteger());
    assertEquals(BigInteger.valueOf(0xa6fe0), sys.scalar().toUnsignedBigInteger());
    assertEquals(30_000_000, sys.gasLimit());
    assertTrue(sys.eip1559Params().isZero());
    assertTrue(sys.operatorFeeParams().isZero());
    assertEquals(0, sys.minBaseFee());
    assertEquals(0, sys.daFootprintGasScalar());
    assertEquals(2, c.blockTime());
    assertEquals(600, c.maxSequencerDriftBedrock());
    assertEquals(3600, c.seqWindowSize());
    assertEquals(300, c.channelTimeoutBedrock());
    assertEquals(1, c.l1ChainId());
    assertEquals(10, c.l2ChainId());
    assertEquals(OptionalLong.of(0), c.activationTime(Fork.REGOLITH));
    assertEquals(OptionalLong.of(1704992401), c.activationTime(Fork.CANYON));
    assertEquals(OptionalLong.of(1708560000), c.activationTime(Fork.DELTA));
    assertEquals(OptionalLong.of(1710374401), c.activationTime(Fork.ECOTONE));
    assertEquals(OptionalLong.of(1720627201), c.activationTime(Fork.FJORD));
    assertEquals(OptionalLong.of(1726070401), c.activationTime(Fork.GRANITE));
    assertEquals(OptionalLong.of(1736445601), c.activationTime(Fork.HOLOCENE));
    assertEquals(OptionalLong.of(1746806401), c.activationTime(Fork.ISTHMUS));
    assertEquals(OptionalLong.empty(), c.activationTime(Fork.JOVIAN));
    assertEquals(Address.fromHex("0xff00000000000000000000000000000000000010"), c.batchInboxAddress());
    assertEquals(Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed"), c.depositContractAddress());
    assertEquals(Address.fromHex("0x229047fed2591dbec1ef1118d64f7af3db9eb290"), c.l1SystemConfigAddress());
  }

  @Test
  void writesTheSameFieldsItReads() throws Exception {
    String original = opMainnetShaped();
    RollupConfig c = RollupConfig.fromJson(original);
    String written = c.toJson();
    assertEquals(c, RollupConfig.fromJson(written));
    // Same JSON as the input, once the fields we do not model are removed.
    ObjectNode expected = (ObjectNode) JSON.readTree(original);
    expected.remove("protocol_versions_address");
    expected.remove("chain_op_config");
    assertEquals(expected, JSON.readTree(written));
  }

  @Test
  void writesLaterSystemConfigFieldsOnlyWhenSet() throws Exception {
    RollupConfig c = RollupConfig.fromJson(opMainnetShaped());
    JsonNode sysNode = JSON.readTree(c.toJson()).get("genesis").get("system_config");
    assertFalse(sysNode.has("eip1559Params"));
    assertFalse(sysNode.has("operatorFeeParams"));
    assertFalse(sysNode.has("minBaseFee"));
    assertFalse(sysNode.has("daFootprintGasScalar"));

    String withAll = edit(original -> {
      ObjectNode sys = (ObjectNode) original.get("genesis").get("system_config");
      sys.put("eip1559Params", "0x000000fa00000006");
      sys.put("operatorFeeParams", "0x00000000000000000000000000000000000000000000abcd000000000000dcba");
      sys.put("minBaseFee", 1_000_000_000L);
      sys.put("daFootprintGasScalar", 400);
    });
    RollupConfig all = RollupConfig.fromJson(withAll);
    SystemConfig sys = all.genesis().systemConfig();
    assertEquals(250, sys.eip1559Denominator());
    assertEquals(6, sys.eip1559Elasticity());
    assertEquals(0xabcd, sys.operatorFeeScalar());
    assertEquals(0xdcba, sys.operatorFeeConstant());
    assertEquals(1_000_000_000L, sys.minBaseFee());
    assertEquals(400, sys.daFootprintGasScalar());
    assertEquals(all, RollupConfig.fromJson(all.toJson()));
    JsonNode written = JSON.readTree(all.toJson()).get("genesis").get("system_config");
    assertEquals("0x000000fa00000006", written.get("eip1559Params").textValue());
    assertEquals(400, written.get("daFootprintGasScalar").intValue());
  }

  @Test
  void nullForkTimeMeansUnsetAndJovianIsRead() throws Exception {
    RollupConfig c = RollupConfig.fromJson(edit(o -> {
      o.putNull("isthmus_time");
      o.remove("holocene_time");
    }));
    assertEquals(OptionalLong.empty(), c.activationTime(Fork.ISTHMUS));
    assertEquals(OptionalLong.empty(), c.activationTime(Fork.HOLOCENE));
    RollupConfig j = RollupConfig.fromJson(edit(o -> o.put("jovian_time", 1764691201L)));
    assertEquals(OptionalLong.of(1764691201L), j.activationTime(Fork.JOVIAN));
  }

  @Test
  void readsTheFullUint64Range() throws Exception {
    RollupConfig c = RollupConfig.fromJson(edit(o -> o.put("isthmus_time", new BigInteger("18446744073709551615"))));
    assertEquals(-1L, c.activationTime(Fork.ISTHMUS).getAsLong());
    assertFalse(c.isActive(Fork.ISTHMUS, Long.MAX_VALUE));
    assertTrue(c.isActive(Fork.ISTHMUS, -1L));
    assertTrue(c.toJson().contains("18446744073709551615"));
    assertEquals(c, RollupConfig.fromJson(c.toJson()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "genesis", "genesis.l1", "genesis.l1.hash", "genesis.l1.number", "genesis.l2", "genesis.l2.hash",
      "genesis.l2.number", "genesis.l2_time", "genesis.system_config", "genesis.system_config.batcherAddr",
      "genesis.system_config.overhead", "genesis.system_config.scalar", "genesis.system_config.gasLimit",
      "block_time", "seq_window_size", "channel_timeout", "l1_chain_id", "l2_chain_id", "batch_inbox_address",
      "deposit_contract_address", "l1_system_config_address"})
  void aMissingRequiredFieldIsNamed(String path) {
    String json = edit(o -> {
      String[] parts = path.split("\\.");
      JsonNode parent = o;
      for (int i = 0; i < parts.length - 1; i++) {
        parent = parent.get(parts[i]);
      }
      ((ObjectNode) parent).remove(parts[parts.length - 1]);
    });
    DecodeException e = assertThrows(DecodeException.class, () -> RollupConfig.fromJson(json));
    assertTrue(e.getMessage().contains("missing field " + path), e.getMessage());
  }

  @Test
  void maxSequencerDriftMayBeOmittedOnlyWhenFjordIsActiveAtGenesis() throws Exception {
    DecodeException e = assertThrows(DecodeException.class,
        () -> RollupConfig.fromJson(edit(o -> o.remove("max_sequencer_drift"))));
    assertTrue(e.getMessage().contains("max_sequencer_drift"), e.getMessage());
    RollupConfig fjordAtGenesis = RollupConfig.fromJson(edit(o -> {
      o.remove("max_sequencer_drift");
      for (Fork f : Fork.values()) {
        o.put(f.jsonKey(), 0);
      }
    }));
    assertEquals(RollupConfig.FJORD_MAX_SEQUENCER_DRIFT, fjordAtGenesis.maxSequencerDrift(1_700_000_000L));
    assertEquals(fjordAtGenesis, RollupConfig.fromJson(fjordAtGenesis.toJson()));
  }

  @Test
  void badValuesAreReportedWithTheirField() {
    assertBad(o -> ((ObjectNode) o.get("genesis").get("l1")).put("hash", "0x1234"), "genesis.l1.hash");
    assertBad(o -> ((ObjectNode) o.get("genesis").get("l1")).put("hash", 5), "genesis.l1.hash");
    assertBad(o -> o.put("batch_inbox_address", "0xzz00000000000000000000000000000000000010"),
        "batch_inbox_address");
    assertBad(o -> o.put("block_time", -2), "block_time");
    assertBad(o -> o.put("block_time", 2.5), "block_time");
    assertBad(o -> o.put("block_time", "2"), "block_time");
    assertBad(o -> o.put("block_time", 0), "block_time");
    assertBad(o -> o.put("seq_window_size", 1), "seq_window_size");
    assertBad(o -> o.put("channel_timeout", 0), "channel_timeout");
    assertBad(o -> o.put("canyon_time", new BigInteger("18446744073709551616")), "canyon_time");
    assertBad(o -> o.put("l2_chain_id", 0), "l2_chain_id");
    assertBad(o -> o.put("l2_chain_id", 1), "chain ids must differ");
    assertBad(o -> o.put("l1_chain_id", new BigInteger("9223372036854775808")), "l1_chain_id");
    assertBad(o -> ((ObjectNode) o.get("genesis").get("system_config")).put("gasLimit", -1), "gasLimit");
    assertBad(o -> ((ObjectNode) o.get("genesis").get("system_config")).put("daFootprintGasScalar", 65536),
        "daFootprintGasScalar");
    assertBad(o -> ((ObjectNode) o.get("genesis").get("system_config")).put("eip1559Params", "0x00"),
        "eip1559Params");
    assertBad(o -> o.put("genesis", "nope"), "genesis");
    // Fork order: a later fork needs every earlier one, at the same time or before.
    assertBad(o -> o.remove("delta_time"), "ecotone_time is set but the earlier delta_time is not");
    assertBad(o -> o.put("fjord_time", 1710374400L), "fjord_time (1710374400) is before the earlier ecotone_time");
  }

  @Test
  void malformedJsonIsADecodeException() {
    for (String bad : new String[] {"", "   ", "[]", "42", "null", "{", "{\"genesis\": }", opMainnetShaped() + "{}",
        "{\"block_time\": 2, \"block_time\": 3}"}) {
      assertThrows(DecodeException.class, () -> RollupConfig.fromJson(bad), bad);
    }
    assertThrows(DecodeException.class, () -> RollupConfig.fromJson(null));
  }

  @Test
  void duplicateKeysAreRejected() {
    String json = opMainnetShaped().replaceFirst("\"block_time\": 2,", "\"block_time\": 2, \"block_time\": 4,");
    DecodeException e = assertThrows(DecodeException.class, () -> RollupConfig.fromJson(json));
    assertTrue(e.getMessage().contains("block_time"), e.getMessage());
  }

  @Test
  void hexMayBeUpperCase() throws Exception {
    RollupConfig c = RollupConfig.fromJson(
        edit(o -> o.put("batch_inbox_address", "0xFF00000000000000000000000000000000000010")));
    assertEquals(Address.fromHex("0xff00000000000000000000000000000000000010"), c.batchInboxAddress());
  }

  private static void assertBad(Consumer<ObjectNode> change, String expectedInMessage) {
    String json = edit(change);
    DecodeException e = assertThrows(DecodeException.class, () -> RollupConfig.fromJson(json));
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
  }

  static String edit(Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(opMainnetShaped());
      change.accept(root);
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
