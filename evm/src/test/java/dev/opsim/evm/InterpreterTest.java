package dev.opsim.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** Interpreter behaviour on small programs: results, exceptional halts, depth. */
class InterpreterTest {
  private static final long GAS = 1_000_000;

  private static UInt256 slot(EvmTestSupport t, long key) {
    return t.state.storage(EvmTestSupport.CONTRACT, UInt256.valueOf(key));
  }

  @Test
  void addsAndStores() {
    // PUSH1 2 PUSH1 3 ADD PUSH1 0 SSTORE STOP
    EvmTestSupport t = new EvmTestSupport("0x6002600301600055");
    TxResult.Executed r = t.runCall(GAS);
    assertTrue(r.success());
    assertEquals(UInt256.valueOf(5), slot(t, 0));
    // 21000 + 3*4 (pushes/add) + 3 (push) + 22100 (cold SSTORE set)
    assertEquals(21000 + 3 + 3 + 3 + 3 + 22100, r.gasUsed());
  }

  @Test
  void truncatedPushIsZeroPaddedOnTheRight() {
    // PUSH3 0x01 0x02 with the last immediate byte missing: the value is 0x010200 (yellow paper: code is
    // zero-extended). The interpreter's step at the implicit STOP past the end shows the stack.
    EvmTestSupport t = new EvmTestSupport("0x620102");
    long[] seen = new long[1];
    Tracer tracer = new Tracer() {
      @Override
      public void beforeStep(int pc, int opcode, long gas, int depth, long[] stack, int size, long mem) {
        if (pc == 4) {
          seen[0] = size == 1 ? stack[0] : -1;
        }
      }

      @Override
      public void afterStep(int pc, int opcode, long gasBefore, long gasAfter, int depth, int status) {}
    };
    TxResult r = t.run(EvmTestSupport.call(EvmTestSupport.CONTRACT, GAS, BigInteger.ZERO, Bytes.EMPTY), tracer);
    assertTrue(((TxResult.Executed) r).success());
    assertEquals(0x010200L, seen[0]);
  }

  @Test
  void badJumpHaltsAndConsumesAllGas() {
    // PUSH1 5 JUMP (5 is not a JUMPDEST)
    EvmTestSupport t = new EvmTestSupport("0x600556");
    TxResult.Executed r = t.runCall(GAS);
    assertFalse(r.success());
    assertEquals(Status.BAD_JUMP, r.status());
    assertEquals(GAS, r.gasUsed());
  }

  @Test
  void jumpIntoPushDataIsInvalid() {
    // PUSH1 3 JUMP PUSH1 0x5b : offset 3 is the PUSH1 opcode, 4 is push data 0x5b
    EvmTestSupport t = new EvmTestSupport("0x600456605b");
    assertEquals(Status.BAD_JUMP, t.runCall(GAS).status());
  }

  @Test
  void stackUnderflowAndInvalidOpcode() {
    assertEquals(Status.STACK_UNDERFLOW, new EvmTestSupport("0x01").runCall(GAS).status());
    assertEquals(Status.INVALID_OPCODE, new EvmTestSupport("0xfe").runCall(GAS).status());
    assertEquals(Status.INVALID_OPCODE, new EvmTestSupport("0x0c").runCall(GAS).status());
  }

  @Test
  void stackOverflowAt1025Words() {
    // JUMPDEST PUSH0 PUSH1 0 JUMP: pushes one word per loop until 1025
    EvmTestSupport t = new EvmTestSupport("0x5b5f600056");
    assertEquals(Status.STACK_OVERFLOW, t.runCall(GAS).status());
  }

  @Test
  void hugeMemoryOffsetIsOutOfGasNotAnException() {
    // PUSH32 2^255 MLOAD
    EvmTestSupport t = new EvmTestSupport("0x7f8000000000000000000000000000000000000000000000000000000000000000" + "51");
    TxResult.Executed r = t.runCall(GAS);
    assertEquals(Status.OUT_OF_GAS, r.status());
  }

  @Test
  void revertKeepsGasAndUndoesStorage() {
    // PUSH1 1 PUSH1 0 SSTORE PUSH1 0 PUSH1 0 REVERT
    EvmTestSupport t = new EvmTestSupport("0x600160005560006000fd");
    TxResult.Executed r = t.runCall(GAS);
    assertEquals(Status.REVERT, r.status());
    assertEquals(UInt256.ZERO, slot(t, 0));
    assertTrue(r.gasUsed() < GAS);
  }

  /**
   * A contract that calls itself with all gas until the call fails, then records its depth: the explicit frame
   * chain reaches the 1024 limit without a Java stack overflow.
   */
  @Test
  void deepRecursionStopsAtDepth1024() {
    // slot[0] = slot[0] + 1 (counts frames), then CALL self with GAS; STOP.
    // PUSH1 0 SLOAD PUSH1 1 ADD PUSH1 0 SSTORE
    // PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 ADDRESS GAS CALL STOP
    String code = "0x60005460010160005560006000600060006000305af100";
    EvmTestSupport t = new EvmTestSupport(code);
    TxResult.Executed r = t.runCall(29_000_000);
    assertTrue(r.success());
    long frames = slot(t, 0).toLong();
    assertTrue(frames > 1 && frames <= 1025, "frames " + frames);
  }

  /**
   * With enough gas that EIP-150 does not stop it first, self-recursion reaches exactly the 1024 limit: frames at
   * depths 0..1024 run (1025 of them) and the call from depth 1024 fails; the explicit frame chain keeps the
   * Java stack flat.
   */
  @Test
  void deepRecursionReachesExactlyDepth1024() {
    String code = "0x"
        + "5f5c6001015f5d" // counter = TLOAD(0) + 1; TSTORE(0, counter)
        + "5f5f5f5f5f305af150" // CALL(GAS, ADDRESS, 0, 0, 0, 0, 0); POP
        + "323314601757" // if ORIGIN == CALLER (the outermost frame) jump to 0x17
        + "00" // STOP
        + "5b5f5c5f5500"; // JUMPDEST SSTORE(0, TLOAD(0)); STOP
    EvmTestSupport t = new EvmTestSupport(code);
    TxResult.Executed r = (TxResult.Executed) t.run(
        EvmTestSupport.call(EvmTestSupport.CONTRACT, 100_000_000_000_000L, BigInteger.ZERO, Bytes.EMPTY), null,
        200_000_000_000_000L);
    assertTrue(r.success());
    assertEquals(1025, slot(t, 0).toLong());
  }

  @Property(tries = 200)
  void randomCodeNeverThrows(@ForAll @Size(max = 64) byte[] code) {
    EvmTestSupport t = new EvmTestSupport(Hex.encode(code));
    TxResult r = t.run(EvmTestSupport.call(EvmTestSupport.CONTRACT, 200_000, BigInteger.ZERO, Bytes.EMPTY));
    assertTrue(r instanceof TxResult.Executed);
  }
}
