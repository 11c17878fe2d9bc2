package dev.opsim.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.tuweni.bytes.Bytes;

/**
 * Random sequences of imports, reorgs and rewinds applied to a chain store and to a plain map model give the
 * same canonical index and head after every step, in memory and on RocksDB.
 */
class CanonicalIndexProperties {
  /** One fork-choice step, relative to the current canonical tip so every generated step is valid. */
  sealed interface Step {}

  /** Imports {@code count} blocks on the tip, one commit each. */
  record Extend(int count) implements Step {}

  /** Replaces the blocks above {@code tip - back} with a new branch of {@code length} blocks, in one commit. */
  record Reorg(int back, int length) implements Step {}

  /** Makes the block {@code back} below the tip the head (forkchoiceUpdated to an ancestor). */
  record Rewind(int back) implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> extend = Arbitraries.integers().between(1, 4).map(Extend::new);
    Arbitrary<Step> reorg = Combinators.combine(Arbitraries.integers().between(0, 6),
        Arbitraries.integers().between(1, 6)).as(Reorg::new);
    Arbitrary<Step> rewind = Arbitraries.integers().between(0, 5).map(Rewind::new);
    return Arbitraries.frequencyOf(
        Tuple.of(4, extend), Tuple.of(2, reorg), Tuple.of(1, rewind))
        .list().ofMaxSize(25);
  }

  @Property(tries = 200)
  void inMemoryStoreFollowsTheModel(@ForAll("steps") List<Step> steps) {
    try (ChainStore store = ChainStore.inMemory()) {
      run(store, steps);
    }
  }

  @Property(tries = 8)
  void rocksDbStoreFollowsTheModelAcrossAReopen(@ForAll("steps") List<Step> steps) throws IOException {
    Path dir = Files.createTempDirectory("opsim-canonical");
    try {
      int half = steps.size() / 2;
      TreeMap<Long, Hash> model;
      try (ChainStore store = ChainStore.openRocksDb(dir)) {
        model = run(store, steps.subList(0, half));
      }
      try (ChainStore store = ChainStore.openRocksDb(dir)) {
        assertSameView(store, model, model.lastEntry().getValue());
        run(store, model, steps.subList(half, steps.size()));
      }
    } finally {
      deleteRecursively(dir);
    }
  }

  private TreeMap<Long, Hash> run(ChainStore store, List<Step> steps) {
    Hash genesis = newBlock(store, 0);
    store.commit(new ChainWrite().block(genesis, header(0), Bytes.EMPTY, Bytes.EMPTY)
        .canonical(List.of(new CanonicalEntry(0, genesis))).head(genesis));
    TreeMap<Long, Hash> model = new TreeMap<>();
    model.put(0L, genesis);
    run(store, model, steps);
    return model;
  }

  private void run(ChainStore store, TreeMap<Long, Hash> model, List<Step> steps) {
    long highestEver = model.lastKey();
    for (Step step : steps) {
      long tip = model.lastKey();
      switch (step) {
        case Extend(int count) -> {
          for (int i = 1; i <= count; i++) {
            long number = tip + i;
            Hash hash = newBlock(store, number);
            store.commit(new ChainWrite().block(hash, header(number), Bytes.EMPTY, Bytes.EMPTY)
                .canonical(List.of(new CanonicalEntry(number, hash))).head(hash));
            model.put(number, hash);
          }
        }
        case Reorg(int back, int length) -> {
          long forkPoint = Math.max(0, tip - back);
          ChainWrite write = new ChainWrite();
          List<CanonicalEntry> branch = new ArrayList<>();
          model.tailMap(forkPoint, false).clear();
          for (long number = forkPoint + 1; number <= forkPoint + length; number++) {
            Hash hash = newBlock(store, number);
            write.block(hash, header(number), Bytes.EMPTY, Bytes.EMPTY);
            branch.add(new CanonicalEntry(number, hash));
            model.put(number, hash);
          }
          store.commit(write.canonical(branch).head(branch.getLast().hash()));
        }
        case Rewind(int back) -> {
          long target = Math.max(0, tip - back);
          Hash hash = model.get(target);
          store.commit(new ChainWrite().canonical(List.of(new CanonicalEntry(target, hash))).head(hash));
          model.tailMap(target, false).clear();
        }
      }
      highestEver = Math.max(highestEver, model.lastKey());
      assertSameView(store, model, model.lastEntry().getValue());
      assertEquals(Optional.empty(), store.canonicalHash(highestEver + 1));
      for (long n = model.lastKey() + 1; n <= highestEver; n++) {
        assertEquals(Optional.empty(), store.canonicalHash(n), "stale canonical entry at " + n);
      }
    }
  }

  private static void assertSameView(ChainStore store, TreeMap<Long, Hash> model, Hash head) {
    model.forEach((number, hash) -> assertEquals(Optional.of(hash), store.canonicalHash(number), "at " + number));
    assertEquals(Optional.of(head), store.head());
  }

  private int counter;

  /** A fresh block hash (the store never looks inside headers). */
  private Hash newBlock(ChainStore store, long number) {
    return Keccak.hash(Bytes.concatenate(header(number), Bytes.ofUnsignedInt(counter++)));
  }

  private static Bytes header(long number) {
    return Bytes.ofUnsignedLong(number);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
