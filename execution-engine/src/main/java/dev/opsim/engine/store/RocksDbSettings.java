package dev.opsim.engine.store;

/**
 * Tuning of a {@link RocksDbKeyValueStore}.
 *
 * @param syncWrites fsync the write-ahead log on every batch. Off by default: a batch is in the WAL (in the OS
 *     page cache) when {@code write} returns, which survives {@code kill -9} of our process, the failure the
 *     issue asks us to survive. Only an OS crash or power loss can drop the last batches, and even then RocksDB
 *     recovers to a consistent earlier point (the database is never corrupted, a suffix of blocks is lost). Turn
 *     it on where a block once acknowledged must survive power loss; it costs one fsync per block.
 * @param blockCacheBytes size of the LRU cache shared by all column families for uncompressed data blocks
 */
public record RocksDbSettings(boolean syncWrites, long blockCacheBytes) {
  /** A devnet default: no per-block fsync, 64 MiB of block cache. */
  public static final RocksDbSettings DEFAULT = new RocksDbSettings(false, 64L << 20);

  public RocksDbSettings {
    if (blockCacheBytes <= 0) {
      throw new IllegalArgumentException("block cache size must be positive, got " + blockCacheBytes);
    }
  }

  public RocksDbSettings withSyncWrites(boolean sync) {
    return new RocksDbSettings(sync, blockCacheBytes);
  }
}
