package dev.opsim.engine.store;

import dev.opsim.engine.trie.NodeStore;
import dev.opsim.protocol.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * {@link ChainStore} over any {@link KeyValueStore}: RocksDB for a node with a data directory, memory for tests
 * and ephemeral chains. Key layouts are on {@link ColumnFamily}.
 */
public final class KeyValueChainStore implements ChainStore {
  static final int SCHEMA_VERSION = 1;

  private final KeyValueStore store;
  private final KeyValueNodeStore nodes;
  private final Object commitLock = new Object();

  /**
   * A chain store over {@code store}, which it now owns (closes). Marks a new database with the current layout
   * version and refuses one with another.
   *
   * @throws StoreException if the database has an unknown layout version
   */
  public KeyValueChainStore(KeyValueStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.nodes = new KeyValueNodeStore(store);
    Optional<Bytes> version = store.get(ColumnFamily.METADATA, Metadata.key(Metadata.SCHEMA_VERSION));
    if (version.isEmpty()) {
      store.write(new WriteBatch().put(ColumnFamily.METADATA, Metadata.key(Metadata.SCHEMA_VERSION),
          Bytes.ofUnsignedInt(SCHEMA_VERSION)));
    } else if (version.get().size() != 4 || version.get().getInt(0) != SCHEMA_VERSION) {
      store.close();
      throw new StoreException("the database has layout version " + version.get() + ", this build reads "
          + SCHEMA_VERSION);
    }
  }

  @Override
  public NodeStore nodeStore() {
    return nodes;
  }

  @Override
  public Optional<Bytes> header(Hash blockHash) {
    return store.get(ColumnFamily.HEADERS, blockHash.bytes());
  }

  @Override
  public Optional<Bytes> body(Hash blockHash) {
    return store.get(ColumnFamily.BODIES, blockHash.bytes());
  }

  @Override
  public Optional<Bytes> receipts(Hash blockHash) {
    return store.get(ColumnFamily.RECEIPTS, blockHash.bytes());
  }

  @Override
  public Optional<Hash> canonicalHash(long number) {
    return store.get(ColumnFamily.CANONICAL, numberKey(number)).map(KeyValueChainStore::toHash);
  }

  @Override
  public Optional<TxLocation> txLocation(Hash txHash) {
    return store.get(ColumnFamily.TX_LOOKUP, txHash.bytes()).map(TxLocation::decode);
  }

  @Override
  public Optional<Bytes> code(Hash codeHash) {
    return store.get(ColumnFamily.CODE, codeHash.bytes());
  }

  @Override
  public Optional<Hash> head() {
    return metadataHash(Metadata.HEAD);
  }

  @Override
  public Optional<Hash> safe() {
    return metadataHash(Metadata.SAFE);
  }

  @Override
  public Optional<Hash> finalized() {
    return metadataHash(Metadata.FINALIZED);
  }

  @Override
  public Optional<Long> chainId() {
    return rawMetadata(Metadata.CHAIN_ID).map(value -> {
      if (value.size() != 8) {
        throw new StoreException("the stored chain id is " + value.size() + " bytes, expected 8");
      }
      return value.getLong(0);
    });
  }

  @Override
  public Optional<Hash> genesisHash() {
    return metadataHash(Metadata.GENESIS_HASH);
  }

  @Override
  public Optional<Bytes> metadata(String key) {
    return rawMetadata(key);
  }

  @Override
  public void commit(ChainWrite write) {
    synchronized (commitLock) {
      WriteBatch batch = new WriteBatch();
      for (Hash pointer : write.pointers()) {
        requireBlock(write, pointer, "fork-choice pointer");
      }
      write.blocks().values().forEach(block -> {
        batch.put(ColumnFamily.HEADERS, block.hash().bytes(), block.header());
        batch.put(ColumnFamily.BODIES, block.hash().bytes(), block.body());
        batch.put(ColumnFamily.RECEIPTS, block.hash().bytes(), block.receipts());
      });
      write.code().forEach((hash, code) -> batch.put(ColumnFamily.CODE, hash.bytes(), code));
      write.txLookups().forEach((txHash, location) -> {
        if (location.isPresent()) {
          batch.put(ColumnFamily.TX_LOOKUP, txHash.bytes(), location.get().encode());
        } else {
          batch.delete(ColumnFamily.TX_LOOKUP, txHash.bytes());
        }
      });
      write.canonical().ifPresent(entries -> rewriteCanonical(write, entries, batch));
      write.head().ifPresent(hash -> batch.put(ColumnFamily.METADATA, Metadata.key(Metadata.HEAD), hash.bytes()));
      write.safe().ifPresent(hash -> batch.put(ColumnFamily.METADATA, Metadata.key(Metadata.SAFE), hash.bytes()));
      write.finalized().ifPresent(hash ->
          batch.put(ColumnFamily.METADATA, Metadata.key(Metadata.FINALIZED), hash.bytes()));
      write.metadata().forEach((key, value) -> batch.put(ColumnFamily.METADATA, Metadata.key(key), value));
      Map<Hash, Bytes> stagedNodes = nodes.stageInto(batch);
      store.write(batch);
      nodes.written(stagedNodes);
    }
  }

  private void rewriteCanonical(ChainWrite write, List<CanonicalEntry> entries, WriteBatch batch) {
    for (CanonicalEntry entry : entries) {
      requireBlock(write, entry.hash(), "canonical entry " + Long.toUnsignedString(entry.number()));
      batch.put(ColumnFamily.CANONICAL, numberKey(entry.number()), entry.hash().bytes());
    }
    long tip = entries.getLast().number();
    if (tip == -1L) {
      return; // 2^64-1: nothing can be above it
    }
    // Keys are big-endian numbers, so everything above the tip is one key range. Deleted key by key rather than
    // with a range tombstone: usually there is nothing there, and a tombstone per block would slow reads.
    List<Bytes> above = new ArrayList<>();
    store.scan(ColumnFamily.CANONICAL, numberKey(tip + 1), null, (key, value) -> above.add(key));
    above.forEach(key -> batch.delete(ColumnFamily.CANONICAL, key));
  }

  private void requireBlock(ChainWrite write, Hash hash, String what) {
    if (!write.blocks().containsKey(hash) && header(hash).isEmpty()) {
      throw new IllegalArgumentException(what + " names block " + hash + ", which is not stored");
    }
  }

  @Override
  public void close() {
    store.close();
  }

  private Optional<Bytes> rawMetadata(String key) {
    return store.get(ColumnFamily.METADATA, Metadata.key(key));
  }

  private Optional<Hash> metadataHash(String key) {
    return rawMetadata(key).map(KeyValueChainStore::toHash);
  }

  private static Hash toHash(Bytes stored) {
    if (stored.size() != 32) {
      throw new StoreException("a stored hash is " + stored.size() + " bytes, expected 32");
    }
    return Hash.wrap(stored);
  }

  static Bytes numberKey(long number) {
    return Bytes.ofUnsignedLong(number);
  }
}
