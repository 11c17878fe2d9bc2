package dev.opsim.engine.node;

/** The engine could not start; the message is one line for the user. */
public final class EngineStartException extends Exception {
  public EngineStartException(String message) {
    super(message);
  }
}
