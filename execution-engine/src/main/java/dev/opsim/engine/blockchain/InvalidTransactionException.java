package dev.opsim.engine.blockchain;

/** A transaction that cannot be part of a block: undecodable, badly signed, or rejected by the state. */
public final class InvalidTransactionException extends Exception {
  public InvalidTransactionException(String message) {
    super(message);
  }
}
