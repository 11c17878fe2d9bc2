package dev.opsim.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.tuweni.bytes.Bytes;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteOptions;

/**
 * A {@link KeyValueStore} in a RocksDB directory, one RocksDB column family per {@link ColumnFamily}, all created
 * on open. Each {@link #write} is one RocksDB write batch through the write-ahead log, hence atomic across column
 * families and across a crash; see {@link RocksDbSettings#syncWrites()} for what a crash can lose.
 *
 * <p>RocksDB locks the directory, so a second opener (another process, or this one twice) gets a {@link
 * StoreLockedException} rather than a corrupted database. Use after {@link #close()} throws {@link
 * StoreException} instead of touching freed native memory.
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
  private static final byte[] DEFAULT_FAMILY = RocksDB.DEFAULT_COLUMN_FAMILY;

  private final Path directory;
  private final RocksDB db;
  private final DBOptions dbOptions;
  private final List<ColumnFamilyOptions> familyOptions;
  private final List<ColumnFamilyHandle> handles;
  private final Map<ColumnFamily, ColumnFamilyHandle> byFamily;
  private final Cache blockCache;
  private final BloomFilter bloomFilter;
  private final WriteOptions writeOptions;
  // Reads and writes hold the read lock, close takes the write lock: no native call on a closed handle.
  private final ReadWriteLock closeLock = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksDbKeyValueStore(Path directory, RocksDB db, DBOptions dbOptions,
      List<ColumnFamilyOptions> familyOptions, List<ColumnFamilyHandle> handles,
      Map<ColumnFamily, ColumnFamilyHandle> byFamily, Cache blockCache, BloomFilter bloomFilter,
      WriteOptions writeOptions) {
    this.directory = directory;
    this.db = db;
    this.dbOptions = dbOptions;
    this.familyOptions = familyOptions;
    this.handles = handles;
    this.byFamily = byFamily;
    this.blockCache = blockCache;
    this.bloomFilter = bloomFilter;
    this.writeOptions = writeOptions;
  }

  /** Opens the database at {@code directory} with {@link RocksDbSettings#DEFAULT}, creating it if absent. */
  public static RocksDbKeyValueStore open(Path directory) {
    return open(directory, RocksDbSettings.DEFAULT);
  }

  /**
   * Opens the database at {@code directory}, creating the directory, the database and any missing column family.
   *
   * @throws StoreLockedException if the directory is already open
   * @throws StoreException if it cannot be opened for another reason (not a database, corrupt, I/O)
   */
  public static RocksDbKeyValueStore open(Path directory, RocksDbSettings settings) {
    RocksDB.loadLibrary();
    Path dir = directory.toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create the database directory " + dir + ": " + e.getMessage(), e);
    }
    Cache cache = new LRUCache(settings.blockCacheBytes());
    BloomFilter bloom = new BloomFilter(10);
    DBOptions dbOptions = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        // After kill -9 the WAL may end in a torn record: replay every complete batch before it and stop there,
        // so the database is exactly the state after the last finished write.
        .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery)
        .setMaxTotalWalSize(64L << 20)
        .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
        .setKeepLogFileNum(3)
        .setMaxLogFileSize(8L << 20)
        .setMaxOpenFiles(512);
    List<ColumnFamilyOptions> familyOptions = new ArrayList<>();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(DEFAULT_FAMILY, options(familyOptions, cache, bloom, false)));
    for (ColumnFamily family : ColumnFamily.values()) {
      // Trie nodes and hashes are keccak output and do not compress; headers, bodies, code and receipts do.
      boolean compress = family != ColumnFamily.TRIE_NODES && family != ColumnFamily.CANONICAL
          && family != ColumnFamily.TX_LOOKUP;
      descriptors.add(new ColumnFamilyDescriptor(family.dbNameBytes(), options(familyOptions, cache, bloom,
          compress)));
    }
    for (byte[] unknown : existingFamilies(dir)) {
      // RocksDB refuses to open without every family on disk; one we do not know (a newer version's) is kept.
      if (descriptors.stream().noneMatch(d -> Arrays.equals(d.getName(), unknown))) {
        descriptors.add(new ColumnFamilyDescriptor(unknown, options(familyOptions, cache, bloom, false)));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB db;
    try {
      db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
    } catch (RocksDBException e) {
      familyOptions.forEach(ColumnFamilyOptions::close);
      dbOptions.close();
      bloom.close();
      cache.close();
      if (isLockError(e)) {
        throw new StoreLockedException(dir, e);
      }
      throw new StoreException("cannot open the database at " + dir + ": " + e.getMessage(), e);
    }
    Map<ColumnFamily, ColumnFamilyHandle> byFamily = new EnumMap<>(ColumnFamily.class);
    for (ColumnFamily family : ColumnFamily.values()) {
      byFamily.put(family, handles.get(family.ordinal() + 1));
    }
    WriteOptions writeOptions = new WriteOptions().setSync(settings.syncWrites());
    return new RocksDbKeyValueStore(dir, db, dbOptions, familyOptions, handles, byFamily, cache, bloom,
        writeOptions);
  }

  private static ColumnFamilyOptions options(List<ColumnFamilyOptions> created, Cache cache, BloomFilter bloom,
      boolean compress) {
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(cache)
        .setFilterPolicy(bloom)
        .setBlockSize(16 * 1024);
    ColumnFamilyOptions options = new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setCompressionType(compress ? CompressionType.LZ4_COMPRESSION : CompressionType.NO_COMPRESSION)
        .setWriteBufferSize(32L << 20);
    created.add(options);
    return options;
  }

  private static List<byte[]> existingFamilies(Path dir) {
    if (!Files.exists(dir.resolve("CURRENT"))) {
      return List.of();
    }
    try (Options options = new Options()) {
      return RocksDB.listColumnFamilies(options, dir.toString());
    } catch (RocksDBException e) {
      if (isLockError(e)) {
        throw new StoreLockedException(dir, e);
      }
      throw new StoreException("cannot list the column families of " + dir + ": " + e.getMessage(), e);
    }
  }

  // RocksDB reports the directory lock as an IOError whose text names the LOCK file ("While lock file: ...
  // Resource temporarily unavailable" from another process, "lock hold by current process" from this one).
  private static boolean isLockError(RocksDBException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("lock file") || message.contains("lock hold") || message.contains("/lock:");
  }

  public Path directory() {
    return directory;
  }

  @Override
  public Optional<Bytes> get(ColumnFamily family, Bytes key) {
    closeLock.readLock().lock();
    try {
      checkOpen();
      byte[] value = db.get(byFamily.get(family), key.toArrayUnsafe());
      return value == null ? Optional.empty() : Optional.of(Bytes.wrap(value));
    } catch (RocksDBException e) {
      throw new StoreException("read of " + family.dbName() + " " + key + " failed: " + e.getMessage(), e);
    } finally {
      closeLock.readLock().unlock();
    }
  }

  @Override
  public void scan(ColumnFamily family, Bytes fromInclusive, Bytes toExclusive, EntryVisitor visitor) {
    closeLock.readLock().lock();
    try (RocksIterator it = newIterator(family)) {
      // An iterator reads from the implicit snapshot taken when it was created.
      if (fromInclusive == null) {
        it.seekToFirst();
      } else {
        it.seek(fromInclusive.toArrayUnsafe());
      }
      byte[] end = toExclusive == null ? null : toExclusive.toArrayUnsafe();
      for (; it.isValid(); it.next()) {
        byte[] key = it.key();
        if (end != null && Arrays.compareUnsigned(key, end) >= 0) {
          break;
        }
        if (!visitor.visit(Bytes.wrap(key), Bytes.wrap(it.value()))) {
          break;
        }
      }
      it.status();
    } catch (RocksDBException e) {
      throw new StoreException("scan of " + family.dbName() + " failed: " + e.getMessage(), e);
    } finally {
      closeLock.readLock().unlock();
    }
  }

  private RocksIterator newIterator(ColumnFamily family) {
    checkOpen();
    return db.newIterator(byFamily.get(family));
  }

  @Override
  public void write(WriteBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    closeLock.readLock().lock();
    try (org.rocksdb.WriteBatch native_ = new org.rocksdb.WriteBatch()) {
      checkOpen();
      for (WriteBatch.Operation op : batch.operations()) {
        ColumnFamilyHandle handle = byFamily.get(op.family());
        if (op.isDelete()) {
          native_.delete(handle, op.key().toArrayUnsafe());
        } else {
          native_.put(handle, op.key().toArrayUnsafe(), op.value().toArrayUnsafe());
        }
      }
      db.write(writeOptions, native_);
    } catch (RocksDBException e) {
      throw new StoreException("write of a " + batch.size() + "-operation batch to " + directory + " failed: "
          + e.getMessage(), e);
    } finally {
      closeLock.readLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException("the database at " + directory + " is closed");
    }
  }

  /**
   * Syncs the write-ahead log (so a clean shutdown is durable even against a later power loss), then releases
   * the database and its directory lock.
   */
  @Override
  public void close() {
    closeLock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      RocksDBException failure = null;
      try {
        db.syncWal();
      } catch (RocksDBException e) {
        failure = e;
      }
      handles.forEach(ColumnFamilyHandle::close);
      try {
        db.closeE();
      } catch (RocksDBException e) {
        failure = failure == null ? e : failure;
      }
      writeOptions.close();
      familyOptions.forEach(ColumnFamilyOptions::close);
      dbOptions.close();
      bloomFilter.close();
      blockCache.close();
      if (failure != null) {
        throw new StoreException("closing the database at " + directory + " failed: " + failure.getMessage(),
            failure);
      }
    } finally {
      closeLock.writeLock().unlock();
    }
  }
}
