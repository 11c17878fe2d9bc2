package dev.opsim.engine.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class StorageTrieTest {

  @Test
  void storageTrieStoresMinimalValuesAndDeletesZero() throws DecodeException {
    StorageTrie storage = new StorageTrie(new InMemoryNodeStore());
    Bytes32 slot = Bytes32.fromHexString("0x01");
    storage.put(slot, Bytes32.fromHexString("0x0100"));
    // The stored value is RLP of 0x0100 without leading zeros: 0x82 0x01 0x00.
    SecureTrie raw = new SecureTrie(new InMemoryNodeStore());
    raw.put(slot, Bytes.fromHexString("0x820100"));
    assertEquals(raw.rootHash(), storage.rootHash());
    assertEquals(Bytes32.fromHexString("0x0100"), storage.get(slot));
    assertEquals(Bytes32.ZERO, storage.get(Bytes32.ZERO));
    storage.put(slot, Bytes32.ZERO);
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, storage.rootHash());
    assertEquals(Bytes.of(0x01), StorageTrie.encodeValue(Bytes32.fromHexString("0x01")));
    assertEquals(Bytes32.fromHexString("0x01"), StorageTrie.decodeValue(Bytes.of(0x01)));
  }

  @Property(tries = 300)
  void storageValuesRoundTrip(@ForAll @Size(32) byte[] word) throws DecodeException {
    Bytes32 value = Bytes32.wrap(word);
    assertEquals(value, StorageTrie.decodeValue(StorageTrie.encodeValue(value)));
  }

  @Property(tries = 500)
  void storageValueDecoderGivesAValueOrDecodeException(@ForAll @Size(max = 40) byte[] garbage) {
    try {
      Bytes32 value = StorageTrie.decodeValue(Bytes.wrap(garbage));
      assertEquals(Bytes.wrap(garbage), StorageTrie.encodeValue(value), "only canonical encodings decode");
    } catch (DecodeException expected) {
      // fine
    } catch (RuntimeException e) {
      fail("unchecked exception from the decoder: " + e, e);
    }
  }

  @Test
  void storageProofsProveTheRlpValue() throws DecodeException {
    InMemoryNodeStore store = new InMemoryNodeStore();
    StorageTrie storage = new StorageTrie(store);
    for (int i = 1; i <= 20; i++) {
      storage.put(Bytes32.leftPad(Bytes.of(i)), Bytes32.leftPad(Bytes.of(i, 0)));
    }
    Bytes32 slot = Bytes32.leftPad(Bytes.of(7));
    Hash root = storage.commit();
    Optional<Bytes> proven = SecureTrie.verifyProof(root, slot, storage.proof(slot));
    assertEquals(Bytes32.leftPad(Bytes.of(7, 0)), StorageTrie.decodeValue(proven.orElseThrow()));
    assertEquals(Bytes32.leftPad(Bytes.of(7, 0)), new StorageTrie(store, root).get(slot));
  }
}
