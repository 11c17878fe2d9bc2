package dev.opsim.evm;

import dev.opsim.evm.state.Log;
import dev.opsim.protocol.Address;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * Execution observer. The interpreter calls it only when one is installed (a single null check otherwise); every
 * hook is a no-op by default, so a tracer overrides only what it needs.
 *
 * <p>Steps: {@link #beforeStep} sees the state before the operation; {@link #afterStep} the gas left afterwards,
 * so cost = gasBefore − gasAfter (for CALL/CREATE that includes the gas handed to the child, and for a child that
 * finished within the step, such as a precompile, minus what it gave back). Step depths start at 0.
 *
 * <p>Frames, as geth's OnEnter/OnExit report them: {@link #enter} and {@link #exit} come in pairs for the
 * transaction's own message (depth 0) and every nested one, including precompiles, accounts without code, and
 * messages that fail before running (call depth, balance, address collision, nonce overflow: exit status one of
 * {@link Status#CALL_DEPTH_EXCEEDED} and the like, gasUsed 0 except a collision, which burns the gas). A frame's
 * enter precedes its first step; for a spawned frame it comes between the parent's {@code beforeStep} and
 * {@code afterStep} of the CALL/CREATE. SELFDESTRUCT is reported as a frame of kind {@link #SELFDESTRUCT} (gas 0)
 * one level below the executing frame, as geth does.
 */
public interface Tracer {
  /** The kind reported for SELFDESTRUCT; the message kinds are {@code Frame.KIND_*}. */
  int SELFDESTRUCT = 6;

  /**
   * @param stack limbs of the operand stack, four per word, least significant limb first; {@code stackSize} words
   */
  default void beforeStep(int pc, int opcode, long gas, int depth, long[] stack, int stackSize, long memorySize) {}

  default void afterStep(int pc, int opcode, long gasBefore, long gasAfter, int depth, int status) {}

  /**
   * A message frame begins.
   *
   * @param depth the frame's depth, the same its steps report: 0 for the transaction's message
   * @param kind {@code Frame.KIND_*} or {@link #SELFDESTRUCT}
   * @param from the caller; for CALLCODE and DELEGATECALL the calling contract
   * @param to the callee (for CALLCODE and DELEGATECALL the code address), the new address for a creation, the
   *     beneficiary for SELFDESTRUCT
   * @param input call data, or the init code of a creation
   * @param gas the gas the frame starts with (for a value call including the stipend)
   * @param value the value (DELEGATECALL: the inherited one), null for STATICCALL
   * @param frame the frame whose steps follow, for memory, storage and refund reads; null when no frame runs
   *     (a message that failed before running, SELFDESTRUCT)
   */
  default void enter(int depth, int kind, Address from, Address to, Bytes input, long gas, BigInteger value,
      Frame frame) {}

  /**
   * The frame entered last (and not yet exited) ends.
   *
   * @param output the return data, the revert data, or for a successful creation the deployed code; empty on an
   *     exceptional halt
   * @param gasUsed the frame's start gas minus what it returns to its caller
   * @param status a {@link Status}: STOP/RETURN success, REVERT, or an error
   */
  default void exit(int depth, Bytes output, long gasUsed, int status) {}

  /** A LOG operation added {@code log} (it disappears again if an enclosing frame fails). */
  default void log(Log log) {}
}
