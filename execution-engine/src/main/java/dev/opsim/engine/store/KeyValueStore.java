package dev.opsim.engine.store;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Byte keys to byte values in named {@link ColumnFamily column families}, written only in atomic batches. Keys of
 * a family are ordered as unsigned bytes, lexicographically (RocksDB's default), which range scans rely on.
 * Implementations are thread-safe; a reader never sees part of a batch.
 */
public interface KeyValueStore extends AutoCloseable {
  /** What a range scan calls for each entry; returning false stops the scan. */
  @FunctionalInterface
  interface EntryVisitor {
    boolean visit(Bytes key, Bytes value);
  }

  Optional<Bytes> get(ColumnFamily family, Bytes key);

  /**
   * Visits the entries of {@code family} with {@code fromInclusive <= key < toExclusive} in key order; a null
   * bound is open. The visitor sees one consistent snapshot.
   */
  void scan(ColumnFamily family, Bytes fromInclusive, Bytes toExclusive, EntryVisitor visitor);

  /**
   * Applies every operation of {@code batch} at once: readers and a crash at any moment (kill -9) see either all
   * of them or none. On an exception nothing has been applied.
   */
  void write(WriteBatch batch);

  /** Releases the store; a RocksDB store also releases the directory lock. Idempotent. */
  @Override
  void close();
}
