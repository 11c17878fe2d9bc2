package dev.opsim.devnet.genesis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.devnet.CliRun;
import dev.opsim.protocol.config.RollupConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisCommandTest {
  @Test
  void bothCommandsWriteTheirFilesTwiceTheSame(@TempDir Path dir) throws Exception {
    for (String run : new String[] {"a", "b"}) {
      CliRun l1 = CliRun.of("genesis", "l1", "--out", dir.resolve(run + "/l1").toString());
      assertEquals(0, l1.exitCode(), l1.err());
      assertTrue(l1.out().toLowerCase().contains("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"), l1.out());
      CliRun l2 = CliRun.of("genesis", "l2", "--l1-genesis", dir.resolve(run + "/l1/genesis.json").toString(),
          "--out", dir.resolve(run + "/l2").toString());
      assertEquals(0, l2.exitCode(), l2.err());
    }
    for (String file : new String[] {"l1/genesis.json", "l1/addresses.json", "l2/genesis.json", "l2/rollup.json"}) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a/" + file)), Files.readAllBytes(dir.resolve("b/" + file)),
          file);
    }
    String rollup = Files.readString(dir.resolve("a/l2/rollup.json"));
    RollupConfig config = RollupConfig.fromJson(rollup);
    assertEquals(rollup, config.toJson() + "\n", "rollup.json round-trips through RollupConfig");
    assertEquals(900, config.l1ChainId());
    assertEquals(901, config.l2ChainId());
    assertEquals(2, config.blockTime());
  }

  @Test
  void aMissingL1GenesisIsOneLineAndExitOne(@TempDir Path dir) {
    CliRun run = CliRun.of("genesis", "l2", "--l1-genesis", dir.resolve("nope.json").toString(), "--out",
        dir.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.errIsOneLine(), run.err());
  }

  @Test
  void equalChainIdsAreAUsageError(@TempDir Path dir) {
    CliRun run = CliRun.of("genesis", "l1", "--out", dir.toString(), "--l1-chain-id", "5", "--l2-chain-id", "5");
    assertEquals(2, run.exitCode());
  }
}
