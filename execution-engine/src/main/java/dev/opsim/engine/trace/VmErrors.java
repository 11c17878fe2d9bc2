package dev.opsim.engine.trace;

import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.Status;

/** geth's VM error texts ({@code core/vm/errors.go}) for our {@link Status} codes. */
final class VmErrors {
  private VmErrors() {}

  /**
   * The text of a failed frame or step; {@code opcode} and {@code stackSize} describe the step that failed, for
   * the stack and invalid-opcode texts.
   */
  static String message(int status, int opcode, int stackSize, EvmSpec spec) {
    return switch (status) {
      case Status.REVERT -> "execution reverted";
      case Status.STACK_UNDERFLOW -> "stack underflow (" + stackSize + " <=> " + spec.stackInputs(opcode) + ")";
      case Status.STACK_OVERFLOW -> "stack limit reached " + stackSize + " (" + spec.stackLimit(opcode) + ")";
      case Status.INVALID_OPCODE -> "invalid opcode: " + GethOpcodes.name(opcode);
      default -> Status.name(status);
    };
  }

  static boolean isSuccess(int status) {
    return status == Status.STOP || status == Status.RETURN;
  }
}
