package dev.opsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.CancunSpec;
import org.junit.jupiter.api.Test;

class TraceOptionsTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static TraceOptions parse(String json) throws Exception {
    return TraceOptions.parse(MAPPER.readTree(json));
  }

  @Test
  void absentOrEmptyOptionsGiveTheStructLogger() throws Exception {
    assertEquals(TraceOptions.DEFAULT, TraceOptions.parse(null));
    assertEquals(TraceOptions.DEFAULT, parse("null"));
    assertEquals(TraceOptions.DEFAULT, parse("{}"));
    assertEquals(TraceOptions.DEFAULT, parse("{\"tracer\":null,\"timeout\":\"10s\",\"reexec\":128}"));
    assertInstanceOf(StructLogger.class, Tracers.create(TraceOptions.DEFAULT, new CancunSpec()));
  }

  @Test
  void structLoggerSwitches() throws Exception {
    TraceOptions o = parse("{\"disableStack\":true,\"disableStorage\":true,\"enableMemory\":true,"
        + "\"enableReturnData\":true,\"limit\":1000}");
    assertEquals(new StructLoggerConfig(true, true, true, true, 1000), o.logger());
    assertEquals(TraceOptions.STRUCT_LOGGER, o.tracer());
  }

  @Test
  void callTracerWithConfig() throws Exception {
    TraceOptions o = parse("{\"tracer\":\"callTracer\",\"tracerConfig\":{\"onlyTopCall\":true,\"withLog\":true,"
        + "\"somethingElse\":1},\"stateOverrides\":{}}");
    assertEquals(TraceOptions.CALL_TRACER, o.tracer());
    assertEquals(new CallTracerConfig(true, true), o.callTracer());
    assertInstanceOf(CallTracer.class, Tracers.create(o, new CancunSpec()));
    assertEquals(CallTracerConfig.DEFAULT, parse("{\"tracer\":\"callTracer\"}").callTracer());
    assertInstanceOf(NoopTracer.class, Tracers.create(parse("{\"tracer\":\"noopTracer\"}"), new CancunSpec()));
  }

  @Test
  void unknownTracerIsAClearError() {
    TraceOptionsException e = assertThrows(TraceOptionsException.class, () -> parse("{\"tracer\":\"prestateTracer\"}"));
    assertTrue(e.getMessage().contains("prestateTracer"), e.getMessage());
    assertTrue(e.getMessage().contains("callTracer"), e.getMessage());
  }

  @Test
  void wronglyTypedFieldsAreErrors() {
    for (String bad : new String[] {"[]", "\"callTracer\"", "{\"tracer\":5}", "{\"disableStack\":\"yes\"}",
        "{\"limit\":1.5}", "{\"limit\":\"10\"}", "{\"limit\":99999999999}", "{\"timeout\":5}",
        "{\"tracer\":\"callTracer\",\"tracerConfig\":[]}",
        "{\"tracer\":\"callTracer\",\"tracerConfig\":{\"onlyTopCall\":1}}"}) {
      assertThrows(TraceOptionsException.class, () -> parse(bad), bad);
    }
  }

  @Test
  void noopTracerReturnsAnEmptyObject() {
    JsonNode r = new NoopTracer().result(new TxSummary(21000, 21000, 0));
    assertEquals("{}", r.toString());
  }
}
