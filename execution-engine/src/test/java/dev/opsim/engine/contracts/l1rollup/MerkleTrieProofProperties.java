package dev.opsim.engine.contracts.l1rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.rlp.Rlp;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;

/**
 * Generated tries and RLP: every key of a random trie verifies in Solidity with its value; a proof with any node
 * altered never verifies; RLPReader accepts exactly the canonical encodings it can re-encode.
 */
class MerkleTrieProofProperties {
  private static final Address USER = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private final L1Evm evm = new L1Evm(USER);
  private final Address harness = evm.deploy(USER, "MerkleTrieHarness");

  @Property(tries = 25)
  void everyKeyOfARandomTrieVerifies(@ForAll("entries") Map<Bytes, Bytes> entries,
      @ForAll @IntRange(min = 0, max = 1000) int pick, @ForAll @IntRange(min = 0, max = 10_000) int flip) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
    entries.forEach(trie::put);
    Hash root = trie.commit();
    List<Bytes> keys = new ArrayList<>(entries.keySet());
    Bytes key = keys.get(pick % keys.size());
    List<Bytes> proof = trie.proof(key);
    TxResult.Executed ok = evm.send(USER, harness, MerkleTrieProofTest.verifyCall("verifyInclusionProof", key,
        entries.get(key), proof, root));
    assertTrue(ok.success(), "key " + key + ": " + ok.output());
    assertEquals(BigInteger.ONE, new BigInteger(1, ok.output().toArrayUnsafe()));

    List<Bytes> tampered = new ArrayList<>(proof);
    int node = flip % proof.size();
    byte[] bytes = proof.get(node).toArray();
    bytes[(flip / proof.size()) % bytes.length] ^= (byte) (1 + flip % 255);
    tampered.set(node, Bytes.wrap(bytes));
    TxResult.Executed bad = evm.send(USER, harness, MerkleTrieProofTest.verifyCall("verifyInclusionProof", key,
        entries.get(key), tampered, root));
    assertFalse(bad.success() && new BigInteger(1, bad.output().toArrayUnsafe()).equals(BigInteger.ONE),
        "an altered proof verified");
  }

  @Property(tries = 60)
  void rlpReaderReadsCanonicalStrings(@ForAll @Size(max = 80) byte[] payload) {
    Bytes encoded = Bytes.wrap(Rlp.encodeString(payload));
    TxResult.Executed result = readBytes(encoded);
    assertTrue(result.success(), "canonical " + encoded);
    assertEquals(Bytes.wrap(payload), decodedBytes(result.output()));
  }

  @Property(tries = 100)
  void rlpReaderAcceptsOnlyWhatReencodesToTheInput(@ForAll @Size(max = 70) byte[] input) {
    TxResult.Executed result = readBytes(Bytes.wrap(input));
    if (result.success()) {
      assertEquals(Bytes.wrap(input), Bytes.wrap(Rlp.encodeString(decodedBytes(result.output()).toArrayUnsafe())));
    }
  }

  @Provide
  Arbitrary<Map<Bytes, Bytes>> entries() {
    Arbitrary<Bytes> keys = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(6).map(Bytes::wrap);
    Arbitrary<Bytes> values = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40).map(Bytes::wrap);
    return Arbitraries.maps(keys, values).ofMinSize(1).ofMaxSize(40);
  }

  private TxResult.Executed readBytes(Bytes item) {
    return evm.send(USER, harness, FunctionEncoder.encode(new Function("readBytes",
        List.of(new DynamicBytes(item.toArray())), List.of())));
  }

  private static Bytes decodedBytes(Bytes output) {
    int length = Abi.uintAt(output, 1).intValueExact();
    return output.slice(64, length);
  }
}
