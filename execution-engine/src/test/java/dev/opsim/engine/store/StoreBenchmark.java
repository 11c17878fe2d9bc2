package dev.opsim.engine.store;

import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rough timings, not assertions: a 10k-account state update committed to RocksDB as one block, and read rates.
 * Opt-in: {@code -Dtest=StoreBenchmark -Dopsim.bench=true}. Prints one line per measurement.
 */
@EnabledIfSystemProperty(named = "opsim.bench", matches = "true")
class StoreBenchmark {
  private static final int ACCOUNTS_PER_BLOCK = 10_000;
  private static final int BLOCKS = 12;

  @TempDir
  Path dir;

  @Test
  void commitAndReadRates() {
    Hash root;
    Hash blockHash = Hash.ZERO;
    SplittableRandom random = new SplittableRandom(1);
    try (ChainStore store = ChainStore.openRocksDb(dir.resolve("bench"))) {
      root = MerklePatriciaTrie.EMPTY_ROOT;
      KeyValueNodeStore nodes = (KeyValueNodeStore) store.nodeStore();
      for (int block = 0; block < BLOCKS; block++) {
        long t0 = System.nanoTime();
        AccountTrie state = store.accountTrie(root);
        for (int i = 0; i < ACCOUNTS_PER_BLOCK; i++) {
          // Half the updates touch accounts of earlier blocks, half create new ones.
          long index = i % 2 == 0 && block > 0 ? random.nextLong(block * (long) ACCOUNTS_PER_BLOCK)
              : block * (long) ACCOUNTS_PER_BLOCK + i;
          Address address = TestChain.account(index);
          AccountState account = state.get(address).orElse(AccountState.EMPTY);
          state.put(address, account.withNonce(account.nonce() + 1).withBalance(BigInteger.valueOf(index)));
        }
        long t1 = System.nanoTime();
        root = state.commit();
        int staged = nodes.stagedCount();
        long t2 = System.nanoTime();
        blockHash = Hash.ofLong(block + 1);
        store.commit(new ChainWrite().block(blockHash, Bytes.concatenate(root.bytes(), Bytes.repeat((byte) 1, 500)),
                Bytes.repeat((byte) 2, 20_000), Bytes.repeat((byte) 3, 20_000))
            .canonical(List.of(new CanonicalEntry(block, blockHash))).head(blockHash));
        long t3 = System.nanoTime();
        System.out.printf("BENCH block %d: %d account updates %.1f ms, trie hash+stage %.1f ms (%d nodes), "
                + "RocksDB commit %.1f ms%n", block, ACCOUNTS_PER_BLOCK, ms(t1 - t0), ms(t2 - t1), staged,
            ms(t3 - t2));
      }
    }
    try (ChainStore store = ChainStore.openRocksDb(dir.resolve("bench"))) {
      long accounts = ACCOUNTS_PER_BLOCK; // block 0 created indices 0..9999; later blocks leave gaps
      int reads = 50_000;
      long t0 = System.nanoTime();
      for (int i = 0; i < reads; i++) {
        // A fresh trie per read: every node on the path comes from RocksDB (its block cache), none from memory.
        store.accountTrie(root).get(TestChain.account(random.nextLong(accounts))).orElseThrow();
      }
      long t1 = System.nanoTime();
      AccountTrie warm = store.accountTrie(root);
      for (int i = 0; i < reads; i++) {
        warm.get(TestChain.account(random.nextLong(accounts)));
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < reads; i++) {
        warm.get(TestChain.account(random.nextLong(accounts)));
      }
      long t3 = System.nanoTime();
      for (int i = 0; i < reads; i++) {
        store.header(blockHash).orElseThrow();
      }
      long t4 = System.nanoTime();
      System.out.printf("BENCH reopened store: %.0f account reads/s via RocksDB per node, %.0f/s on a trie "
              + "filling its node cache, %.0f/s on a warm trie, %.0f header reads/s%n", reads / sec(t1 - t0),
          reads / sec(t2 - t1), reads / sec(t3 - t2), reads / sec(t4 - t3));
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double sec(long nanos) {
    return nanos / 1e9;
  }
}
