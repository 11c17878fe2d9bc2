package dev.opsim.engine.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class MerkleProofTest {

  @Provide
  Arbitrary<Map<Bytes, Bytes>> maps() {
    return TrieArbitraries.maps();
  }

  @Provide
  Arbitrary<Bytes> keys() {
    return TrieArbitraries.keys();
  }

  @Provide
  Arbitrary<Map<Bytes, Bytes>> hashKeyedMaps() {
    return TrieArbitraries.hashKeyedMaps();
  }

  private static MerklePatriciaTrie build(Map<Bytes, Bytes> map) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
    map.forEach(trie::put);
    return trie;
  }

  /** The verifier's only allowed outcomes on any input: a value, proven absence, or DecodeException. */
  private static void assertValueOrDecodeException(Hash root, Bytes key, List<Bytes> proof) {
    try {
      MerkleProof.verify(root, key, proof);
    } catch (DecodeException expected) {
      // fine
    } catch (RuntimeException e) {
      fail("unchecked exception from the verifier: " + e, e);
    }
  }

  @Property(tries = 300)
  void proofsVerifyForPresentAndAbsentKeys(@ForAll("maps") Map<Bytes, Bytes> map, @ForAll("keys") Bytes probe)
      throws DecodeException {
    MerklePatriciaTrie trie = build(map);
    Hash root = trie.rootHash();
    assertEquals(Optional.ofNullable(map.get(probe)), MerkleProof.verify(root, probe, trie.proof(probe)));
    for (Bytes key : map.keySet()) {
      assertEquals(Optional.of(map.get(key)), MerkleProof.verify(root, key, trie.proof(key)));
    }
  }

  @Property(tries = 100)
  void proofsFromALazilyLoadedTrieAreTheSame(@ForAll("hashKeyedMaps") Map<Bytes, Bytes> map) {
    MerklePatriciaTrie trie = build(map);
    Hash root = trie.commit();
    MerklePatriciaTrie reloaded = new MerklePatriciaTrie(trie.store(), root);
    for (Bytes key : map.keySet()) {
      assertEquals(trie.proof(key), reloaded.proof(key));
    }
  }

  @Property(tries = 300)
  void aProofNeverShowsAWrongValue(
      @ForAll("maps") Map<Bytes, Bytes> map, @ForAll("keys") Bytes provenKey, @ForAll("keys") Bytes askedKey) {
    // A proof built for one key, checked for another, may fail or prove something, but only the truth.
    MerklePatriciaTrie trie = build(map);
    try {
      Optional<Bytes> result = MerkleProof.verify(trie.rootHash(), askedKey, trie.proof(provenKey));
      assertEquals(Optional.ofNullable(map.get(askedKey)), result);
    } catch (DecodeException expected) {
      // the proof does not cover the asked key's path
    }
  }

  @Property(tries = 300)
  void tamperedProofsAreRejected(
      @ForAll("maps") Map<Bytes, Bytes> map, @ForAll("keys") Bytes key,
      @ForAll @IntRange(min = 0, max = 1000) int nodePick, @ForAll @IntRange(min = 0, max = 10_000) int bytePick,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    MerklePatriciaTrie trie = build(map);
    List<Bytes> proof = trie.proof(key);
    if (proof.isEmpty()) {
      return;
    }
    Hash root = trie.rootHash();
    int n = nodePick % proof.size();
    byte[] node = proof.get(n).toArray();
    node[bytePick % node.length] ^= (byte) flip;
    List<Bytes> tampered = new ArrayList<>(proof);
    tampered.set(n, Bytes.wrap(node));
    assertThrows(DecodeException.class, () -> MerkleProof.verify(root, key, tampered));

    List<Bytes> truncated = new ArrayList<>(proof.subList(0, proof.size() - 1));
    assertThrows(DecodeException.class, () -> MerkleProof.verify(root, key, truncated));

    List<Bytes> extended = new ArrayList<>(proof);
    extended.add(proof.get(n));
    assertThrows(DecodeException.class, () -> MerkleProof.verify(root, key, extended));
  }

  @Property(tries = 500)
  void garbageNodesGiveAValueOrDecodeException(
      @ForAll @Size(max = 120) byte[] garbage, @ForAll("keys") Bytes key) {
    // With the root set to the garbage's own hash the verifier really decodes it.
    Bytes node = Bytes.wrap(garbage);
    assertValueOrDecodeException(Keccak.hash(garbage), key, List.of(node));
    assertValueOrDecodeException(Keccak.hash(garbage), key, List.of(node, node));
  }

  @Property(tries = 200)
  void mutatedRealNodesGiveAValueOrDecodeException(
      @ForAll("maps") Map<Bytes, Bytes> map, @ForAll("keys") Bytes key,
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 0, max = 255) int value,
      @ForAll @IntRange(min = 0, max = 2) int mutation) {
    MerklePatriciaTrie trie = build(map);
    List<Bytes> proof = trie.proof(key);
    if (proof.isEmpty()) {
      return;
    }
    byte[] rootNode = proof.get(0).toArray();
    int at = position % rootNode.length;
    byte[] mutated = switch (mutation) {
      case 0 -> {
        rootNode[at] = (byte) value;
        yield rootNode;
      }
      case 1 -> Arrays.copyOf(rootNode, at);
      default -> {
        byte[] longer = Arrays.copyOf(rootNode, rootNode.length + 1 + at % 3);
        longer[rootNode.length] = (byte) value;
        yield longer;
      }
    };
    List<Bytes> forged = new ArrayList<>(proof);
    forged.set(0, Bytes.wrap(mutated));
    // The root is recomputed so the mutated node passes the hash check and reaches the decoder.
    assertValueOrDecodeException(Keccak.hash(mutated), key, forged);
  }

  @Test
  void emptyTrieNeedsAnEmptyProof() throws DecodeException {
    Hash empty = MerklePatriciaTrie.EMPTY_ROOT;
    assertEquals(Optional.empty(), MerkleProof.verify(empty, Bytes.of(1), List.of()));
    assertEquals(List.of(), MerklePatriciaTrie.inMemory().proof(Bytes.of(1)));
    assertThrows(DecodeException.class, () -> MerkleProof.verify(empty, Bytes.of(1), List.of(Bytes.of(0x80))));
  }

  @Test
  void missingOrNullInputsAreDecodeExceptions() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
    trie.put(Bytes.of(1), Bytes.of(2));
    Hash root = trie.rootHash();
    assertThrows(DecodeException.class, () -> MerkleProof.verify(root, Bytes.of(1), List.of()));
    assertThrows(DecodeException.class, () -> MerkleProof.verify(root, Bytes.of(1), null));
    assertThrows(DecodeException.class, () -> MerkleProof.verify(null, Bytes.of(1), List.of()));
    List<Bytes> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(DecodeException.class, () -> MerkleProof.verify(root, Bytes.of(1), withNull));
  }

  @Test
  void nonCanonicalNodesAreRejectedEvenWhenTheHashMatches() {
    // A branch with a single entry would have been folded; a leaf with an empty value cannot exist; an
    // extension with an empty path neither; an RLP string header around a byte below 0x80 is not canonical.
    List<byte[]> forged = new ArrayList<>();
    forged.add(RefRlp.encode(branchWithOnlyValue()));
    forged.add(RefRlp.encode(List.of(new byte[] {0x20}, new byte[0])));
    forged.add(RefRlp.encode(List.of(new byte[] {0x00}, Keccak.hash(new byte[0]).toArray())));
    forged.add(new byte[] {(byte) 0xc4, (byte) 0x81, 0x20, (byte) 0x81, 0x05});
    forged.add(new byte[] {(byte) 0xc2, 0x20, 0x05}); // the same node, canonical, to show the contrast
    for (int i = 0; i < forged.size() - 1; i++) {
      byte[] node = forged.get(i);
      int index = i;
      assertThrows(DecodeException.class,
          () -> MerkleProof.verify(Keccak.hash(node), Bytes.EMPTY, List.of(Bytes.wrap(node))), "case " + index);
    }
    byte[] canonical = forged.get(forged.size() - 1);
    try {
      assertEquals(Optional.of(Bytes.of(5)),
          MerkleProof.verify(Keccak.hash(canonical), Bytes.EMPTY, List.of(Bytes.wrap(canonical))));
    } catch (DecodeException e) {
      fail(e);
    }
  }

  private static List<Object> branchWithOnlyValue() {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      items.add(new byte[0]);
    }
    items.add(new byte[] {1});
    return items;
  }

  @Test
  void secureTrieProofsHashTheKey() throws DecodeException {
    SecureTrie trie = new SecureTrie(new InMemoryNodeStore());
    for (int i = 0; i < 50; i++) {
      trie.put(Bytes.of(i), Bytes.of(i + 1));
    }
    Hash root = trie.rootHash();
    assertEquals(Optional.of(Bytes.of(8)), SecureTrie.verifyProof(root, Bytes.of(7), trie.proof(Bytes.of(7))));
    assertEquals(Optional.empty(), SecureTrie.verifyProof(root, Bytes.of(99), trie.proof(Bytes.of(99))));
    assertThrows(DecodeException.class, () -> SecureTrie.verifyProof(root, null, trie.proof(Bytes.of(7))));
  }
}
