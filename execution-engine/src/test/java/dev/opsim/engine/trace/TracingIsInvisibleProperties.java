package dev.opsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.Frame;
import dev.opsim.evm.StandardPrecompiles;
import dev.opsim.evm.Tracer;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import java.util.ArrayDeque;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;

/** Random code, traced or not, gives the same outcome; frames pair up; both tracers report the receipt's gas. */
class TracingIsInvisibleProperties {
  static final Address C = Address.fromHex("0x00000000000000000000000000000000000000cc");

  /** Code biased towards calls, creates, stack and memory operations so frames actually nest. */
  @Provide
  Arbitrary<byte[]> code() {
    Arbitrary<Byte> op = Arbitraries.oneOf(
        Arbitraries.bytes(),
        Arbitraries.of((byte) 0x5f, (byte) 0x60, (byte) 0x30, (byte) 0x5a, (byte) 0xf1, (byte) 0xf4, (byte) 0xfa,
            (byte) 0xf0, (byte) 0xf5, (byte) 0x80, (byte) 0x52, (byte) 0x54, (byte) 0x55, (byte) 0xa0, (byte) 0xfd,
            (byte) 0xf3, (byte) 0xff));
    return op.array(byte[].class).ofMinSize(1).ofMaxSize(64);
  }

  @Property(tries = 150)
  void tracedRunsMatchUntracedOnes(@ForAll("code") byte[] code) {
    TraceWorld w = new TraceWorld().contract(C, Hex.encode(code), BigInteger.TEN);
    var tx = TraceWorld.call(C, Bytes.EMPTY);
    TxResult.Executed plain = w.runUntraced(tx);

    PairingTracer pairing = new PairingTracer();
    TxResult.Executed paired = (TxResult.Executed) new TransactionProcessor(w.spec,
        StandardPrecompiles.forSpec(w.spec), new CodeCache(16))
        .process(new JournaledState(w.base), tx, TraceWorld.block(), pairing);
    assertEquals(plain, paired);
    assertTrue(pairing.open.isEmpty(), "every enter has its exit");
    assertEquals(1, pairing.topLevelEnters);

    TraceWorld.Traced logged = w.run(tx, TraceOptions.DEFAULT);
    assertEquals(plain, logged.result());
    assertEquals(plain.gasUsed(), logged.json().get("gas").asLong());
    assertEquals(!plain.success(), logged.json().get("failed").asBoolean());
    JsonNode steps = logged.json().get("structLogs");
    if (!steps.isEmpty()) {
      assertEquals(0, steps.get(0).get("pc").asInt());
      assertEquals(1, steps.get(0).get("depth").asInt());
    }
    for (JsonNode s : steps) {
      assertTrue(s.get("gasCost").asLong() >= 0, s.toString());
    }

    TraceWorld.Traced calls = w.run(tx, CallTracerTest.CALLS);
    assertEquals(plain, calls.result());
    assertEquals("0x" + Long.toHexString(plain.gasUsed()), calls.json().get("gasUsed").asText());
  }

  /** Checks that exits close the frame entered last, at the same depth, and that nested frames are one deeper. */
  static final class PairingTracer implements Tracer {
    final ArrayDeque<Integer> open = new ArrayDeque<>();
    int topLevelEnters;

    @Override
    public void enter(int depth, int kind, Address from, Address to, Bytes input, long gas, BigInteger value,
        Frame frame) {
      if (depth == 0) {
        topLevelEnters++;
      } else {
        assertEquals(open.peek() + 1, depth);
      }
      assertTrue(gas >= 0);
      open.push(depth);
    }

    @Override
    public void exit(int depth, Bytes output, long gasUsed, int status) {
      assertEquals(open.pop(), depth);
      assertTrue(gasUsed >= 0);
    }

    @Override
    public void beforeStep(int pc, int opcode, long gas, int depth, long[] stack, int stackSize, long memorySize) {
      assertEquals(open.peek(), depth, "steps run in the innermost open frame");
    }
  }
}
