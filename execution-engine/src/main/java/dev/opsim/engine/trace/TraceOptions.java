package dev.opsim.engine.trace;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The options object of {@code debug_traceTransaction} / {@code debug_traceCall} (geth's {@code TraceConfig}):
 * {@code tracer} (absent or null: the struct logger), {@code tracerConfig}, the struct-logger switches at the top
 * level, and {@code timeout} / {@code reexec}, accepted and ignored. Fields we do not know are ignored, as Go's JSON
 * decoder does (so {@code debug_traceCall}'s {@code stateOverrides}, {@code blockOverrides} pass through to the
 * caller); a known field of the wrong type is an error.
 *
 * @param tracer {@link #STRUCT_LOGGER}, {@link #CALL_TRACER} or {@link #NOOP_TRACER}
 */
public record TraceOptions(String tracer, StructLoggerConfig logger, CallTracerConfig callTracer) {
  public static final String STRUCT_LOGGER = "structLogger";
  public static final String CALL_TRACER = "callTracer";
  public static final String NOOP_TRACER = "noopTracer";

  public static final TraceOptions DEFAULT =
      new TraceOptions(STRUCT_LOGGER, StructLoggerConfig.DEFAULT, CallTracerConfig.DEFAULT);

  /**
   * Reads the options object; null, a missing parameter or JSON null give {@link #DEFAULT}.
   *
   * @throws TraceOptionsException for a non-object, a wrongly typed field, or an unknown tracer name
   */
  public static TraceOptions parse(JsonNode options) throws TraceOptionsException {
    if (options == null || options.isNull() || options.isMissingNode()) {
      return DEFAULT;
    }
    if (!options.isObject()) {
      throw new TraceOptionsException("trace options must be a JSON object");
    }
    StructLoggerConfig logger = new StructLoggerConfig(
        bool(options, "disableStack", ""),
        bool(options, "disableStorage", ""),
        bool(options, "enableMemory", ""),
        bool(options, "enableReturnData", ""),
        integer(options, "limit"));
    JsonNode timeout = options.get("timeout");
    if (timeout != null && !timeout.isNull() && !timeout.isTextual()) {
      throw new TraceOptionsException("timeout must be a duration string such as \"5s\"");
    }
    String tracer = STRUCT_LOGGER;
    JsonNode name = options.get("tracer");
    if (name != null && !name.isNull()) {
      if (!name.isTextual()) {
        throw new TraceOptionsException("tracer must be a string");
      }
      tracer = switch (name.asText()) {
        case "" -> STRUCT_LOGGER;
        case CALL_TRACER -> CALL_TRACER;
        case NOOP_TRACER -> NOOP_TRACER;
        default -> throw new TraceOptionsException("tracer not found: \"" + name.asText()
            + "\" (supported: callTracer, noopTracer, or no tracer for the struct logger)");
      };
    }
    CallTracerConfig call = CallTracerConfig.DEFAULT;
    JsonNode tracerConfig = options.get("tracerConfig");
    if (tracerConfig != null && !tracerConfig.isNull()) {
      if (!tracerConfig.isObject()) {
        throw new TraceOptionsException("tracerConfig must be a JSON object");
      }
      if (tracer.equals(CALL_TRACER)) {
        call = new CallTracerConfig(bool(tracerConfig, "onlyTopCall", "tracerConfig."),
            bool(tracerConfig, "withLog", "tracerConfig."));
      }
    }
    return new TraceOptions(tracer, logger, call);
  }

  private static boolean bool(JsonNode o, String field, String prefix) throws TraceOptionsException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new TraceOptionsException(prefix + field + " must be true or false");
    }
    return v.booleanValue();
  }

  private static int integer(JsonNode o, String field) throws TraceOptionsException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new TraceOptionsException(field + " must be an integer");
    }
    return v.intValue();
  }
}
