package dev.opsim.protocol;

/**
 * Bytes from outside the process did not follow an OP Stack format. Every decoder in this package reports
 * malformed input with this checked exception (never with an unchecked one), saying what is wrong and where,
 * so callers can apply the spec's rule (drop the frame, the batch, the transaction) without guessing.
 */
public class DecodeException extends Exception {
  public DecodeException(String message) {
    super(message);
  }

  public DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
