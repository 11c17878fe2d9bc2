package dev.opsim.engine.trie;

import dev.opsim.engine.rlp.Rlp;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One account's storage (Yellow Paper 4.1): a secure trie from 32-byte slot to the RLP of the slot's value as a
 * minimal big-endian integer. Zero values are not stored; writing zero deletes the slot.
 */
public final class StorageTrie {
  private final SecureTrie trie;

  public StorageTrie(NodeStore store) {
    this.trie = new SecureTrie(store);
  }

  public StorageTrie(NodeStore store, Hash rootHash) {
    this.trie = new SecureTrie(store, rootHash);
  }

  private StorageTrie(SecureTrie trie) {
    this.trie = trie;
  }

  public StorageTrie copy() {
    return new StorageTrie(trie.copy());
  }

  /** The slot's value, zero if unset. */
  public Bytes32 get(Bytes32 slot) {
    Optional<Bytes> stored = trie.get(slot);
    if (stored.isEmpty()) {
      return Bytes32.ZERO;
    }
    try {
      return decodeValue(stored.get());
    } catch (DecodeException e) {
      throw new TrieStorageException("storage slot " + slot + " holds a malformed value: " + e.getMessage(), e);
    }
  }

  /** Sets the slot; zero deletes it. */
  public void put(Bytes32 slot, Bytes32 value) {
    if (value.isZero()) {
      trie.delete(slot);
    } else {
      trie.put(slot, encodeValue(value));
    }
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public Hash commit() {
    return trie.commit();
  }

  /** The EIP-1186 storage proof of {@code slot}. */
  public List<Bytes> proof(Bytes32 slot) {
    return trie.proof(slot);
  }

  /** The stored form of a slot value: RLP of the value without leading zero bytes. */
  public static Bytes encodeValue(Bytes32 value) {
    return Bytes.wrap(Rlp.encodeString(value.trimLeadingZeros().toArrayUnsafe()));
  }

  /**
   * The slot value a stored (or proven) RLP string holds.
   *
   * @throws DecodeException unless the bytes are exactly one canonical RLP integer of at most 32 bytes
   */
  public static Bytes32 decodeValue(Bytes rlp) throws DecodeException {
    if (rlp == null) {
      throw new DecodeException("storage value: no bytes");
    }
    byte[] buf = rlp.toArrayUnsafe();
    Rlp.Item item = Rlp.readItem(buf, 0, buf.length, "storage value");
    if (item.end() != buf.length) {
      throw new DecodeException("storage value: " + (buf.length - item.end()) + " trailing bytes at offset "
          + item.end());
    }
    byte[] value = Rlp.readUnsigned(buf, item, 32, "storage value");
    return Bytes32.leftPad(Bytes.wrap(value));
  }
}
