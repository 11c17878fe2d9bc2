package dev.opsim.engine.trace;

import static dev.opsim.engine.trace.StructLoggerTest.A;
import static dev.opsim.engine.trace.StructLoggerTest.B;
import static dev.opsim.engine.trace.StructLoggerTest.BOOM;
import static dev.opsim.engine.trace.StructLoggerTest.MAIN;
import static dev.opsim.engine.trace.StructLoggerTest.REVERTER;
import static dev.opsim.engine.trace.StructLoggerTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.evm.ContractAddress;
import dev.opsim.evm.tx.IntrinsicGas;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class CallTracerTest {
  static final TraceOptions CALLS =
      new TraceOptions(TraceOptions.CALL_TRACER, StructLoggerConfig.DEFAULT, CallTracerConfig.DEFAULT);
  static final TraceOptions CALLS_WITH_LOGS =
      new TraceOptions(TraceOptions.CALL_TRACER, StructLoggerConfig.DEFAULT, new CallTracerConfig(false, true));

  final TraceWorld world = new TraceWorld().contract(A, MAIN, BigInteger.ZERO).contract(B, REVERTER, BigInteger.ZERO);

  static String hex(Address a) {
    return Hex.encode(a.toArray());
  }

  @Test
  void callTreeOfTheMainContract() {
    Transaction tx = TraceWorld.call(A, Bytes.EMPTY);
    TraceWorld.Traced t = world.run(tx, CALLS);
    JsonNode top = t.json();
    assertEquals(List.of("from", "gas", "gasUsed", "to", "input", "output", "calls", "value", "type"),
        fieldNames(top));
    assertEquals("CALL", top.get("type").asText());
    assertEquals(hex(TraceWorld.SENDER), top.get("from").asText());
    assertEquals(hex(A), top.get("to").asText());
    assertEquals("0x" + Long.toHexString(tx.gasLimit()), top.get("gas").asText());
    assertEquals("0x" + Long.toHexString(t.result().gasUsed()), top.get("gasUsed").asText());
    assertEquals("0x", top.get("input").asText());
    assertEquals("0x" + "00".repeat(27) + "60016000f3", top.get("output").asText());
    assertEquals("0x0", top.get("value").asText());
    JsonNode calls = top.get("calls");
    assertEquals(3, calls.size());

    JsonNode reverted = calls.get(0);
    assertEquals(List.of("from", "gas", "gasUsed", "to", "input", "output", "error", "revertReason", "value", "type"),
        fieldNames(reverted));
    assertEquals("CALL", reverted.get("type").asText());
    assertEquals(hex(A), reverted.get("from").asText());
    assertEquals(hex(B), reverted.get("to").asText());
    assertEquals("0xffff", reverted.get("gas").asText());
    assertEquals("0x2a", reverted.get("gasUsed").asText()); // 42, see StructLoggerTest
    assertEquals("execution reverted", reverted.get("error").asText());
    assertEquals("boom", reverted.get("revertReason").asText());
    assertEquals("0x" + BOOM, reverted.get("output").asText());

    JsonNode identity = calls.get(1);
    assertEquals("STATICCALL", identity.get("type").asText());
    assertEquals("0x0000000000000000000000000000000000000004", identity.get("to").asText());
    assertNull(identity.get("value")); // STATICCALL carries no value
    assertEquals("0x12", identity.get("gasUsed").asText()); // 15 + 3 per word
    assertEquals("0x" + "00".repeat(32), identity.get("input").asText());
    assertEquals("0x" + "00".repeat(32), identity.get("output").asText());

    JsonNode created = calls.get(2);
    assertEquals("CREATE", created.get("type").asText());
    assertEquals(hex(ContractAddress.createAddress(A, 1)), created.get("to").asText());
    assertEquals("0x60016000f3", created.get("input").asText());
    assertEquals("0x00", created.get("output").asText()); // the deployed code
    assertEquals("0xd1", created.get("gasUsed").asText()); // 9 for the init code + 200 deposit
    assertEquals("0x0", created.get("value").asText());
  }

  @Test
  void withLogPutsLogsInTheirFrameWithPosition() {
    JsonNode top = world.run(TraceWorld.call(A, Bytes.EMPTY), CALLS_WITH_LOGS).json();
    JsonNode logs = top.get("logs");
    assertEquals(1, logs.size());
    JsonNode log = logs.get(0);
    assertEquals(List.of("address", "topics", "data", "index", "position"), fieldNames(log));
    assertEquals(hex(A), log.get("address").asText());
    assertEquals("0x" + "00".repeat(31) + "01", log.get("topics").get(0).asText());
    assertEquals("0x" + "00".repeat(31) + "03", log.get("topics").get(2).asText());
    assertEquals("0x", log.get("data").asText());
    assertEquals("0x0", log.get("index").asText());
    assertEquals("0x0", log.get("position").asText()); // before any subcall
    assertEquals(List.of("from", "gas", "gasUsed", "to", "input", "output", "calls", "logs", "value", "type"),
        fieldNames(top));
  }

  @Test
  void onlyTopCallLeavesOutTheSubcalls() {
    TraceOptions top = new TraceOptions(TraceOptions.CALL_TRACER, StructLoggerConfig.DEFAULT,
        new CallTracerConfig(true, false));
    JsonNode j = world.run(TraceWorld.call(A, Bytes.EMPTY), top).json();
    assertNull(j.get("calls"));
    assertEquals("CALL", j.get("type").asText());
  }

  @Test
  void revertedTransactionCarriesErrorAndReason() {
    TraceWorld.Traced t = world.run(TraceWorld.call(B, Bytes.EMPTY), CALLS);
    JsonNode top = t.json();
    assertEquals("execution reverted", top.get("error").asText());
    assertEquals("boom", top.get("revertReason").asText());
    assertEquals("0x" + BOOM, top.get("output").asText());
    assertEquals("0x" + Long.toHexString(t.result().gasUsed()), top.get("gasUsed").asText());
  }

  @Test
  void failedLogsAreDropped() {
    // LOG0 then REVERT: the log disappears with the frame
    Address c = Address.fromHex("0x00000000000000000000000000000000000000cc");
    TraceWorld w = new TraceWorld().contract(c, "60006000a060006000fd", BigInteger.ZERO);
    JsonNode top = w.run(TraceWorld.call(c, Bytes.EMPTY), CALLS_WITH_LOGS).json();
    assertNull(top.get("logs"));
    assertEquals("execution reverted", top.get("error").asText());
    assertNull(top.get("output")); // empty revert data is left out
  }

  @Test
  void callWithoutTheBalanceIsReportedWithGethsError() {
    // CALL(gas 0, B, value 1, no data) from a contract holding nothing: fails before running
    Address c = Address.fromHex("0x00000000000000000000000000000000000000cc");
    String code = "6000600060006000" + "6001" + "73" + B.bytes().toUnprefixedHexString() + "6000" + "f1" + "00";
    TraceWorld w = new TraceWorld().contract(c, code, BigInteger.ZERO).contract(B, REVERTER, BigInteger.ZERO);
    Transaction tx = TraceWorld.call(c, Bytes.EMPTY);
    JsonNode call = w.run(tx, CALLS).json().get("calls").get(0);
    assertEquals("insufficient balance for transfer", call.get("error").asText());
    assertEquals("0x8fc", call.get("gas").asText()); // the 2300 stipend
    assertEquals("0x0", call.get("gasUsed").asText());
    assertEquals("0x1", call.get("value").asText());
    assertEquals(hex(B), call.get("to").asText());

    // the struct log charges the CALL its full cost and the stipend comes back with the unused gas, as in geth
    List<JsonNode> logs = StructLoggerTest.logs(w.run(tx, TraceOptions.DEFAULT).json());
    JsonNode callStep = StructLoggerTest.first(logs, "CALL");
    JsonNode stop = logs.get(logs.indexOf(callStep) + 1);
    assertEquals(2600 + 9000, callStep.get("gasCost").asLong()); // cold B, value transfer, no memory, 0 gas asked
    assertEquals(callStep.get("gas").asLong() - 11_600 + 2300, stop.get("gas").asLong());
    assertEquals(tx.gasLimit() - IntrinsicGas.of(tx), logs.get(0).get("gas").asLong());
  }

  @Test
  void selfDestructIsAFrame() {
    Address c = Address.fromHex("0x00000000000000000000000000000000000000cc");
    // SELFDESTRUCT to B
    String code = "73" + B.bytes().toUnprefixedHexString() + "ff";
    TraceWorld w = new TraceWorld().contract(c, code, BigInteger.valueOf(5)).contract(B, REVERTER, BigInteger.ZERO);
    JsonNode sd = w.run(TraceWorld.call(c, Bytes.EMPTY), CALLS).json().get("calls").get(0);
    assertEquals("SELFDESTRUCT", sd.get("type").asText());
    assertEquals(hex(c), sd.get("from").asText());
    assertEquals(hex(B), sd.get("to").asText());
    assertEquals("0x5", sd.get("value").asText());
    assertEquals("0x0", sd.get("gas").asText());
    assertEquals("0x", sd.get("input").asText());
  }

  @Test
  void creationTransactionAndFailedCreation() {
    Transaction create = new Transaction(2, TraceWorld.SENDER, 0, TraceWorld.GAS_LIMIT, null,
        BigInteger.valueOf(100), BigInteger.ONE, null, BigInteger.ZERO, Bytes.fromHexString("0x60016000f3"),
        List.of(), List.of(), null);
    JsonNode top = world.run(create, CALLS).json();
    assertEquals("CREATE", top.get("type").asText());
    assertEquals(hex(ContractAddress.createAddress(TraceWorld.SENDER, 0)), top.get("to").asText());
    assertEquals("0x00", top.get("output").asText());

    // init code deploying 0xef...: EIP-3541 rejects it; the failed creation has no "to"
    Transaction bad = new Transaction(2, TraceWorld.SENDER, 0, TraceWorld.GAS_LIMIT, null,
        BigInteger.valueOf(100), BigInteger.ONE, null, BigInteger.ZERO,
        Bytes.fromHexString("0x60ef60005360016000f3"), List.of(), List.of(), null);
    JsonNode failed = world.run(bad, CALLS).json();
    assertEquals("invalid code: must not begin with 0xef", failed.get("error").asText());
    assertNull(failed.get("to"));
  }

  @Test
  void frameErrorsUseGethTexts() {
    Address c = Address.fromHex("0x00000000000000000000000000000000000000cc");
    assertEquals("invalid opcode: INVALID", errorOf(c, "fe"));
    assertEquals("invalid opcode: opcode 0xc not defined", errorOf(c, "0c"));
    assertEquals("stack underflow (0 <=> 2)", errorOf(c, "01"));
    assertEquals("invalid jump destination", errorOf(c, "600356"));
  }

  private static String errorOf(Address c, String code) {
    TraceWorld w = new TraceWorld().contract(c, code, BigInteger.ZERO);
    return w.run(TraceWorld.call(c, Bytes.EMPTY), CALLS).json().get("error").asText();
  }
}
