package dev.opsim.evm.precompile;

/**
 * A precompiled contract at a fixed address. The interpreter charges {@link #gasCost} first and fails the call
 * (consuming all gas it was given) when that exceeds the gas available or when {@link #compute} returns null.
 */
public interface PrecompiledContract {
  /** Gas for this input; {@code Long.MAX_VALUE} when it cannot be afforded by any call (e.g. huge modexp). */
  long gasCost(byte[] input);

  /** The output, or {@code null} when the input is invalid (the call fails and consumes its gas). */
  byte[] compute(byte[] input);
}
