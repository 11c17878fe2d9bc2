package dev.opsim.engine.eth;

/**
 * A call that could not start (geth's consensus errors before execution: "insufficient funds for gas * price +
 * value: ...", "nonce too low", "intrinsic gas too low: have 100, want 21000", ...). The message is geth's;
 * eth_call answers -32000 with it. {@link #intrinsicGasTooLow()} marks the one case eth_estimateGas treats as
 * "needs more gas" rather than an error (geth gasestimator: ErrIntrinsicGas).
 */
public final class InvalidCallException extends Exception {
  private final boolean intrinsicGasTooLow;

  public InvalidCallException(String message, boolean intrinsicGasTooLow) {
    super(message, null, false, false);
    this.intrinsicGasTooLow = intrinsicGasTooLow;
  }

  public InvalidCallException(String message) {
    this(message, false);
  }

  public boolean intrinsicGasTooLow() {
    return intrinsicGasTooLow;
  }
}
