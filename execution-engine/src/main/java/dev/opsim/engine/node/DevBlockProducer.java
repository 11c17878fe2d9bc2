package dev.opsim.engine.node;

import dev.opsim.engine.blockchain.BlockBuilder;
import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.blockchain.BuildException;
import dev.opsim.engine.blockchain.BuildRequest;
import dev.opsim.engine.blockchain.BuiltBlock;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.txpool.TxPool;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L1 devnet's block producer (geth's {@code --dev.period}): with period 0 a block as soon as the pool has an
 * executable transaction and never an empty one; with period N a block every N seconds, empty or not. Each block
 * is built from the pool, stored, and made head, safe and finalized at once (a dev chain has no reorgs).
 */
public final class DevBlockProducer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevBlockProducer.class);

  private final Blockchain chain;
  private final TxPool pool;
  private final BlockBuilder builder;
  private final InstantSource clock;
  private final long periodSeconds;
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;

  public DevBlockProducer(Blockchain chain, TxPool pool, InstantSource clock, long periodSeconds) {
    this.chain = chain;
    this.pool = pool;
    this.builder = new BlockBuilder(chain, Optional.of(pool));
    this.clock = clock;
    this.periodSeconds = periodSeconds;
    this.thread = Thread.ofPlatform().name("dev-block-producer").daemon(true).unstarted(this::loop);
  }

  public void start() {
    thread.start();
  }

  /** Tells the producer the pool changed (period 0 builds as soon as something is executable). */
  public void poolChanged() {
    wake.release();
  }

  private void loop() {
    while (running) {
      try {
        if (periodSeconds == 0) {
          wake.tryAcquire(1, TimeUnit.SECONDS);
          wake.drainPermits();
          while (running && hasExecutable() && produce().isPresent()) {
            // keep going while the pool has executable transactions
          }
        } else {
          if (wake.tryAcquire(periodSeconds, TimeUnit.SECONDS)) {
            wake.drainPermits();
            continue;
          }
          produce();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("dev block production failed", e);
      }
    }
  }

  private boolean hasExecutable() {
    BlockHeader head = chain.head();
    return pool.pending(EngineNode.nextBaseFee(chain, head)).peek().isPresent();
  }


  /** Builds one block on the head and makes it the head; returns it, or empty when nothing could be built. */
  public synchronized Optional<BlockHeader> produce() {
    long started = System.nanoTime();
    BlockHeader parent = chain.head();
    long now = clock.instant().getEpochSecond();
    long timestamp = Math.max(now, parent.timestamp() + 1);
    boolean cancun = chain.rules().isCancun(parent.number() + 1, timestamp);
    // Deterministic stand-ins for the beacon chain's randomness and block root.
    Hash prevRandao = Keccak.hash(Bytes.concatenate(parent.hash().bytes(), Bytes.ofUnsignedLong(timestamp)));
    BuildRequest request = new BuildRequest(parent.hash(), timestamp, Address.ZERO, prevRandao,
        List.of(), cancun ? Optional.of(parent.hash()) : Optional.empty(), List.of(),
        false, OptionalLong.empty(), Optional.empty());
    BuiltBlock built;
    try {
      built = builder.build(request);
    } catch (BuildException e) {
      LOG.warn("dev block on {} not built: {}", parent.hash(), e.getMessage());
      return Optional.empty();
    }
    if (periodSeconds == 0 && built.block().transactions().isEmpty()) {
      return Optional.empty();
    }
    Hash hash = built.block().hash();
    chain.forkchoice(hash, hash, hash);
    BlockHeader header = built.block().header();
    LOG.info("block {} hash={} txs={} gas={} ms={}", header.number(), hash, built.block().transactions().size(),
        header.gasUsed(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    return Optional.of(header);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
