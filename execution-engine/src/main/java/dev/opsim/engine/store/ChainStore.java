package dev.opsim.engine.store;

import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.NodeStore;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.protocol.Hash;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * The persistent chain (architecture.md "Storage"): blocks as opaque encoded bytes by hash, the canonical index,
 * tx lookups, fork-choice pointers, code and the state tries' nodes. All writes go through {@link #commit}, one
 * atomic batch each, so after {@code kill -9} at any moment the store holds exactly the state after some
 * finished commit: the head's header, body, receipts and state trie are all present.
 *
 * <p>Reads are thread-safe and may run during a commit; each read sees the commit entirely or not at all, and
 * since a block's data is written no later than any pointer to it, a hash read from {@link #head()} or the
 * canonical index always finds its header. Commits are serialized.
 */
public interface ChainStore extends AutoCloseable {
  /** A store in a RocksDB directory (created if absent); see {@link RocksDbKeyValueStore#open(Path)}. */
  static ChainStore openRocksDb(Path directory) {
    return new KeyValueChainStore(RocksDbKeyValueStore.open(directory));
  }

  static ChainStore openRocksDb(Path directory, RocksDbSettings settings) {
    return new KeyValueChainStore(RocksDbKeyValueStore.open(directory, settings));
  }

  /** A store in memory, gone when closed. */
  static ChainStore inMemory() {
    return new KeyValueChainStore(new InMemoryKeyValueStore());
  }

  /**
   * The node store for every state and storage trie of this chain. Trie commits into it are staged and become
   * durable with the next {@link #commit}, atomically with the block they belong to.
   */
  NodeStore nodeStore();

  /** The state trie with this root, loading nodes lazily from {@link #nodeStore()}. */
  default AccountTrie accountTrie(Hash stateRoot) {
    return new AccountTrie(nodeStore(), stateRoot);
  }

  /** An account's storage trie with this root, loading nodes lazily from {@link #nodeStore()}. */
  default StorageTrie storageTrie(Hash storageRoot) {
    return new StorageTrie(nodeStore(), storageRoot);
  }

  Optional<Bytes> header(Hash blockHash);

  Optional<Bytes> body(Hash blockHash);

  Optional<Bytes> receipts(Hash blockHash);

  /** The hash of the canonical block at {@code number} (uint64). */
  Optional<Hash> canonicalHash(long number);

  Optional<TxLocation> txLocation(Hash txHash);

  /** Code by its keccak hash. */
  Optional<Bytes> code(Hash codeHash);

  Optional<Hash> head();

  Optional<Hash> safe();

  Optional<Hash> finalized();

  Optional<Long> chainId();

  Optional<Hash> genesisHash();

  /** Metadata stored with {@link ChainWrite#metadata}. */
  Optional<Bytes> metadata(String key);

  /**
   * Writes {@code write} and every trie node staged in {@link #nodeStore()} as one atomic batch.
   *
   * @throws IllegalArgumentException if a head, safe or finalized pointer or a canonical entry names a block
   *     whose header is neither stored nor in this write; nothing is written then
   * @throws StoreException if the database fails; nothing is written then either
   */
  void commit(ChainWrite write);

  /** Shorthand for a commit of only a canonical rewrite (see {@link ChainWrite#canonical}). */
  default void setCanonical(List<CanonicalEntry> entries) {
    commit(new ChainWrite().canonical(entries));
  }

  @Override
  void close();
}
