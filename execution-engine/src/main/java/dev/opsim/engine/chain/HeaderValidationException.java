package dev.opsim.engine.chain;

/** A header broke a consensus rule; {@link #rule()} says which, the message says how. */
public final class HeaderValidationException extends Exception {
  private final HeaderRule rule;

  public HeaderValidationException(HeaderRule rule, String message) {
    super(rule + ": " + message);
    this.rule = rule;
  }

  public HeaderRule rule() {
    return rule;
  }
}
