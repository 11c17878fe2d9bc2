package dev.opsim.engine.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Roots and proofs known from the Yellow Paper, hand-worked nodes, and other clients' published tests. */
class MerklePatriciaTrieKnownRootsTest {

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static MerklePatriciaTrie trieOf(Map<String, String> entries) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
    entries.forEach((k, v) -> trie.put(ascii(k), ascii(v)));
    return trie;
  }

  private static Map<Bytes, Bytes> bytesMap(Map<String, String> entries) {
    Map<Bytes, Bytes> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(ascii(k), ascii(v)));
    return out;
  }

  @Test
  void emptyRootIsKeccakOfTheEmptyString() {
    // Yellow Paper appendix D: the empty trie's root is KEC(RLP(())) with RLP of the empty string = 0x80.
    assertEquals(Keccak.hash(new byte[] {(byte) 0x80}), MerklePatriciaTrie.EMPTY_ROOT);
    MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, trie.rootHash());
    assertTrue(trie.isEmpty());
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, trie.commit());
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, Hash.wrap(ReferenceTrie.root(Map.of())));
  }

  @Test
  void singleLeafHandWorked() {
    // key "k" = nibbles 6,b (even) -> HP 0x20 0x6b; value "v" = 0x76 encodes as itself.
    // leaf = RLP([0x206b, 0x76]) = c4 82 20 6b 76; the root is hashed even though it is under 32 bytes.
    MerklePatriciaTrie trie = trieOf(Map.of("k", "v"));
    assertEquals(Keccak.hash(b(0xc4, 0x82, 0x20, 0x6b, 0x76)), trie.rootHash());
    assertEquals(List.of(Bytes.wrap(b(0xc4, 0x82, 0x20, 0x6b, 0x76))), trie.proof(ascii("k")));
  }

  /** The wiki's do/dog/doge/horse trie, built node by node by hand in the structure the Ethereum wiki draws. */
  @Test
  void doDogDogeHorseHandBuilt() {
    Object leafCoin = List.of(b(0x35), ascii("coin").toArray()); // doge: nibble 5 left, odd leaf -> 0x35
    Object branchE = branch(Map.of(6, leafCoin), ascii("puppy").toArray()); // dog ends here
    Object extE = List.of(b(0x17), ref(branchE)); // nibble 7 ('g' = 0x67 after the 6), odd extension -> 0x17
    Object branchD = branch(Map.of(6, extE), ascii("verb").toArray()); // do ends here
    Object extB = List.of(b(0x00, 0x6f), ref(branchD)); // nibbles 6,f ('o'), even extension -> 0x00 0x6f
    Object leafHorse = List.of(b(0x20, 0x6f, 0x72, 0x73, 0x65), ascii("stallion").toArray()); // "orse"
    Object branchA = branch(Map.of(4, extB, 8, leafHorse), new byte[0]); // 'd' = 0x64, 'h' = 0x68
    Object root = List.of(b(0x16), ref(branchA)); // the shared first nibble 6, odd extension -> 0x16
    Hash expected = Keccak.hash(RefRlp.encode(root));

    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("do", "verb");
    entries.put("dog", "puppy");
    entries.put("doge", "coin");
    entries.put("horse", "stallion");
    assertEquals(expected, trieOf(entries).rootHash());
    assertEquals(expected, Hash.wrap(ReferenceTrie.root(bytesMap(entries))));
  }

  private static Object ref(Object node) {
    byte[] encoded = RefRlp.encode(node);
    return encoded.length < 32 ? new RefRlp.Raw(encoded) : Keccak.hash(encoded).toArray();
  }

  private static Object branch(Map<Integer, Object> children, byte[] value) {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      items.add(children.containsKey(i) ? ref(children.get(i)) : new byte[0]);
    }
    items.add(value);
    return items;
  }

  private static Map<String, String> dogs() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("doe", "reindeer");
    entries.put("dog", "puppy");
    entries.put("dogglesworth", "cat");
    return entries;
  }

  @Test
  void gethTestInsertRoots() {
    // Source: ethereum/go-ethereum trie/trie_test.go TestInsert (also carver/eth-trie.rs, paritytech triehash).
    Hash dogsRoot = Hash.fromHex("0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3");
    assertEquals(dogsRoot, trieOf(dogs()).rootHash());
    assertEquals(dogsRoot, Hash.wrap(ReferenceTrie.root(bytesMap(dogs()))));

    String fiftyAs = "a".repeat(50);
    Hash longValueRoot = Hash.fromHex("0xd23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab");
    assertEquals(longValueRoot, trieOf(Map.of("A", fiftyAs)).rootHash());
  }

  @Test
  void secureTrieRootOfTheDogs() throws DecodeException {
    // Source: paritytech trie, triehash test_sec_trie_root (keys hashed with keccak-256).
    SecureTrie trie = new SecureTrie(new InMemoryNodeStore());
    dogs().forEach((k, v) -> trie.put(ascii(k), ascii(v)));
    Hash expected = Hash.fromHex("0xd4cd937e4a4368d7931a9cf51686b7e10abb3dce38a39000fd7902a092b64585");
    assertEquals(expected, trie.rootHash());
    assertEquals(Optional.of(ascii("puppy")), trie.get(ascii("dog")));
    assertEquals(Optional.of(ascii("puppy")),
        SecureTrie.verifyProof(expected, ascii("dog"), trie.proof(ascii("dog"))));
  }

  @Test
  void ethTrieProofVectors() throws DecodeException {
    // Source: carver/eth-trie.rs src/trie.rs test_proof_basic: proofs in the dogs trie for "doe" (present)
    // and "dogg" (absent). Embedded nodes are not listed, as in geth's Prove and EIP-1186.
    MerklePatriciaTrie trie = trieOf(dogs());
    List<Bytes> doe = hexList(
        "e5831646f6a0db6ae1fda66890f6693f36560d36b4dca68b4d838f17016b151efe1d4c95c453",
        "f83b8080808080ca20887265696e6465657280a037efd11993cb04a54048c25320e9f29c50a432d28afdf01598b2978ce1ca3068"
            + "808080808080808080");
    List<Bytes> dogg = new ArrayList<>(doe);
    dogg.add(Bytes.fromHexString(
        "e4808080808080ce89376c6573776f72746883636174808080808080808080857075707079"));
    assertEquals(doe, trie.proof(ascii("doe")));
    assertEquals(dogg, trie.proof(ascii("dogg")));
    Hash root = trie.rootHash();
    assertEquals(Optional.of(ascii("reindeer")), MerkleProof.verify(root, ascii("doe"), doe));
    assertEquals(Optional.empty(), MerkleProof.verify(root, ascii("dogg"), dogg));
  }

  private static List<Bytes> hexList(String... hex) {
    return new ArrayList<>(Arrays.stream(hex).map(Bytes::fromHexString).toList());
  }
}
