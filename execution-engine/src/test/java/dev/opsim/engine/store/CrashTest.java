package dev.opsim.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.SecureTrie;
import dev.opsim.protocol.Hash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a process committing blocks (the "Running it"): a child JVM ({@link CrashWriterMain})
 * commits blocks with state-trie updates to a RocksDB store until the test SIGKILLs it at an arbitrary moment.
 * The reopened store must open, and its head must be a block at least as high as the last one the child
 * reported committed, with header, body, receipts, canonical index, tx lookups and the whole state trie present
 * and equal to what a fresh in-memory replay of the same deterministic chain builds. Three kills, each resuming
 * from the previous crash's database.
 */
class CrashTest {
  private static final int ACCOUNTS_PER_BLOCK = 150;
  private static final int ACCOUNT_UNIVERSE = 20_000;
  private static final TestChain CHAIN = new TestChain(ACCOUNTS_PER_BLOCK, ACCOUNT_UNIVERSE);
  private static final long[] KILL_DELAYS_MS = {150, 450, 900};

  @TempDir
  Path dir;

  @Test
  void killNineAtAnyMomentLeavesTheLastCommittedBlockWhole() throws Exception {
    Path db = dir.resolve("chain");
    long previousHead = -1;
    for (int run = 0; run < KILL_DELAYS_MS.length; run++) {
      Process child = startWriter(db, dir.resolve("child-" + run + ".err"));
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader = Thread.ofPlatform().start(() -> readLines(child, lines));
      try {
        awaitHeadAbove(lines, previousHead, child, dir.resolve("child-" + run + ".err"));
        if (run == 0) {
          // A second process on a directory in use gets a clear error, not a crash or a corrupted database.
          assertThrows(StoreLockedException.class, () -> ChainStore.openRocksDb(db));
        }
        Thread.sleep(KILL_DELAYS_MS[run]);
      } finally {
        child.destroyForcibly();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the killed child did not exit");
        reader.join(5_000);
      }
      long lastPrinted = lastHead(lines);
      long head = verifyStore(db, lastPrinted);
      assertTrue(head > previousHead, "run " + run + " made no progress");
      previousHead = head;
    }
  }

  private static Process startWriter(Path db, Path stderr) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    // C1 only and the serial collector: the child lives a second or two, start-up time is what matters.
    ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, CrashWriterMain.class.getName(), db.toString(), String.valueOf(ACCOUNTS_PER_BLOCK),
        String.valueOf(ACCOUNT_UNIVERSE), "100000");
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
      // the pipe breaks when the child is killed; what was read is what was printed
    }
  }

  private static void awaitHeadAbove(List<String> lines, long previous, Process child, Path stderr)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (lastHead(lines) <= previous) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the writer committed nothing; output " + lines + ", stderr "
            + (Files.exists(stderr) ? Files.readString(stderr) : ""));
      }
      Thread.sleep(10);
    }
  }

  private static long lastHead(List<String> lines) {
    long last = -1;
    for (String line : lines) {
      if (line.startsWith("HEAD ")) {
        last = Long.parseLong(line.split(" ")[1]);
      }
    }
    return last;
  }

  /** Checks the store after a kill and returns its head number. */
  private static long verifyStore(Path db, long lastPrinted) {
    try (ChainStore store = ChainStore.openRocksDb(db); ChainStore replayed = ChainStore.inMemory()) {
      Hash head = store.head().orElseThrow();
      long number = TestChain.numberOf(store.header(head).orElseThrow());
      assertTrue(number >= lastPrinted, "head " + number + " is below the last reported commit " + lastPrinted);
      List<TestChain.Block> expected = CHAIN.replayInto(replayed, number);
      assertEquals(expected.get((int) number).hash(), head);
      for (TestChain.Block block : expected) {
        ChainWrite.BlockData data = block.write().blocks().get(block.hash());
        assertEquals(Optional.of(block.hash()), store.canonicalHash(block.number()));
        assertEquals(Optional.of(data.header()), store.header(block.hash()));
        assertEquals(Optional.of(data.body()), store.body(block.hash()));
        assertEquals(Optional.of(data.receipts()), store.receipts(block.hash()));
        for (int i = 0; i < block.txHashes().size(); i++) {
          assertEquals(Optional.of(new TxLocation(block.hash(), i)), store.txLocation(block.txHashes().get(i)));
        }
      }
      // Nothing above the head is canonical: the block being written when killed left no trace in the index.
      assertEquals(Optional.empty(), store.canonicalHash(number + 1));
      Hash root = expected.getLast().stateRoot();
      assertEquals(entries(replayed, root), entries(store, root));
      Hash storageRoot = store.accountTrie(root).get(TestChain.CONTRACT).map(AccountState::storageRoot)
          .orElseThrow();
      assertEquals(entries(replayed, storageRoot), entries(store, storageRoot));
      assertEquals(Optional.of(TestChain.codeOf(number / 10)),
          store.code(AccountState.codeHashOf(TestChain.codeOf(number / 10))));
      return number;
    }
  }

  /** Every entry of the trie at {@code root}: a walk that fails if any node is missing. */
  private static List<Bytes> entries(ChainStore store, Hash root) {
    List<Bytes> entries = new ArrayList<>();
    new SecureTrie(store.nodeStore(), root).forEachHashed((key, value) -> {
      entries.add(key);
      entries.add(value);
    });
    return entries;
  }
}
