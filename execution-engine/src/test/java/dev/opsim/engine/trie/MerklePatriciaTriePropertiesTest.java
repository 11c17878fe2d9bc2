package dev.opsim.engine.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;

class MerklePatriciaTriePropertiesTest {

  @Provide
  Arbitrary<Map<Bytes, Bytes>> maps() {
    return TrieArbitraries.maps();
  }

  @Provide
  Arbitrary<Map<Bytes, Bytes>> hashKeyedMaps() {
    return TrieArbitraries.hashKeyedMaps();
  }

  @Provide
  Arbitrary<Bytes> keys() {
    return TrieArbitraries.keys();
  }

  private static MerklePatriciaTrie build(Map<Bytes, Bytes> map, NodeStore store) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    map.forEach(trie::put);
    return trie;
  }

  private static Hash reference(Map<Bytes, Bytes> map) {
    return Hash.wrap(ReferenceTrie.root(map));
  }

  /** Byte-wise unsigned order (Tuweni's compareTo compares numerically, so 0x and 0x00 would tie). */
  private static final Comparator<Bytes> LEXICOGRAPHIC =
      (a, b) -> Arrays.compareUnsigned(a.toArrayUnsafe(), b.toArrayUnsafe());

  private static void assertContent(Map<Bytes, Bytes> expected, MerklePatriciaTrie trie) {
    Map<Bytes, Bytes> seen = new HashMap<>();
    List<Bytes> order = new ArrayList<>();
    trie.forEach((k, v) -> {
      seen.put(k, v);
      order.add(k);
    });
    assertEquals(expected, seen);
    List<Bytes> sorted = new ArrayList<>(order);
    sorted.sort(LEXICOGRAPHIC);
    assertEquals(sorted, order, "forEach visits keys in order");
  }

  @Property(tries = 300)
  void rootEqualsTheReferenceComputation(@ForAll("maps") Map<Bytes, Bytes> map, @ForAll("keys") Bytes probe) {
    MerklePatriciaTrie trie = build(map, new InMemoryNodeStore());
    assertEquals(reference(map), trie.rootHash());
    assertEquals(Optional.ofNullable(map.get(probe)), trie.get(probe));
    map.forEach((k, v) -> assertEquals(Optional.of(v), trie.get(k)));
  }

  @Property(tries = 100)
  void rootEqualsTheReferenceForHashShapedKeys(@ForAll("hashKeyedMaps") Map<Bytes, Bytes> map) {
    assertEquals(reference(map), build(map, new InMemoryNodeStore()).rootHash());
  }

  @Property(tries = 200)
  void rootDoesNotDependOnInsertionOrder(@ForAll("maps") Map<Bytes, Bytes> map, @ForAll Random random) {
    List<Map.Entry<Bytes, Bytes>> entries = new ArrayList<>(map.entrySet());
    MerklePatriciaTrie first = build(map, new InMemoryNodeStore());
    Collections.shuffle(entries, random);
    MerklePatriciaTrie second = new MerklePatriciaTrie(new InMemoryNodeStore());
    // Ask for the root between puts too, so cached hashes of shared nodes are exercised.
    for (Map.Entry<Bytes, Bytes> e : entries) {
      second.put(e.getKey(), e.getValue());
      second.rootHash();
    }
    assertEquals(first.rootHash(), second.rootHash());
  }

  @Property(tries = 200)
  void deletesRestoreEarlierRoots(
      @ForAll("maps") Map<Bytes, Bytes> base, @ForAll("maps") Map<Bytes, Bytes> extra, @ForAll Random random) {
    extra.keySet().removeAll(base.keySet());
    MerklePatriciaTrie trie = build(base, new InMemoryNodeStore());
    Hash baseRoot = trie.rootHash();
    extra.forEach(trie::put);
    Map<Bytes, Bytes> current = new HashMap<>(base);
    current.putAll(extra);
    assertEquals(reference(current), trie.rootHash());

    List<Bytes> extraKeys = new ArrayList<>(extra.keySet());
    Collections.shuffle(extraKeys, random);
    for (Bytes key : extraKeys) {
      trie.delete(key);
      current.remove(key);
      assertEquals(reference(current), trie.rootHash());
    }
    assertEquals(baseRoot, trie.rootHash());

    List<Bytes> baseKeys = new ArrayList<>(base.keySet());
    Collections.shuffle(baseKeys, random);
    for (Bytes key : baseKeys) {
      trie.delete(key);
    }
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, trie.rootHash());
    assertTrue(trie.isEmpty());
  }

  @Property(tries = 200)
  void deletingAnAbsentKeyOrPuttingTheSameValueChangesNothing(
      @ForAll("maps") Map<Bytes, Bytes> map, @ForAll("keys") Bytes key) {
    MerklePatriciaTrie trie = build(map, new InMemoryNodeStore());
    Hash root = trie.rootHash();
    if (map.containsKey(key)) {
      trie.put(key, map.get(key));
    } else {
      trie.delete(key);
    }
    assertEquals(root, trie.rootHash());
    trie.put(key, Bytes.EMPTY);
    Map<Bytes, Bytes> without = new HashMap<>(map);
    without.remove(key);
    assertEquals(reference(without), trie.rootHash(), "an empty value deletes");
  }

  @Property(tries = 100)
  void commitAndReloadGivesTheSameTrie(
      @ForAll("maps") Map<Bytes, Bytes> map, @ForAll("maps") Map<Bytes, Bytes> updates,
      @ForAll Random random) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = build(map, store);
    Hash root = trie.commit();
    assertEquals(reference(map), root);

    MerklePatriciaTrie reloaded = new MerklePatriciaTrie(store, root);
    assertEquals(root, reloaded.rootHash());
    assertContent(map, reloaded);

    // Update the lazily loaded trie (inserts and deletes that resolve and collapse stored nodes) and compare
    // with the same changes on the in-memory one and with the reference.
    MerklePatriciaTrie lazy = new MerklePatriciaTrie(store, root);
    Map<Bytes, Bytes> current = new HashMap<>(map);
    List<Bytes> keys = new ArrayList<>(map.keySet());
    Collections.shuffle(keys, random);
    for (int i = 0; i < keys.size() / 2; i++) {
      lazy.delete(keys.get(i));
      trie.delete(keys.get(i));
      current.remove(keys.get(i));
    }
    updates.forEach((k, v) -> {
      lazy.put(k, v);
      trie.put(k, v);
      current.put(k, v);
    });
    assertEquals(reference(current), lazy.rootHash());
    assertEquals(trie.rootHash(), lazy.rootHash());

    Hash second = lazy.commit();
    MerklePatriciaTrie again = new MerklePatriciaTrie(store, second);
    assertContent(current, again);
    assertEquals(second, again.rootHash());
    // The first root is still readable: the store only adds.
    assertContent(map, new MerklePatriciaTrie(store, root));
  }

  @Property(tries = 100)
  void commitWritesOneBatchWithOnlyNewNodes(@ForAll("maps") Map<Bytes, Bytes> map, @ForAll("keys") Bytes key) {
    List<Map<Hash, Bytes>> batches = new ArrayList<>();
    InMemoryNodeStore memory = new InMemoryNodeStore();
    NodeStore recording = new NodeStore() {
      @Override
      public Optional<Bytes> get(Hash hash) {
        return memory.get(hash);
      }

      @Override
      public void putAll(Map<Hash, Bytes> nodes) {
        batches.add(Map.copyOf(nodes));
        memory.putAll(nodes);
      }
    };
    MerklePatriciaTrie trie = build(map, recording);
    trie.commit();
    assertEquals(map.isEmpty() ? 0 : 1, batches.size(), "one batch per commit");
    trie.commit();
    if (batches.size() > 1) {
      // Nothing changed, so the only node written again is a root small enough to live embedded elsewhere.
      assertEquals(1, batches.get(1).size());
      assertTrue(batches.get(1).values().iterator().next().size() < 32);
    }
    trie.put(key, Bytes.of(1, 2, 3));
    Hash root = trie.commit();
    assertEquals(root, new MerklePatriciaTrie(memory, root).rootHash());
    for (Map<Hash, Bytes> batch : batches) {
      batch.forEach((hash, node) -> assertEquals(Keccak.hash(node), hash, "nodes are keyed by their hash"));
    }
  }

  @Property(tries = 200)
  void copiesAreIndependentSnapshots(@ForAll("maps") Map<Bytes, Bytes> map, @ForAll("keys") Bytes key) {
    MerklePatriciaTrie trie = build(map, new InMemoryNodeStore());
    Hash root = trie.rootHash();
    MerklePatriciaTrie copy = trie.copy();
    copy.put(key, Bytes.of(9));
    copy.delete(map.keySet().stream().findFirst().orElse(key));
    assertEquals(root, trie.rootHash());
    assertContent(map, trie);
  }
}
