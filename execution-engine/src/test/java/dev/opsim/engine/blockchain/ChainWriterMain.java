package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.store.ChainStore;
import java.nio.file.Path;

/**
 * The child process of {@link EngineCrashTest}: extends the deterministic chain in a RocksDB directory, printing
 * {@code HEAD n} after each block is head, until killed.
 */
public final class ChainWriterMain {
  private ChainWriterMain() {}

  public static void main(String[] args) throws Exception {
    try (Blockchain chain = DeterministicChain.open(ChainStore.openRocksDb(Path.of(args[0])))) {
      while (true) {
        Block block = DeterministicChain.extend(chain);
        System.out.println("HEAD " + block.header().number());
        System.out.flush();
      }
    }
  }
}
