package dev.opsim.engine.trie;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes;

/**
 * A trie keyed by keccak-256 of the key (Yellow Paper 4.1, the state and storage tries), so paths are uniformly
 * spread and 64 nibbles long whatever the key. The preimages are not kept.
 */
public final class SecureTrie {
  private final MerklePatriciaTrie trie;

  public SecureTrie(NodeStore store) {
    this(new MerklePatriciaTrie(store));
  }

  public SecureTrie(NodeStore store, Hash rootHash) {
    this(new MerklePatriciaTrie(store, rootHash));
  }

  private SecureTrie(MerklePatriciaTrie trie) {
    this.trie = trie;
  }

  public SecureTrie copy() {
    return new SecureTrie(trie.copy());
  }

  public Optional<Bytes> get(Bytes key) {
    return trie.get(hashed(key));
  }

  /** Stores {@code value} under keccak({@code key}); an empty value deletes. */
  public void put(Bytes key, Bytes value) {
    trie.put(hashed(key), value);
  }

  public void delete(Bytes key) {
    trie.delete(hashed(key));
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  /** See {@link MerklePatriciaTrie#commit()}. */
  public Hash commit() {
    return trie.commit();
  }

  /** The proof of {@code key} (along the path keccak({@code key})). */
  public List<Bytes> proof(Bytes key) {
    return trie.proof(hashed(key));
  }

  /** Visits every hashed key and value, in hashed-key order. */
  public void forEachHashed(BiConsumer<Bytes, Bytes> visitor) {
    trie.forEach(visitor);
  }

  /** Like {@link MerkleProof#verify} for a secure trie: hashes {@code key} first. */
  public static Optional<Bytes> verifyProof(Hash root, Bytes key, List<Bytes> proof) throws DecodeException {
    if (key == null) {
      throw new DecodeException("proof check: no key given");
    }
    return MerkleProof.verify(root, hashed(key), proof);
  }

  private static Bytes hashed(Bytes key) {
    return Keccak.hash(key).bytes();
  }
}
