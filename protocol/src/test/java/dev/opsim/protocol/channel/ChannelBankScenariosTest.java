package dev.opsim.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** frame-vectors.json {@code channel_bank}: op-node's channel bank scenarios, replayed on {@link TestChannelBank}. */
class ChannelBankScenariosTest {
  private static final long L1_BLOCK = 100;

  /** {@code "<id text>:<number>:<payload>[!]"}, the id text left-aligned in 16 zero bytes. */
  static Frame parseFrame(String notation) {
    String[] parts = notation.split(":", 3);
    byte[] id = new byte[16];
    byte[] idText = parts[0].getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(idText, 0, id, 0, idText.length);
    boolean last = parts[2].endsWith("!");
    String payload = last ? parts[2].substring(0, parts[2].length() - 1) : parts[2];
    return Frame.of(ChannelId.wrap(id), Integer.parseInt(parts[1]), payload.getBytes(StandardCharsets.US_ASCII),
        last);
  }

  /**
   * Drives the bank as op-node's {@code NextData} does: read first; if nothing is ready, load the next frame.
   * Returns the trace of "load ..." and "out ..." events.
   */
  static List<String> replay(TestChannelBank bank, List<String> input) {
    List<String> trace = new ArrayList<>();
    int next = 0;
    while (true) {
      Optional<Bytes> out = bank.read(L1_BLOCK);
      if (out.isPresent()) {
        trace.add("out " + new String(out.get().toArrayUnsafe(), StandardCharsets.US_ASCII));
      } else if (next < input.size()) {
        bank.ingest(parseFrame(input.get(next)), L1_BLOCK);
        trace.add("load " + input.get(next++));
      } else {
        return trace;
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> scenarios() throws Exception {
    JsonNode scenarios = FrameVectorsTest.vectors().get("channel_bank").get("scenarios");
    assertEquals(4, scenarios.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode s : scenarios) {
      tests.add(DynamicTest.dynamicTest(s.get("name").asText(), () -> {
        JsonNode config = s.get("config");
        TestChannelBank bank = new TestChannelBank(config.get("channelTimeout").asLong(),
            config.get("canyon").asBoolean());
        List<String> input = new ArrayList<>();
        s.get("input_order").forEach(n -> input.add(n.asText()));
        List<String> expected = new ArrayList<>();
        // Expected outputs may carry a note in parentheses after the payload.
        s.get("expected_outputs").forEach(n -> expected.add(n.asText().split(" \\(", 2)[0]));

        List<String> trace = replay(bank, input);
        List<String> outputs = trace.stream().filter(e -> e.startsWith("out ")).map(e -> e.substring(4)).toList();
        assertEquals(expected, outputs, "trace " + trace);
        if (s.get("name").asText().equals("interleaved-post-canyon")) {
          // "available as soon as b:0 is loaded", before a:1
          assertTrue(trace.indexOf("out premieredeuxtrois") == trace.indexOf("load b:0:premiere") + 1, "" + trace);
          assertTrue(trace.indexOf("out premieredeuxtrois") < trace.indexOf("load a:1:second"), "" + trace);
        }
      }));
    }
    return tests.stream();
  }
}
