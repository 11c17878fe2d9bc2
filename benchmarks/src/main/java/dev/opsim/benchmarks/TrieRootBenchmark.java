package dev.opsim.benchmarks;

import dev.opsim.engine.store.ChainStore;
import dev.opsim.engine.store.ChainWrite;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.InMemoryNodeStore;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The state root of {@code accounts} accounts put into an empty {@link AccountTrie}, one operation per whole
 * trie: {@code rootHash} only hashes (nothing is stored), {@code inMemoryCommit} also writes every node to an
 * {@link InMemoryNodeStore}, {@code rocksDbCommit} commits into a fresh RocksDB {@link ChainStore} (a new
 * temporary directory per operation, opened and deleted outside the timing) including the store's atomic batch
 * write. The accounts are fixed pseudo-random: random addresses, nonces and balances, one in ten a "contract"
 * with random storage root and code hash (longer leaves). Every operation checks its root against the one
 * computed in set-up, so the three variants are known to agree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class TrieRootBenchmark {
  @Param({"10000", "100000"})
  public int accounts;

  private Address[] addresses;
  private AccountState[] states;
  private Hash expectedRoot;

  @Setup(Level.Trial)
  public void generate() {
    SplittableRandom random = new SplittableRandom(0x5eed_7819L);
    addresses = new Address[accounts];
    states = new AccountState[accounts];
    for (int i = 0; i < accounts; i++) {
      addresses[i] = Address.wrap(randomBytes(random, Address.SIZE));
      BigInteger balance = new BigInteger(1, randomBytes(random, 1 + random.nextInt(12)));
      boolean contract = random.nextInt(10) == 0;
      states[i] = new AccountState(random.nextInt(1000), balance,
          contract ? Hash.wrap(randomBytes(random, 32)) : MerklePatriciaTrie.EMPTY_ROOT,
          contract ? Hash.wrap(randomBytes(random, 32)) : AccountState.EMPTY_CODE_HASH);
    }
    expectedRoot = fill(new AccountTrie(new InMemoryNodeStore())).rootHash();
  }

  @Benchmark
  public Hash rootHash() {
    return checked(fill(new AccountTrie(new InMemoryNodeStore())).rootHash());
  }

  @Benchmark
  public Hash inMemoryCommit() {
    return checked(fill(new AccountTrie(new InMemoryNodeStore())).commit());
  }

  @Benchmark
  public Hash rocksDbCommit(RocksDbStore rocksDb) {
    Hash root = fill(new AccountTrie(rocksDb.store.nodeStore())).commit();
    rocksDb.store.commit(new ChainWrite());
    return checked(root);
  }

  /** A fresh, empty RocksDB chain store for every operation. */
  @State(Scope.Thread)
  public static class RocksDbStore {
    Path directory;
    ChainStore store;

    @Setup(Level.Invocation)
    public void open() throws IOException {
      directory = Files.createTempDirectory("opsim-trie-bench");
      store = ChainStore.openRocksDb(directory);
    }

    @TearDown(Level.Invocation)
    public void closeAndDelete() throws IOException {
      store.close();
      try (Stream<Path> paths = Files.walk(directory)) {
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

  private AccountTrie fill(AccountTrie trie) {
    for (int i = 0; i < accounts; i++) {
      trie.put(addresses[i], states[i]);
    }
    return trie;
  }

  private Hash checked(Hash root) {
    if (!root.equals(expectedRoot)) {
      throw new IllegalStateException("root " + root + " differs from the set-up root " + expectedRoot);
    }
    return root;
  }

  private static byte[] randomBytes(SplittableRandom random, int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }
}
