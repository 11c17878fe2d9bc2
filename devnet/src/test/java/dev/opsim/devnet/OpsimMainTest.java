package dev.opsim.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpsimMainTest {
  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exitCode());
    for (String command : new String[] {"decode", "l1-fee", "statetest"}) {
      assertTrue(run.out().contains(command), run.out());
    }
  }

  @Test
  void unknownCommandIsAUsageErrorOnOneLine() {
    CliRun run = CliRun.of("no-such-command");
    assertEquals(2, run.exitCode());
    assertTrue(run.errIsOneLine(), run.err());
  }
}
