package dev.opsim.engine.blockchain;

/** A block under rules the engine does not execute. */
public final class UnsupportedForkException extends Exception {
  public UnsupportedForkException(String message) {
    super(message);
  }
}
