package dev.opsim.engine.contracts.l1rollup;

import static dev.opsim.engine.contracts.l1rollup.Abi.call;
import static dev.opsim.engine.contracts.l1rollup.Abi.uint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.blockchain.TestChains;
import dev.opsim.engine.node.EngineConfig;
import dev.opsim.engine.node.EngineNode;
import dev.opsim.engine.rlp.Rlp;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Solidity verifier against proofs served by a running engine: an in-process L1 EngineNode (dev period 0), a
 * contract that writes storage deployed and called through eth_sendRawTransaction, then eth_getProof over HTTP;
 * account and storage proofs verify in Solidity against the block's state root, an absent slot's proof does not.
 */
class EngineProofVerifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long CHAIN_ID = 900;
  private static final Address VERIFIER_USER = Address.fromHex("0x00000000000000000000000000000000000a11ce");

  @Test
  void ethGetProofVerifiesInSolidity(@TempDir Path dir) throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(genesis, TestChains.genesisJson(CHAIN_ID, false, 1_700_000_000L));
    EngineConfig config = new EngineConfig(genesis, dir.resolve("data"), "127.0.0.1", 0, 0, Optional.empty(),
        OptionalLong.of(0));
    try (EngineNode node = EngineNode.start(config, InstantSource.system())) {
      URI rpc = node.httpUri();
      String creation = L1Evm.artifact("ProofStorageWriter").get("bytecode").asText();
      String deployHash = send(rpc, 0, null, Bytes.fromHexString(creation));
      JsonNode deployReceipt = receipt(rpc, deployHash);
      Address writer = Address.fromHex(deployReceipt.get("contractAddress").asText());

      List<long[]> writes = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        long slot = i < 6 ? i : 1_000_000L * i + 7;
        long value = i % 2 == 0 ? 1 : 0x1234_5678_9abcL + i;
        writes.add(new long[] {slot, value});
      }
      String last = null;
      for (int i = 0; i < writes.size(); i++) {
        last = send(rpc, i + 1, writer, Bytes.fromHexString(call("store(uint256,uint256)", uint(writes.get(i)[0]),
            uint(writes.get(i)[1]))));
      }
      JsonNode lastReceipt = receipt(rpc, last);
      assertEquals("0x1", lastReceipt.get("status").asText());
      String blockNumber = lastReceipt.get("blockNumber").asText();
      // Wait until every write is in (period 0 may spread them over several blocks).
      JsonNode block = rpcCall(rpc, "eth_getBlockByNumber", JSON.createArrayNode().add(blockNumber).add(false));
      Hash stateRoot = Hash.fromHex(block.get("stateRoot").asText());

      ArrayNode keys = JSON.createArrayNode();
      for (long[] write : writes) {
        keys.add(Bytes32.leftPad(Bytes.ofUnsignedLong(write[0])).toHexString());
      }
      Bytes32 absent = Bytes32.leftPad(Bytes.ofUnsignedLong(999));
      keys.add(absent.toHexString());
      JsonNode proof = rpcCall(rpc, "eth_getProof", JSON.createArrayNode().add(writer.toString()).add(keys)
          .add(blockNumber));

      L1Evm evm = new L1Evm(VERIFIER_USER);
      Address harness = evm.deploy(VERIFIER_USER, "MerkleTrieHarness");

      // The account: RLP [nonce, balance, storageHash, codeHash] under keccak(address) in the state trie.
      Hash storageHash = Hash.fromHex(proof.get("storageHash").asText());
      AccountState account = new AccountState(new BigInteger(proof.get("nonce").asText().substring(2), 16)
          .longValueExact(), new BigInteger(proof.get("balance").asText().substring(2), 16), storageHash,
          Hash.fromHex(proof.get("codeHash").asText()));
      assertTrue(verify(evm, harness, writer.bytes(), account.encode(), nodes(proof.get("accountProof")), stateRoot),
          "account proof of the writer");

      JsonNode storageProofs = proof.get("storageProof");
      for (int i = 0; i < writes.size(); i++) {
        JsonNode entry = storageProofs.get(i);
        Bytes32 slot = Bytes32.leftPad(Bytes.ofUnsignedLong(writes.get(i)[0]));
        assertEquals(BigInteger.valueOf(writes.get(i)[1]),
            new BigInteger(entry.get("value").asText().substring(2), 16));
        Bytes rlpValue = Bytes.wrap(Rlp.encodeString(Bytes.ofUnsignedLong(writes.get(i)[1]).trimLeadingZeros()
            .toArrayUnsafe()));
        assertTrue(verify(evm, harness, slot, rlpValue, nodes(entry.get("proof")), storageHash), "slot " + slot);
      }
      JsonNode absentEntry = storageProofs.get(writes.size());
      assertEquals(BigInteger.ZERO, new BigInteger(absentEntry.get("value").asText().substring(2), 16));
      TxResult.Executed absentResult = evm.send(VERIFIER_USER, harness, MerkleTrieProofTest.verifyCall(
          "secureVerifyInclusionProof", absent, Bytes.of(1), nodes(absentEntry.get("proof")), storageHash));
      assertFalse(absentResult.success(), "an absent slot must not verify");
      assertEquals(L1Evm.selector("KeyNotInTrie()"), absentResult.output().toHexString());
    }
  }

  private static boolean verify(L1Evm evm, Address harness, Bytes key, Bytes value, List<Bytes> proof, Hash root) {
    TxResult.Executed result = evm.send(VERIFIER_USER, harness,
        MerkleTrieProofTest.verifyCall("secureVerifyInclusionProof", key, value, proof, root));
    assertTrue(result.success(), "verification reverted: " + result.output());
    return new BigInteger(1, result.output().toArrayUnsafe()).equals(BigInteger.ONE);
  }

  private static List<Bytes> nodes(JsonNode array) {
    List<Bytes> out = new ArrayList<>();
    array.forEach(n -> out.add(Bytes.fromHexString(n.asText())));
    return out;
  }

  private static String send(URI rpc, long nonce, Address to, Bytes data) throws Exception {
    Bytes raw = TestChains.transfer(TestChains.DEV_KEY, CHAIN_ID, nonce, to, BigInteger.ZERO, 1_000_000, data);
    return rpcCall(rpc, "eth_sendRawTransaction", JSON.createArrayNode().add(raw.toHexString())).asText();
  }

  private static JsonNode receipt(URI rpc, String hash) throws Exception {
    for (int i = 0; i < 200; i++) {
      JsonNode receipt = rpcCall(rpc, "eth_getTransactionReceipt", JSON.createArrayNode().add(hash));
      if (receipt != null && !receipt.isNull()) {
        return receipt;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no receipt for " + hash);
  }

  private static JsonNode rpcCall(URI rpc, String method, ArrayNode params) throws Exception {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    request.set("params", params);
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(rpc)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    if (body.has("error")) {
      throw new AssertionError(method + ": " + body.get("error"));
    }
    return body.get("result");
  }
}
