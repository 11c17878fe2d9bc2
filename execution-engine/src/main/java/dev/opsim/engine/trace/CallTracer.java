package dev.opsim.engine.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.Frame;
import dev.opsim.evm.Status;
import dev.opsim.evm.state.Log;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * geth's {@code callTracer} ({@code eth/tracers/native/call.go}): the tree of messages, each
 * {@code {from, gas, gasUsed, to?, input, output?, error?, revertReason?, calls?, logs?, value?, type}} with
 * quantities and bytes as 0x-hex. The top frame's {@code gas} is the transaction's gas limit and its
 * {@code gasUsed} the receipt's. With {@code withLog}, logs carry their position among the frame's calls, and logs
 * of failed frames are dropped.
 */
public final class CallTracer implements TransactionTracer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final CallTracerConfig config;
  private final EvmSpec spec;
  private final List<CallFrame> stack = new ArrayList<>();
  private CallFrame root;
  /** Depth of the innermost entered frame, also while onlyTopCall skips nested ones. */
  private int depth;
  /** Logs alive so far in the transaction (a failed frame takes its own back out, as the state journal does). */
  private int logCount;
  /** {@link #logCount} at the enter of every open frame, also those onlyTopCall leaves out. */
  private final ArrayDeque<Integer> logMarks = new ArrayDeque<>();
  private int lastOpcode;
  private int lastStackSize;

  private static final class CallFrame {
    int kind;
    Address from;
    Address to;
    Bytes input;
    long gas;
    long gasUsed;
    BigInteger value;
    Bytes output;
    String error;
    String revertReason;
    boolean reverted;
    final List<CallFrame> calls = new ArrayList<>();
    final List<CallLog> logs = new ArrayList<>();
  }

  private record CallLog(Log log, int index, int position) {}

  public CallTracer(CallTracerConfig config, EvmSpec spec) {
    this.config = config;
    this.spec = spec;
  }

  @Override
  public void beforeStep(int pc, int opcode, long gas, int depth, long[] stack, int stackSize, long memorySize) {
    // the last step before a failing frame's exit is its own failing one: kept for the stack and opcode texts
    lastOpcode = opcode;
    lastStackSize = stackSize;
  }

  @Override
  public void enter(int depth, int kind, Address from, Address to, Bytes input, long gas, BigInteger value,
      Frame frame) {
    this.depth = depth;
    logMarks.push(logCount);
    if (config.onlyTopCall() && depth > 0) {
      return;
    }
    CallFrame f = new CallFrame();
    f.kind = kind;
    f.from = from;
    f.to = to;
    f.input = input.copy();
    f.gas = gas;
    f.value = value;
    stack.add(f);
  }

  @Override
  public void exit(int depth, Bytes output, long gasUsed, int status) {
    Integer mark = logMarks.poll();
    if (mark != null && !VmErrors.isSuccess(status)) {
      logCount = mark; // the journal drops the failed frame's logs, also those of its children
    }
    if (depth == 0) {
      if (stack.size() == 1) {
        root = stack.get(0);
        root.gasUsed = gasUsed;
        processOutput(root, output, status);
      }
      return;
    }
    this.depth = depth - 1;
    if (config.onlyTopCall()) {
      return;
    }
    if (stack.size() <= 1) {
      return;
    }
    CallFrame f = stack.remove(stack.size() - 1);
    f.gasUsed = gasUsed;
    processOutput(f, output, status);
    stack.get(stack.size() - 1).calls.add(f);
  }

  private void processOutput(CallFrame f, Bytes output, int status) {
    if (VmErrors.isSuccess(status)) {
      f.output = output.copy();
      return;
    }
    f.error = VmErrors.message(status, lastOpcode, lastStackSize, spec);
    f.reverted = true;
    if (f.kind == Frame.KIND_CREATE || f.kind == Frame.KIND_CREATE2) {
      f.to = null;
    }
    if (status != Status.REVERT || output.isEmpty()) {
      return;
    }
    f.output = output.copy();
    RevertReason.decode(output.toArrayUnsafe()).ifPresent(r -> f.revertReason = r);
  }

  @Override
  public void log(Log log) {
    int index = logCount++;
    if (!config.withLog() || (config.onlyTopCall() && depth > 0) || stack.isEmpty()) {
      return;
    }
    CallFrame current = stack.get(stack.size() - 1);
    current.logs.add(new CallLog(log, index, current.calls.size()));
  }

  @Override
  public ObjectNode result(TxSummary summary) {
    CallFrame top = root != null ? root : stack.isEmpty() ? null : stack.get(0);
    if (top == null) {
      throw new IllegalStateException("the transaction's message was never traced");
    }
    top.gas = summary.gasLimit();
    top.gasUsed = summary.gasUsed();
    return toJson(top, summary.firstLogIndex(), false);
  }

  private ObjectNode toJson(CallFrame f, int firstLogIndex, boolean parentFailed) {
    boolean failed = parentFailed || (f.error != null && f.reverted);
    ObjectNode o = JSON.objectNode();
    o.put("from", Hex.encode(f.from.toArray()));
    o.put("gas", TraceHex.quantity(f.gas));
    o.put("gasUsed", TraceHex.quantity(f.gasUsed));
    if (f.to != null) {
      o.put("to", Hex.encode(f.to.toArray()));
    }
    o.put("input", f.input.toHexString());
    if (f.output != null && !f.output.isEmpty()) {
      o.put("output", f.output.toHexString());
    }
    if (f.error != null) {
      o.put("error", f.error);
    }
    if (f.revertReason != null && !f.revertReason.isEmpty()) {
      o.put("revertReason", f.revertReason);
    }
    if (!f.calls.isEmpty()) {
      ArrayNode calls = o.putArray("calls");
      for (CallFrame c : f.calls) {
        calls.add(toJson(c, firstLogIndex, failed));
      }
    }
    if (config.withLog() && !failed && !f.logs.isEmpty()) {
      ArrayNode logs = o.putArray("logs");
      for (CallLog l : f.logs) {
        ObjectNode lo = logs.addObject();
        lo.put("address", Hex.encode(l.log().address().toArray()));
        ArrayNode topics = lo.putArray("topics");
        for (Hash t : l.log().topics()) {
          topics.add(t.bytes().toHexString());
        }
        lo.put("data", l.log().data().toHexString());
        lo.put("index", TraceHex.quantity(firstLogIndex + l.index()));
        lo.put("position", TraceHex.quantity(l.position()));
      }
    }
    if (f.value != null) {
      o.put("value", TraceHex.quantity(f.value));
    }
    o.put("type", GethOpcodes.frameType(f.kind));
    return o;
  }
}
