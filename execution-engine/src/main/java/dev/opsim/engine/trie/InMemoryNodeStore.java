package dev.opsim.engine.trie;

import dev.opsim.protocol.Hash;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes;

/** A {@link NodeStore} in a hash map, for tests, root computations and short-lived chains. */
public final class InMemoryNodeStore implements NodeStore {
  private final Map<Hash, Bytes> nodes = new ConcurrentHashMap<>();

  @Override
  public Optional<Bytes> get(Hash hash) {
    return Optional.ofNullable(nodes.get(hash));
  }

  @Override
  public void putAll(Map<Hash, Bytes> batch) {
    // Content-addressed, so readers never see a half-written node; the batch as a whole is visible piecewise,
    // which is fine in memory where there is no crash to survive.
    batch.forEach((hash, node) -> nodes.put(hash, node.copy()));
  }

  /** How many nodes are stored. */
  public int size() {
    return nodes.size();
  }
}
