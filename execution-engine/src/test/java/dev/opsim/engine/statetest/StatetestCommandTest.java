package dev.opsim.engine.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's report format: JSON array on stdout, the summary line last on stderr, exit code. */
class StatetestCommandTest {
  private record Run(int exit, JsonNode json, String lastErrLine) {}

  private static Run run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine(new StatetestCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
    return new Run(exit, new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)), lines[lines.length - 1]);
  }

  @Test
  void reportsEveryEntryOfADirectory() throws Exception {
    Path dir = Fixtures.path("ethereum-tests/GeneralStateTests/VMTests/vmBitwiseLogicOperation");
    Run r = run("--fork", "Cancun", dir.toString());
    assertTrue(r.json().isArray() && r.json().size() > 0);
    JsonNode first = r.json().get(0);
    for (String field : new String[] {"name", "pass", "stateRoot", "fork", "logsHash", "gasUsed", "file", "index"}) {
      assertTrue(first.has(field), field);
    }
    assertEquals(r.json().size() + " passed, 0 failed", r.lastErrLine());
    assertEquals(0, r.exit());
  }

  @Test
  void forkFilterCountsSkippedEntries() throws Exception {
    Path file = Fixtures.path("ethereum-tests/GeneralStateTests/Pyspecs/shanghai/eip3651_warm_coinbase");
    Run r = run("--fork", "Cancun", file.toString());
    assertTrue(r.lastErrLine().matches("\\d+ passed, 0 failed, \\d+ skipped"), r.lastErrLine());
  }

  @Test
  void aWrongExpectationFailsWithExitCode1(@TempDir Path tmp) throws Exception {
    Path src = Fixtures.path("ethereum-tests/GeneralStateTests/VMTests/vmArithmeticTest/add.json");
    String text = Files.readString(src);
    // corrupt every expected state root
    String broken = text.replaceAll("\"hash\" : \"0x[0-9a-f]{4}", "\"hash\" : \"0xdead");
    Path f = tmp.resolve("add.json");
    Files.writeString(f, broken);
    Run r = run("--run", "^add$", f.toString());
    assertEquals(1, r.exit());
    assertTrue(r.lastErrLine().matches("0 passed, \\d+ failed"), r.lastErrLine());
    assertTrue(r.json().get(0).get("error").asText().startsWith("post state root mismatch"));
  }
}
