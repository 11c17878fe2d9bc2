package dev.opsim.engine.contracts.l1rollup;

import static dev.opsim.engine.contracts.l1rollup.L1Evm.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.InMemoryNodeStore;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;

/**
 * The Solidity Merkle-Patricia verifier (MerkleTrie, SecureMerkleTrie, RLPReader) against proofs our engine's trie
 * produces (the same code that answers eth_getProof): present keys verify, absent keys and tampered proofs revert,
 * wrong values are refused.
 */
class MerkleTrieProofTest {
  private static final Address USER = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static L1Evm evm;
  private static Address harness;

  @BeforeAll
  static void deployHarness() {
    evm = new L1Evm(USER);
    harness = evm.deploy(USER, "MerkleTrieHarness");
  }

  @Test
  void storageProofsOfManySlotsVerifyInSolidity() {
    Random random = new Random(5);
    StorageTrie trie = new StorageTrie(new InMemoryNodeStore());
    List<Bytes32> slots = new ArrayList<>();
    List<Bytes32> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Bytes32 slot = i < 50 ? Bytes32.leftPad(Bytes.ofUnsignedInt(i)) : Bytes32.random(random);
      Bytes32 value = switch (i % 3) {
        case 0 -> Bytes32.leftPad(Bytes.of(1));
        case 1 -> Bytes32.leftPad(Bytes.ofUnsignedLong(random.nextLong() & Long.MAX_VALUE | 1));
        default -> Bytes32.random(random);
      };
      trie.put(slot, value.isZero() ? Bytes32.leftPad(Bytes.of(7)) : value);
      slots.add(slot);
      values.add(value.isZero() ? Bytes32.leftPad(Bytes.of(7)) : value);
    }
    Hash root = trie.commit();
    for (int i = 0; i < slots.size(); i += 7) {
      List<Bytes> proof = trie.proof(slots.get(i));
      Bytes rlpValue = StorageTrie.encodeValue(values.get(i));
      assertTrue(secureVerify(slots.get(i), rlpValue, proof, root), "slot " + slots.get(i));
      assertEquals(rlpValue, secureGet(slots.get(i), proof, root).output().slice(64,
          rlpValue.size()), "get returns the stored RLP value");
      // The same proof for another value is a valid proof of a different claim: false, not a revert.
      assertFalse(secureVerify(slots.get(i), StorageTrie.encodeValue(Bytes32.leftPad(Bytes.of(9, 9))), proof, root));
    }
  }

  @Test
  void absentKeysRevertWithKeyNotInTrie() {
    StorageTrie trie = new StorageTrie(new InMemoryNodeStore());
    Random random = new Random(6);
    for (int i = 0; i < 64; i++) {
      trie.put(Bytes32.random(random), Bytes32.leftPad(Bytes.of(1)));
    }
    Hash root = trie.commit();
    for (int i = 0; i < 10; i++) {
      Bytes32 absent = Bytes32.random(random);
      List<Bytes> proof = trie.proof(absent);
      assertFalse(proof.isEmpty());
      TxResult.Executed result = secureGet(absent, proof, root);
      assertFalse(result.success(), "absent key " + absent + " must not verify");
      assertEquals(selector("KeyNotInTrie()"), result.output().toHexString());
      assertFalse(evm.send(USER, harness, verifyCall("secureVerifyInclusionProof", absent, Bytes.of(1), proof, root))
          .success());
    }
  }

  @Test
  void tamperedProofsRevert() {
    StorageTrie trie = new StorageTrie(new InMemoryNodeStore());
    Random random = new Random(7);
    Bytes32 target = Bytes32.random(random);
    trie.put(target, Bytes32.leftPad(Bytes.of(1)));
    for (int i = 0; i < 200; i++) {
      trie.put(Bytes32.random(random), Bytes32.random(random));
    }
    Hash root = trie.commit();
    List<Bytes> proof = trie.proof(target);
    assertTrue(proof.size() >= 3, "a deep enough proof");
    assertTrue(secureVerify(target, Bytes.of(1), proof, root));

    // A flipped byte in any node breaks the hash chain.
    for (int node = 0; node < proof.size(); node++) {
      List<Bytes> tampered = new ArrayList<>(proof);
      byte[] bytes = proof.get(node).toArray();
      bytes[bytes.length / 2] ^= 0x01;
      tampered.set(node, Bytes.wrap(bytes));
      TxResult.Executed result = secureGet(target, tampered, root);
      assertFalse(result.success(), "node " + node + " tampered");
      String expected = node == 0 ? selector("InvalidRootHash()")
          : selector("InvalidNodeHash(uint256)") + "0".repeat(63) + Integer.toHexString(node);
      assertEquals(expected, result.output().toHexString());
    }
    // A missing last node, a surplus node, the wrong root, an empty proof.
    assertEquals(selector("ProofTooShort()"),
        secureGet(target, proof.subList(0, proof.size() - 1), root).output().toHexString());
    List<Bytes> longer = new ArrayList<>(proof);
    longer.add(proof.get(proof.size() - 1));
    assertEquals(selector("ProofTooLong()"), secureGet(target, longer, root).output().toHexString());
    assertEquals(selector("InvalidRootHash()"),
        secureGet(target, proof, Hash.fromHex("0x" + "11".repeat(32))).output().toHexString());
    assertEquals(selector("EmptyProof()"), secureGet(target, List.of(), root).output().toHexString());
  }

  @Test
  void accountProofsVerifyWithTheAccountRlp() {
    AccountTrie accounts = new AccountTrie(new InMemoryNodeStore());
    Random random = new Random(8);
    List<Address> addresses = new ArrayList<>();
    List<AccountState> states = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Address address = Address.wrap(Bytes.random(20, random));
      AccountState state = AccountState.EMPTY.withNonce(i).withBalance(BigInteger.valueOf(1000L * i + 1))
          .withStorageRoot(Hash.wrap(Bytes32.random(random)));
      accounts.put(address, state);
      addresses.add(address);
      states.add(state);
    }
    Hash root = accounts.commit();
    for (int i = 0; i < addresses.size(); i += 5) {
      assertTrue(secureVerify(addresses.get(i).bytes(), states.get(i).encode(), accounts.proof(addresses.get(i)),
          root), "account " + addresses.get(i));
    }
  }

  @Test
  void plainTrieWithEmbeddedNodesAndBranchValues() {
    // Short keys and values make nodes under 32 bytes, embedded in their parent and absent from the proof; a key
    // that is a prefix of another puts a value in a branch.
    MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
    List<Bytes> keys = List.of(Bytes.fromHexString("0x01"), Bytes.fromHexString("0x0102"),
        Bytes.fromHexString("0x0103"), Bytes.fromHexString("0x02"), Bytes.fromHexString("0x0201aa"),
        Bytes.fromHexString("0xff"));
    for (int i = 0; i < keys.size(); i++) {
      trie.put(keys.get(i), Bytes.of(0x10 + i));
    }
    Hash root = trie.commit();
    for (int i = 0; i < keys.size(); i++) {
      List<Bytes> proof = trie.proof(keys.get(i));
      TxResult.Executed result = evm.send(USER, harness, verifyCall("verifyInclusionProof", keys.get(i),
          Bytes.of(0x10 + i), proof, root));
      assertTrue(result.success(), "key " + keys.get(i) + ": " + result.output());
      assertEquals(BigInteger.ONE, new BigInteger(1, result.output().toArrayUnsafe()), "key " + keys.get(i));
    }
    TxResult.Executed absent = evm.send(USER, harness, verifyCall("verifyInclusionProof",
        Bytes.fromHexString("0x0104"), Bytes.of(1), trie.proof(Bytes.fromHexString("0x0104")), root));
    assertFalse(absent.success());
  }

  @Test
  void rlpReaderRefusesNonCanonicalAndTruncatedItems() {
    // ["dog", "cat"] reads back.
    TxResult.Executed ok = evm.send(USER, harness, FunctionEncoder.encode(new Function("readStringList",
        List.of(new DynamicBytes(Bytes.fromHexString("0xc883646f6783636174").toArrayUnsafe())), List.of())));
    assertTrue(ok.success());
    for (String bad : List.of("0x8101", "0xb80100", "0xb900380000", "0x83646f", "0x")) {
      TxResult.Executed result = evm.send(USER, harness, FunctionEncoder.encode(new Function("readBytes",
          List.of(new DynamicBytes(Bytes.fromHexString(bad).toArrayUnsafe())), List.of())));
      assertFalse(result.success(), "readBytes(" + bad + ") should revert");
    }
    for (String bad : List.of("0xc883646f678363617400", "0xc983646f6783636174", "0x8100")) {
      TxResult.Executed result = evm.send(USER, harness, FunctionEncoder.encode(new Function("readStringList",
          List.of(new DynamicBytes(Bytes.fromHexString(bad).toArrayUnsafe())), List.of())));
      assertFalse(result.success(), "readStringList(" + bad + ") should revert");
    }
  }

  static boolean secureVerify(Bytes key, Bytes value, List<Bytes> proof, Hash root) {
    TxResult.Executed result = evm.send(USER, harness, verifyCall("secureVerifyInclusionProof", key, value, proof,
        root));
    assertTrue(result.success(), "verification reverted: " + result.output());
    return new BigInteger(1, result.output().toArrayUnsafe()).equals(BigInteger.ONE);
  }

  static TxResult.Executed secureGet(Bytes key, List<Bytes> proof, Hash root) {
    return evm.send(USER, harness, FunctionEncoder.encode(new Function("secureGet",
        List.of(new DynamicBytes(key.toArray()), proofArray(proof), new org.web3j.abi.datatypes.generated.Bytes32(root.toArray())), List.of())));
  }

  static String verifyCall(String name, Bytes key, Bytes value, List<Bytes> proof, Hash root) {
    return FunctionEncoder.encode(new Function(name, List.of(new DynamicBytes(key.toArray()),
        new DynamicBytes(value.toArray()), proofArray(proof), new org.web3j.abi.datatypes.generated.Bytes32(root.toArray())), List.of()));
  }

  static DynamicArray<DynamicBytes> proofArray(List<Bytes> proof) {
    return new DynamicArray<>(DynamicBytes.class, proof.stream().map(b -> new DynamicBytes(b.toArray())).toList());
  }
}
