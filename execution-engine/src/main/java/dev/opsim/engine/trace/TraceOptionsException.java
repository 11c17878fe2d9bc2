package dev.opsim.engine.trace;

/** The trace options object is malformed or names a tracer we do not have. The message says which field. */
public final class TraceOptionsException extends Exception {
  public TraceOptionsException(String message) {
    super(message);
  }
}
