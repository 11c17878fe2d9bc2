package dev.opsim.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The child process of {@link CrashTest}: opens a RocksDB chain store and commits {@link TestChain} blocks on its
 * head until killed, printing "HEAD number hash" after each commit returns. Exits on its own when its stdin
 * closes (the test JVM died) or after a maximum number of blocks, so it can never outlive a broken test.
 *
 * <p>Arguments: database directory, accounts per block, account universe, maximum blocks.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    TestChain chain = new TestChain(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    int maxBlocks = Integer.parseInt(args[3]);
    Thread watchdog = new Thread(() -> {
      try (InputStream in = System.in) {
        while (in.read() != -1) {
          // the parent never writes; read() returns -1 when it is gone
        }
      } catch (IOException e) {
        // treated as the parent being gone
      }
      Runtime.getRuntime().halt(3);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    try (ChainStore store = ChainStore.openRocksDb(dir)) {
      System.out.println("OPEN " + store.head().map(Object::toString).orElse("none"));
      System.out.flush();
      for (int i = 0; i < maxBlocks; i++) {
        TestChain.Block block = chain.commitNext(store);
        System.out.println("HEAD " + block.number() + " " + block.hash());
        System.out.flush();
      }
    }
  }
}
