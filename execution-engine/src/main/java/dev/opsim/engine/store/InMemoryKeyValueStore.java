package dev.opsim.engine.store;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.tuweni.bytes.Bytes;

/**
 * A {@link KeyValueStore} in sorted maps, for tests and ephemeral devnets. A read-write lock makes each batch
 * appear at once to readers, as RocksDB does.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {
  /** Unsigned lexicographic order, RocksDB's default bytewise comparator. */
  static final Comparator<Bytes> BYTEWISE =
      (a, b) -> Arrays.compareUnsigned(a.toArrayUnsafe(), b.toArrayUnsafe());

  private final Map<ColumnFamily, NavigableMap<Bytes, Bytes>> families = new EnumMap<>(ColumnFamily.class);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  public InMemoryKeyValueStore() {
    for (ColumnFamily family : ColumnFamily.values()) {
      families.put(family, new TreeMap<>(BYTEWISE));
    }
  }

  @Override
  public Optional<Bytes> get(ColumnFamily family, Bytes key) {
    lock.readLock().lock();
    try {
      checkOpen();
      return Optional.ofNullable(families.get(family).get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void scan(ColumnFamily family, Bytes fromInclusive, Bytes toExclusive, EntryVisitor visitor) {
    lock.readLock().lock();
    try {
      checkOpen();
      NavigableMap<Bytes, Bytes> entries = families.get(family);
      if (fromInclusive != null) {
        entries = entries.tailMap(fromInclusive, true);
      }
      if (toExclusive != null) {
        entries = entries.headMap(toExclusive, false);
      }
      for (Map.Entry<Bytes, Bytes> entry : entries.entrySet()) {
        if (!visitor.visit(entry.getKey(), entry.getValue())) {
          return;
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void write(WriteBatch batch) {
    lock.writeLock().lock();
    try {
      checkOpen();
      // Operations were validated when added, so applying them cannot fail halfway.
      for (WriteBatch.Operation op : batch.operations()) {
        NavigableMap<Bytes, Bytes> entries = families.get(op.family());
        if (op.isDelete()) {
          entries.remove(op.key());
        } else {
          entries.put(op.key(), op.value());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** How many entries {@code family} holds. */
  public int size(ColumnFamily family) {
    lock.readLock().lock();
    try {
      return families.get(family).size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException("the in-memory store is closed");
    }
  }
}
