package dev.opsim.engine.store;

import dev.opsim.engine.trie.NodeStore;
import dev.opsim.protocol.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes;

/**
 * A trie {@link NodeStore} over the {@link ColumnFamily#TRIE_NODES} family whose {@link #putAll} stages nodes
 * instead of writing them: they are readable at once (from memory) and reach the disk in the next batch that
 * {@link #stageInto} fills, normally the block's {@link ChainStore#commit} batch, so a block's state nodes and
 * its header and head pointer land together or not at all. {@link #flush()} writes the staged nodes on their own.
 *
 * <p>Nodes are content-addressed: a staged node that never gets committed (a block that failed validation after
 * its trie was committed) is harmless and is written with the next batch, which keeps every trie whose commit
 * returned readable for as long as the process lives. Thread-safe.
 */
public final class KeyValueNodeStore implements NodeStore {
  private final KeyValueStore store;
  private final Map<Hash, Bytes> staged = new ConcurrentHashMap<>();

  public KeyValueNodeStore(KeyValueStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Optional<Bytes> get(Hash hash) {
    Bytes pending = staged.get(hash);
    if (pending != null) {
      return Optional.of(pending);
    }
    return store.get(ColumnFamily.TRIE_NODES, hash.bytes());
  }

  /** Stages the nodes; see the class comment for when they are written. */
  @Override
  public void putAll(Map<Hash, Bytes> nodes) {
    nodes.forEach((hash, node) -> staged.put(hash, Bytes.wrap(node.toArray())));
  }

  /**
   * Adds every staged node to {@code batch} and returns them; pass the result to {@link #written} once the
   * batch is in the store. Until then the nodes stay staged, so they remain readable whether the write succeeds
   * or fails.
   */
  public Map<Hash, Bytes> stageInto(WriteBatch batch) {
    Map<Hash, Bytes> taken = new HashMap<>(staged);
    taken.forEach((hash, node) -> batch.put(ColumnFamily.TRIE_NODES, hash.bytes(), node));
    return taken;
  }

  /** Forgets the staged copies of nodes that a finished write put into the store. */
  public void written(Map<Hash, Bytes> nodes) {
    // remove(key, value): a node staged again meanwhile is the same bytes anyway (content-addressed).
    nodes.forEach(staged::remove);
  }

  /** Writes the staged nodes as one batch of their own. */
  public void flush() {
    WriteBatch batch = new WriteBatch();
    Map<Hash, Bytes> taken = stageInto(batch);
    store.write(batch);
    written(taken);
  }

  /** How many nodes wait for the next batch. */
  public int stagedCount() {
    return staged.size();
  }
}
