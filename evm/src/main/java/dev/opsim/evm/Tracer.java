package dev.opsim.evm;

/**
 * Per-step observer. The interpreter calls it only when one is installed (a single null check otherwise).
 * {@link #beforeStep} sees the state before the operation; {@link #afterStep} the gas left afterwards, so
 * cost = gasBefore − gasAfter (for CALL/CREATE that includes the gas handed to the child).
 */
public interface Tracer {
  /**
   * @param stack limbs of the operand stack, four per word, least significant limb first; {@code stackSize} words
   */
  void beforeStep(int pc, int opcode, long gas, int depth, long[] stack, int stackSize, long memorySize);

  void afterStep(int pc, int opcode, long gasBefore, long gasAfter, int depth, int status);
}
