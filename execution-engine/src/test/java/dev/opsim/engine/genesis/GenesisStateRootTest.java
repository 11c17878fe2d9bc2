package dev.opsim.engine.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.trie.InMemoryNodeStore;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real state roots through the genesis loader (fixture ethereum-tests/GeneralStateTests): a post entry with
 * {@code expectException} leaves the state unchanged, so its {@code hash} is the root of the test's {@code pre}
 * state. Each {@code pre} becomes the {@code alloc} of a genesis.json (keys, hex numbers and short storage words
 * exactly as the fixture writes them), which must load and build to that root.
 */
class GenesisStateRootTest {
  private static final int MAX_CASES = 60;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> preStateThroughGenesisGivesTheStatedRoot() throws IOException {
    Path root = Fixtures.path("ethereum-tests/GeneralStateTests");
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      if (tests.size() >= MAX_CASES) {
        break;
      }
      String text = Files.readString(file);
      if (!text.contains("expectException")) {
        continue;
      }
      JsonNode json = MAPPER.readTree(text);
      for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext() && tests.size() < MAX_CASES; ) {
        Map.Entry<String, JsonNode> test = it.next();
        Hash expected = null;
        for (JsonNode post : test.getValue().path("post").path("Cancun")) {
          if (post.has("expectException")) {
            expected = Hash.fromHex(post.get("hash").asText());
            break;
          }
        }
        if (expected != null) {
          Hash stated = expected;
          JsonNode pre = test.getValue().get("pre");
          tests.add(DynamicTest.dynamicTest(root.relativize(file) + " " + test.getKey(), () -> {
            ObjectNode genesis = MAPPER.createObjectNode();
            genesis.putObject("config").put("chainId", 1).put("londonBlock", 0);
            genesis.set("alloc", pre);
            GenesisSpec spec = GenesisJson.parse(MAPPER.writeValueAsString(genesis));
            GenesisState state = GenesisBuilder.build(spec, new InMemoryNodeStore());
            assertEquals(stated, state.stateRoot());
          }));
        }
      }
    }
    assertTrue(tests.size() >= 10, "the fixture has invalid-transaction cases");
    return tests.stream();
  }
}
