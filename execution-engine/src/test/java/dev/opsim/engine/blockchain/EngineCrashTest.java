package dev.opsim.engine.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.store.ChainStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a process importing blocks through the real chain (execution, state commit, fork choice): after each
 * kill the chain reopens at a head no lower than the last one the child reported, with the same hash and state
 * root as an in-memory replay, every recipient's balance readable, and it extends from there.
 */
class EngineCrashTest {
  private static final long[] KILL_DELAYS_MS = {200, 600};

  @TempDir
  Path dir;

  @Test
  void killNineMidImportLosesAtMostTheBlockBeingWritten() throws Exception {
    Path db = dir.resolve("chaindata");
    long previousHead = 0;
    for (int run = 0; run < KILL_DELAYS_MS.length; run++) {
      Path stderr = dir.resolve("child-" + run + ".err");
      Process child = start(db, stderr);
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader = Thread.ofPlatform().start(() -> readLines(child, lines));
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lastHead(lines) <= previousHead) {
          if (!child.isAlive() || System.nanoTime() > deadline) {
            throw new AssertionError("the child imported nothing: " + lines + " " + Files.readString(stderr));
          }
          Thread.sleep(10);
        }
        Thread.sleep(KILL_DELAYS_MS[run]);
      } finally {
        child.destroyForcibly();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the killed child did not exit");
        reader.join(5_000);
      }
      previousHead = verify(db, lastHead(lines));
    }
  }

  private long verify(Path db, long lastPrinted) throws Exception {
    try (Blockchain chain = DeterministicChain.open(ChainStore.openRocksDb(db));
        Blockchain replay = DeterministicChain.open(ChainStore.inMemory())) {
      BlockHeader head = chain.head();
      assertTrue(head.number() >= lastPrinted, "head " + head.number() + " below the reported " + lastPrinted);
      while (replay.head().number() < head.number()) {
        DeterministicChain.extend(replay);
      }
      assertEquals(replay.head().hash(), head.hash(), "head hash vs replay");
      assertEquals(replay.head().stateRoot(), head.stateRoot(), "state root vs replay");
      for (long n = 1; n <= head.number(); n++) {
        assertEquals(BigInteger.valueOf(n * 1000 + 3),
            chain.state(head).account(DeterministicChain.recipient(n, 3)).balance(), "recipient of block " + n);
      }
      DeterministicChain.extend(chain);
      assertEquals(head.number() + 1, chain.head().number());
      return chain.head().number();
    }
  }

  private static Process start(Path db, Path stderr) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        ChainWriterMain.class.getName(), db.toString());
    builder.redirectError(stderr.toFile());
    return builder.start();
  }

  private static void readLines(Process child, List<String> lines) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the pipe breaks when the child is killed
    }
  }

  private static long lastHead(List<String> lines) {
    long last = 0;
    for (String line : lines) {
      if (line.startsWith("HEAD ")) {
        last = Long.parseLong(line.substring(5).trim());
      }
    }
    return last;
  }
}
