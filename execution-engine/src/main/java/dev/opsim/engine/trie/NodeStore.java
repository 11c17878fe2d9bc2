package dev.opsim.engine.trie;

import dev.opsim.protocol.Hash;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Where committed trie nodes live, keyed by the keccak-256 of their RLP encoding. Nodes are content-addressed and
 * never change, so a store only ever adds; many tries (every block's state, every account's storage) share it.
 */
public interface NodeStore {
  /** The encoding of the node with this hash, or empty if the store does not hold it. */
  Optional<Bytes> get(Hash hash);

  /**
   * Writes every node of one commit as one atomic batch: after a crash either all of them are present or none,
   * so a root that was returned by a finished commit is always fully readable.
   */
  void putAll(Map<Hash, Bytes> nodes);
}
