package dev.opsim.engine.blockchain;

/** A block that breaks a consensus rule; the message says which. */
public final class InvalidBlockException extends Exception {
  public InvalidBlockException(String message) {
    super(message);
  }
}
