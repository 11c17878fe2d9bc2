package dev.opsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.tx.IntrinsicGas;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class StructLoggerTest {
  static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
  static final Address B = Address.fromHex("0x00000000000000000000000000000000000000bb");
  /** Error("boom") as Solidity encodes it. */
  static final String BOOM = "08c379a0"
      + "0000000000000000000000000000000000000000000000000000000000000020"
      + "0000000000000000000000000000000000000000000000000000000000000004"
      + "626f6f6d00000000000000000000000000000000000000000000000000000000";
  /** CODECOPY the 100-byte payload after the 12-byte prefix, REVERT with it. */
  static final String REVERTER = "6064600c600039" + "60646000fd" + BOOM;
  /**
   * SSTORE(0, 0x2a); SLOAD(0); LOG3(0, 0, 1, 2, 3); CALL B (gas 0xffff, out 0..32); STATICCALL identity (gas 0xffff,
   * in/out 32..64); MSTORE(0, init code 60016000f3); CREATE(0, 27, 5); RETURN(0, 32).
   */
  static final String MAIN = "602a600055" + "60005450" + "60036002600160006000a3"
      + "60206000600060006000" + "73" + B.bytes().toUnprefixedHexString() + "61ffff" + "f150"
      + "6020602060206020600461ffff" + "fa50"
      + "6460016000f3600052" + "6005601b6000f050" + "60206000f3";

  static final ObjectMapper MAPPER = new ObjectMapper();

  final TraceWorld world = new TraceWorld().contract(A, MAIN, BigInteger.ZERO).contract(B, REVERTER, BigInteger.ZERO);

  static List<JsonNode> logs(JsonNode trace) {
    List<JsonNode> out = new ArrayList<>();
    trace.get("structLogs").forEach(out::add);
    return out;
  }

  static JsonNode first(List<JsonNode> logs, String op) {
    return logs.stream().filter(l -> l.get("op").asText().equals(op)).findFirst().orElseThrow();
  }

  @Test
  void topLevelShapeAndGasEqualReceipt() {
    Transaction tx = TraceWorld.call(A, Bytes.EMPTY);
    TraceWorld.Traced t = world.run(tx, TraceOptions.DEFAULT);
    JsonNode j = t.json();
    assertEquals(List.of("gas", "failed", "returnValue", "structLogs"), fieldNames(j));
    assertTrue(t.result().success());
    assertEquals(t.result().gasUsed(), j.get("gas").asLong());
    assertTrue(j.get("gas").isIntegralNumber());
    assertFalse(j.get("failed").asBoolean());
    assertEquals("0x" + "00".repeat(27) + "60016000f3", j.get("returnValue").asText());
    List<JsonNode> logs = logs(j);
    JsonNode firstLog = logs.get(0);
    assertEquals(0, firstLog.get("pc").asInt());
    assertEquals(1, firstLog.get("depth").asInt());
    assertEquals("PUSH1", firstLog.get("op").asText());
    assertEquals(tx.gasLimit() - IntrinsicGas.of(tx), firstLog.get("gas").asLong());
    assertEquals(3, firstLog.get("gasCost").asLong());
    assertEquals(List.of("pc", "op", "gas", "gasCost", "depth", "stack"), fieldNames(firstLog));
    assertEquals(0, firstLog.get("stack").size());
    JsonNode last = logs.get(logs.size() - 1);
    assertEquals("RETURN", last.get("op").asText());
    assertEquals(1, last.get("depth").asInt());
    // the tracer observes; it changes nothing
    assertEquals(world.runUntraced(tx).gasUsed(), t.result().gasUsed());
  }

  @Test
  void gasCostsFollowTheGasScheduleAndGethConventions() {
    List<JsonNode> logs = logs(world.run(TraceWorld.call(A, Bytes.EMPTY), TraceOptions.DEFAULT).json());
    assertEquals(22_100, first(logs, "SSTORE").get("gasCost").asLong()); // cold slot, zero to non-zero
    assertEquals(100, first(logs, "SLOAD").get("gasCost").asLong()); // warm after the SSTORE
    assertEquals(375 + 3 * 375, first(logs, "LOG3").get("gasCost").asLong());
    // CALL: cold account 2600 + one memory word 3 + the 0xffff handed over (geth counts it)
    assertEquals(2600 + 3 + 0xffff, first(logs, "CALL").get("gasCost").asLong());
    // STATICCALL to a precompile (warm) + a second memory word + the gas handed over
    assertEquals(100 + 3 + 0xffff, first(logs, "STATICCALL").get("gasCost").asLong());
    // CREATE: 32000 + one init-code word; geth leaves the gas handed to the child out
    assertEquals(32_000 + 2, first(logs, "CREATE").get("gasCost").asLong());
  }

  @Test
  void consecutiveStepsAgreeWithTheCostsAndTheChildrenGasReturns() {
    List<JsonNode> logs = logs(world.run(TraceWorld.call(A, Bytes.EMPTY), TraceOptions.DEFAULT).json());
    for (int i = 0; i + 1 < logs.size(); i++) {
      JsonNode e = logs.get(i);
      JsonNode next = logs.get(i + 1);
      String op = e.get("op").asText();
      if (next.get("depth").asInt() == e.get("depth").asInt() && !op.equals("STATICCALL")) {
        assertEquals(e.get("gas").asLong() - e.get("gasCost").asLong(), next.get("gas").asLong(), "after " + e);
      }
    }
    JsonNode call = first(logs, "CALL");
    int callAt = logs.indexOf(call);
    JsonNode childFirst = logs.get(callAt + 1);
    assertEquals(2, childFirst.get("depth").asInt());
    assertEquals(0, childFirst.get("pc").asInt());
    assertEquals(0xffff, childFirst.get("gas").asLong());
    // B uses 42 gas (3 PUSH1, CODECOPY of 4 words with 4 words of memory, 2 PUSH1, REVERT) and gives the rest back
    JsonNode afterCall = logs.stream().skip(callAt + 1).filter(l -> l.get("depth").asInt() == 1).findFirst()
        .orElseThrow();
    assertEquals(call.get("gas").asLong() - call.get("gasCost").asLong() + 0xffff - 42, afterCall.get("gas").asLong());
    // identity precompile: 15 + 3 per word, no steps of its own
    JsonNode staticCall = first(logs, "STATICCALL");
    JsonNode afterStatic = logs.get(logs.indexOf(staticCall) + 1);
    assertEquals(1, afterStatic.get("depth").asInt());
    assertEquals(staticCall.get("gas").asLong() - staticCall.get("gasCost").asLong() + 0xffff - 18,
        afterStatic.get("gas").asLong());
    // the init code runs at depth 2 with all but one 64th of what CREATE left
    JsonNode create = first(logs, "CREATE");
    JsonNode init = logs.get(logs.indexOf(create) + 1);
    long left = create.get("gas").asLong() - create.get("gasCost").asLong();
    assertEquals(2, init.get("depth").asInt());
    assertEquals(left - left / 64, init.get("gas").asLong());
  }

  @Test
  void structLogCostsAndCallTreeReproduceTheReceiptGas() {
    Transaction tx = TraceWorld.call(A, Bytes.EMPTY);
    TraceWorld.Traced logged = world.run(tx, TraceOptions.DEFAULT);
    TraceWorld.Traced calls = world.run(tx, new TraceOptions(TraceOptions.CALL_TRACER, StructLoggerConfig.DEFAULT,
        CallTracerConfig.DEFAULT));
    long charged = IntrinsicGas.of(tx);
    for (JsonNode l : logs(logged.json())) {
      if (l.get("depth").asInt() == 1) {
        charged += l.get("gasCost").asLong();
      }
    }
    for (JsonNode c : calls.json().get("calls")) {
      long gas = Long.decode(c.get("gas").asText());
      long used = Long.decode(c.get("gasUsed").asText());
      boolean create = c.get("type").asText().startsWith("CREATE");
      charged += create ? used : used - gas; // CALL costs include the handed-over gas, CREATE costs do not
    }
    assertEquals(logged.result().gasUsed(), charged); // no refund in this transaction
    assertEquals(logged.json().get("gas").asLong(), charged);
  }

  @Test
  void storageShowsTheAccountsSlotsAtSloadAndSstore() {
    List<JsonNode> logs = logs(world.run(TraceWorld.call(A, Bytes.EMPTY), TraceOptions.DEFAULT).json());
    String slot0 = "0x" + "00".repeat(32);
    String v = "0x" + "00".repeat(31) + "2a";
    assertEquals(v, first(logs, "SSTORE").get("storage").get(slot0).asText());
    assertEquals(1, first(logs, "SSTORE").get("storage").size());
    assertEquals(v, first(logs, "SLOAD").get("storage").get(slot0).asText());
    for (JsonNode l : logs) {
      String op = l.get("op").asText();
      if (!op.equals("SLOAD") && !op.equals("SSTORE")) {
        assertNull(l.get("storage"), op);
      }
    }
    // stack as minimal 0x quantities, bottom first
    JsonNode sstore = first(logs, "SSTORE");
    assertEquals("0x2a", sstore.get("stack").get(0).asText());
    assertEquals("0x0", sstore.get("stack").get(1).asText());
    assertTrue(logs.stream().anyMatch(l -> l.get("op").asText().equals("LOG3")));
  }

  @Test
  void optionsDropStackAndStorageOrAddMemoryAndReturnData() {
    TraceOptions bare = new TraceOptions(TraceOptions.STRUCT_LOGGER,
        new StructLoggerConfig(true, true, false, false, 0), CallTracerConfig.DEFAULT);
    for (JsonNode l : logs(world.run(TraceWorld.call(A, Bytes.EMPTY), bare).json())) {
      assertNull(l.get("stack"));
      assertNull(l.get("storage"));
      assertNull(l.get("memory"));
    }
    TraceOptions rich = new TraceOptions(TraceOptions.STRUCT_LOGGER,
        new StructLoggerConfig(false, false, true, true, 0), CallTracerConfig.DEFAULT);
    List<JsonNode> logs = logs(world.run(TraceWorld.call(A, Bytes.EMPTY), rich).json());
    assertNull(logs.get(0).get("memory")); // empty memory is left out
    JsonNode staticCall = first(logs, "STATICCALL");
    // memory before the STATICCALL: the first 32 bytes of B's revert data, copied by the CALL
    assertEquals(1, staticCall.get("memory").size());
    assertEquals("0x" + BOOM.substring(0, 64), staticCall.get("memory").get(0).asText());
    assertEquals("0x" + BOOM, staticCall.get("returnData").asText());
  }

  @Test
  void limitStopsAfterTheEntryThatCrossesIt() {
    TraceOptions limited = new TraceOptions(TraceOptions.STRUCT_LOGGER,
        new StructLoggerConfig(false, false, false, false, 200), CallTracerConfig.DEFAULT);
    List<JsonNode> logs = logs(world.run(TraceWorld.call(A, Bytes.EMPTY), limited).json());
    long size = 0;
    for (int i = 0; i < logs.size(); i++) {
      assertTrue(size <= 200, "entry " + i + " added after the limit");
      size += logs.get(i).toString().length();
    }
    assertTrue(size > 200);
  }

  @Test
  void revertedTransactionIsFailedWithTheRevertData() {
    TraceWorld.Traced t = world.run(TraceWorld.call(B, Bytes.EMPTY), TraceOptions.DEFAULT);
    assertFalse(t.result().success());
    assertTrue(t.json().get("failed").asBoolean());
    assertEquals("0x" + BOOM, t.json().get("returnValue").asText());
    assertEquals(t.result().gasUsed(), t.json().get("gas").asLong());
    List<JsonNode> logs = logs(t.json());
    assertEquals("REVERT", logs.get(logs.size() - 1).get("op").asText());
    assertNull(logs.get(logs.size() - 1).get("error")); // geth marks only pre-execution failures
  }

  @Test
  void stackUnderflowIsReportedOnItsStepWithTheConstantGas() {
    Address c = Address.fromHex("0x00000000000000000000000000000000000000cc");
    TraceWorld w = new TraceWorld().contract(c, "600101", BigInteger.ZERO); // PUSH1 1, ADD
    TraceWorld.Traced t = w.run(TraceWorld.call(c, Bytes.EMPTY), TraceOptions.DEFAULT);
    assertTrue(t.json().get("failed").asBoolean());
    assertEquals("0x", t.json().get("returnValue").asText());
    assertEquals(TraceWorld.GAS_LIMIT, t.json().get("gas").asLong()); // an exceptional halt burns everything
    JsonNode add = logs(t.json()).get(1);
    assertEquals("ADD", add.get("op").asText());
    assertEquals("stack underflow (1 <=> 2)", add.get("error").asText());
    assertEquals(3, add.get("gasCost").asLong());
    assertEquals(List.of("pc", "op", "gas", "gasCost", "depth", "error", "stack"), fieldNames(add));
  }

  @Test
  void invalidOpcodeAndUnknownBytesUseGethNames() {
    Address c = Address.fromHex("0x00000000000000000000000000000000000000cc");
    TraceWorld w = new TraceWorld().contract(c, "4450fe", BigInteger.ZERO); // PREVRANDAO POP INVALID
    List<JsonNode> logs = logs(w.run(TraceWorld.call(c, Bytes.EMPTY), TraceOptions.DEFAULT).json());
    assertEquals("DIFFICULTY", logs.get(0).get("op").asText());
    assertEquals("INVALID", logs.get(2).get("op").asText());
    assertEquals("opcode 0xc not defined", GethOpcodes.name(0x0c));
  }

  @Test
  void creationReturnsTheDeployedCode() {
    // init code: RETURN(0, 1) of fresh memory deploys the one-byte code 0x00
    Transaction create = new Transaction(2, TraceWorld.SENDER, 0, TraceWorld.GAS_LIMIT, null,
        BigInteger.valueOf(100), BigInteger.ONE, null, BigInteger.ZERO, Bytes.fromHexString("0x60016000f3"),
        List.of(), List.of(), null);
    TraceWorld.Traced t = world.run(create, TraceOptions.DEFAULT);
    assertFalse(t.json().get("failed").asBoolean());
    assertEquals("0x00", t.json().get("returnValue").asText());
    assertEquals(t.result().gasUsed(), t.json().get("gas").asLong());
  }

  @Test
  void refundCounterShowsAfterClearingASlotAndTheGasIsAfterRefund() {
    // SSTORE(0, 0) over a stored 1, then STOP: EIP-3529 refund 4800, capped at a fifth of the gas used
    Address c = Address.fromHex("0x00000000000000000000000000000000000000cc");
    TraceWorld w = new TraceWorld().contract(c, "6000600055" + "00", BigInteger.ZERO,
        Map.of(UInt256.ZERO, UInt256.ONE));
    TraceWorld.Traced t = w.run(TraceWorld.call(c, Bytes.EMPTY), TraceOptions.DEFAULT);
    List<JsonNode> logs = logs(t.json());
    JsonNode sstore = first(logs, "SSTORE");
    assertNull(sstore.get("refund"));
    assertEquals(2900 + 2100, sstore.get("gasCost").asLong()); // cold slot, reset
    assertEquals("0x" + "00".repeat(32), sstore.get("storage").get("0x" + "00".repeat(32)).asText());
    assertEquals(4800, first(logs, "STOP").get("refund").asLong());
    long beforeRefund = 21_000 + 3 + 3 + 5000;
    assertEquals(beforeRefund - Math.min(4800, beforeRefund / 5), t.json().get("gas").asLong());
    assertEquals(t.result().gasUsed(), t.json().get("gas").asLong());
  }

  static List<String> fieldNames(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
