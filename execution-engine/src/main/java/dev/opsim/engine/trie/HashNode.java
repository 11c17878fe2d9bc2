package dev.opsim.engine.trie;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A child known only by its hash, read from the store the first time a walk needs it (lazy loading from a root
 * hash). The resolved node is remembered so the store is asked once.
 */
final class HashNode extends Node {
  private final Hash hash;
  private Node resolved;

  HashNode(Hash hash) {
    this.hash = hash;
    markStored();
  }

  @Override
  Hash hash() {
    return hash;
  }

  @Override
  byte[] encode() {
    throw new IllegalStateException("an unresolved node has no encoding at hand: " + hash);
  }

  @Override
  boolean embedded() {
    return false;
  }

  @Override
  int referenceLength() {
    return 33;
  }

  @Override
  int writeReference(byte[] out, int pos) {
    out[pos] = (byte) 0xa0;
    System.arraycopy(hash.bytes().toArrayUnsafe(), 0, out, pos + 1, 32);
    return pos + 33;
  }

  Node resolve(NodeStore store) {
    Node r = resolved;
    if (r == null) {
      Optional<Bytes> bytes = store.get(hash);
      if (bytes.isEmpty()) {
        throw new TrieStorageException("trie node " + hash + " is missing from the store");
      }
      try {
        r = NodeCodec.decode(bytes.get().toArray(), hash);
      } catch (DecodeException e) {
        throw new TrieStorageException("trie node " + hash + " in the store is corrupt: " + e.getMessage(), e);
      }
      resolved = r;
    }
    return r;
  }
}
