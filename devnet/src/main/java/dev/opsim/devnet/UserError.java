package dev.opsim.devnet;

/** A mistake in what the user gave a command (bad hex, unreadable file, malformed data): one line, exit 1. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
