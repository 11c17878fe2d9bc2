package dev.opsim.engine.trace;

/** geth's {@code callTracerConfig}: only the top call, and whether to collect logs. */
public record CallTracerConfig(boolean onlyTopCall, boolean withLog) {
  public static final CallTracerConfig DEFAULT = new CallTracerConfig(false, false);
}
