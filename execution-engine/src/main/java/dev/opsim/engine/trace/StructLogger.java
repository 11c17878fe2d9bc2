package dev.opsim.engine.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.Frame;
import dev.opsim.evm.Status;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * geth's default struct logger ({@code eth/tracers/logger/logger.go}, legacy JSON): one entry per executed
 * operation, {@code {pc, op, gas, gasCost, depth, error?, stack?, returnData?, memory?, storage?, refund?}}, and the
 * result {@code {gas, failed, returnValue, structLogs}} with {@code gas} the receipt's gasUsed.
 *
 * <p>As in geth, an entry describes the state before the operation (memory before its expansion), {@code gasCost}
 * of a CALL-family operation includes the gas handed to the callee (without the stipend) and that of CREATE/CREATE2
 * does not, {@code storage} shows, at SLOAD and SSTORE, every slot of the executing account the transaction has
 * read or written so far, and only failures detected before an operation runs (stack, gas) carry {@code error}.
 */
public final class StructLogger implements TransactionTracer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper SIZE_MAPPER = new ObjectMapper();
  private static final int SLOAD = 0x54;
  private static final int SSTORE = 0x55;

  private final StructLoggerConfig config;
  private final EvmSpec spec;
  private final List<ObjectNode> logs = new ArrayList<>();
  /** The entered frames, innermost last; null where no frame runs (failed before running, SELFDESTRUCT). */
  private final Deque<FrameSlot> frames = new ArrayDeque<>();
  /** Per account: every slot read or written so far, as geth keeps it (keys and values 0x-hex words). */
  private final Map<Address, TreeMap<String, String>> storage = new HashMap<>();
  private long resultSize;

  // The step between beforeStep and afterStep, and the child message it may have started.
  private Step step;

  private Bytes topOutput = Bytes.EMPTY;
  private int topStatus = Status.STOP;

  private record FrameSlot(Frame frame) {}

  private static final class Step {
    int pc;
    int opcode;
    long gas;
    int depth;
    int stackSize;
    ArrayNode stack;
    String returnData;
    ArrayNode memory;
    ObjectNode storage;
    long refund;
    boolean childEntered;
    long childGas;
    long childReturned;
  }

  public StructLogger(StructLoggerConfig config, EvmSpec spec) {
    this.config = config;
    this.spec = spec;
  }

  @Override
  public void beforeStep(int pc, int opcode, long gas, int depth, long[] stack, int stackSize, long memorySize) {
    step = null;
    if (config.limit() != 0 && resultSize > config.limit()) {
      return;
    }
    Frame frame = frames.isEmpty() ? null : frames.peekLast().frame();
    Step s = new Step();
    s.pc = pc;
    s.opcode = opcode;
    s.gas = gas;
    s.depth = depth + 1; // geth counts the transaction's frame as depth 1
    s.stackSize = stackSize;
    if (!config.disableStack()) {
      s.stack = JSON.arrayNode(stackSize);
      for (int i = 0; i < stackSize; i++) {
        s.stack.add(TraceHex.quantity(stack, i << 2));
      }
    }
    if (frame != null) {
      if (config.enableReturnData()) {
        byte[] rd = frame.returnDataCopy();
        s.returnData = rd.length == 0 ? null : Hex.encode(rd);
      }
      if (config.enableMemory() && memorySize > 0) {
        byte[] mem = frame.memoryCopy();
        s.memory = JSON.arrayNode();
        for (int i = 0; i < mem.length; i += 32) {
          byte[] w = new byte[32];
          System.arraycopy(mem, i, w, 0, Math.min(32, mem.length - i));
          s.memory.add(Hex.encode(w));
        }
      }
      if (!config.disableStorage() && (opcode == SLOAD || opcode == SSTORE)) {
        s.storage = captureStorage(frame, opcode, stack, stackSize);
      }
      s.refund = frame.refundCounter();
    }
    step = s;
  }

  private ObjectNode captureStorage(Frame frame, int opcode, long[] stack, int stackSize) {
    TreeMap<String, String> slots = storage.computeIfAbsent(frame.address(), a -> new TreeMap<>());
    int top = (stackSize - 1) << 2;
    if (opcode == SLOAD && stackSize >= 1) {
      UInt256 value = frame.storage(UInt256.fromBytes(Bytes.wrap(TraceHex.wordBytes(stack, top))));
      slots.put(TraceHex.word(stack, top), value.toHexString());
    } else if (opcode == SSTORE && stackSize >= 2) {
      slots.put(TraceHex.word(stack, top), TraceHex.word(stack, top - 4));
    } else {
      return null;
    }
    ObjectNode copy = JSON.objectNode();
    slots.forEach(copy::put); // sorted keys, as Go marshals a map
    return copy;
  }

  @Override
  public void afterStep(int pc, int opcode, long gasBefore, long gasAfter, int depth, int status) {
    Step s = step;
    step = null;
    if (s == null) {
      return;
    }
    long cost = gasBefore - gasAfter;
    if (isCall(opcode) && s.childEntered) {
      cost += s.childReturned; // a child that finished within the step already gave its gas back
    } else if (isCreate(opcode) && s.childEntered) {
      cost += s.childReturned - s.childGas; // geth's CREATE cost leaves out the gas handed over
    }
    String error = null;
    if (status == Status.STACK_UNDERFLOW || status == Status.STACK_OVERFLOW || status == Status.OUT_OF_GAS) {
      // the failures geth detects before the operation runs, the only ones its struct log shows
      error = VmErrors.message(status, opcode, s.stackSize, spec);
      if (gasAfter == gasBefore) {
        cost = spec.staticGas(opcode); // geth reports the constant gas it checked
      }
    }
    ObjectNode entry = JSON.objectNode();
    entry.put("pc", s.pc);
    entry.put("op", GethOpcodes.name(opcode));
    entry.put("gas", s.gas);
    entry.put("gasCost", cost);
    entry.put("depth", s.depth);
    if (error != null) {
      entry.put("error", error);
    }
    if (s.stack != null) {
      entry.set("stack", s.stack);
    }
    if (s.returnData != null) {
      entry.put("returnData", s.returnData);
    }
    if (s.memory != null) {
      entry.set("memory", s.memory);
    }
    if (s.storage != null && !s.storage.isEmpty()) {
      entry.set("storage", s.storage);
    }
    if (s.refund != 0) {
      entry.put("refund", s.refund);
    }
    logs.add(entry);
    if (config.limit() != 0) {
      resultSize += serializedSize(entry);
    }
  }

  private static long serializedSize(ObjectNode entry) {
    try {
      return SIZE_MAPPER.writeValueAsBytes(entry).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  private static boolean isCall(int opcode) {
    return opcode == 0xf1 || opcode == 0xf2 || opcode == 0xf4 || opcode == 0xfa;
  }

  private static boolean isCreate(int opcode) {
    return opcode == 0xf0 || opcode == 0xf5;
  }

  @Override
  public void enter(int depth, int kind, Address from, Address to, Bytes input, long gas, BigInteger value,
      Frame frame) {
    frames.addLast(new FrameSlot(frame));
    Step s = step;
    if (s != null && depth == s.depth) { // s.depth is 1-based: the child of that step
      s.childEntered = true;
      s.childGas = gas;
    }
  }

  @Override
  public void exit(int depth, Bytes output, long gasUsed, int status) {
    frames.pollLast();
    Step s = step;
    if (s != null && depth == s.depth && s.childEntered) {
      s.childReturned = s.childGas - gasUsed;
    }
    if (depth == 0) {
      topOutput = output;
      topStatus = status;
    }
  }

  /**
   * {@code {gas, failed, returnValue, structLogs}}: {@code returnValue} is the output when the transaction
   * succeeded or reverted, else empty (0x-hex, as geth since 1.15 writes it).
   */
  @Override
  public ObjectNode result(TxSummary summary) {
    boolean failed = !VmErrors.isSuccess(topStatus);
    boolean showOutput = !failed || topStatus == Status.REVERT;
    ObjectNode r = JSON.objectNode();
    r.put("gas", summary.gasUsed());
    r.put("failed", failed);
    r.put("returnValue", showOutput ? topOutput.toHexString() : "0x");
    ArrayNode structLogs = r.putArray("structLogs");
    structLogs.addAll(logs);
    return r;
  }
}
