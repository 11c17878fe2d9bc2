package dev.opsim.evm;

/**
 * One opcode's behaviour. The interpreter has already checked stack bounds, charged the static gas and moved
 * {@code pc} past the opcode byte. Returns a {@link Status}.
 */
@FunctionalInterface
public interface Operation {
  int execute(Frame frame);
}
