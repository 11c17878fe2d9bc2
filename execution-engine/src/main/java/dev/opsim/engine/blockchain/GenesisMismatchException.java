package dev.opsim.engine.blockchain;

/** The data directory holds a different chain than the genesis file describes. */
public final class GenesisMismatchException extends Exception {
  public GenesisMismatchException(String message) {
    super(message);
  }
}
