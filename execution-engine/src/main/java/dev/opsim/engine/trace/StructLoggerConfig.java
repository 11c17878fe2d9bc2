package dev.opsim.engine.trace;

/**
 * geth's {@code logger.Config}: what each struct log carries. {@code limit} caps the output in bytes of struct-log
 * JSON (0 = unlimited); as in geth, logging stops after the entry that crosses it.
 */
public record StructLoggerConfig(boolean disableStack, boolean disableStorage, boolean enableMemory,
    boolean enableReturnData, int limit) {
  public static final StructLoggerConfig DEFAULT = new StructLoggerConfig(false, false, false, false, 0);
}
