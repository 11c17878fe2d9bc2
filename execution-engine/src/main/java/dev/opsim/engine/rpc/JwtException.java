package dev.opsim.engine.rpc;

/** A token that does not authenticate; the message is short and safe to send back in a 401. */
public final class JwtException extends Exception {

  public JwtException(String message) {
    super(message, null, false, false);
  }
}
