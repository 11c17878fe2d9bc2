package dev.opsim.engine.node;

import static dev.opsim.engine.node.EngineApiE2eHarness.blockByNumber;
import static dev.opsim.engine.node.EngineApiE2eHarness.build;
import static dev.opsim.engine.node.EngineApiE2eHarness.genesisHash;
import static dev.opsim.engine.node.EngineApiE2eHarness.hashOf;
import static dev.opsim.engine.node.EngineApiE2eHarness.longQuantity;
import static dev.opsim.engine.node.EngineApiE2eHarness.newPayload;
import static dev.opsim.engine.node.EngineApiE2eHarness.produce;
import static dev.opsim.engine.node.EngineApiE2eHarness.quantity;
import static dev.opsim.engine.node.EngineApiE2eHarness.scenarioTransactions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.engine.node.EngineApiE2eHarness.Payload;
import dev.opsim.engine.node.EngineApiE2eHarness.Rpc;
import dev.opsim.engine.trie.OrderedTrieRoot;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * newPayloadV3 of bad payloads over HTTP (paris.md / shanghai.md / cancun.md engine_newPayload, protocol-reference
 * 6.3): a block that fails execution is INVALID with latestValidHash = its parent and a validationError; a wrong
 * blockHash is INVALID with no latestValidHash; an unknown parent is SYNCING. And getPayloadV3 of an unknown id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineApiInvalidPayloadE2eTest {

  /** keccak256(rlp("")), the root of an empty trie (yellow paper; geth types.EmptyRootHash). */
  private static final Hash EMPTY_TRIE_ROOT =
      Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private EngineNode node;
  private Rpc engine;
  private Rpc eth;
  private Payload block1;
  /** A valid block 2, built but not imported: the template the bad payloads are made from. */
  private Payload block2;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    node = EngineApiE2eHarness.startEngine(dir);
    engine = Rpc.engine(node);
    eth = Rpc.eth(node);
    Hash genesis = genesisHash(eth);
    block1 = produce(engine, genesis, EngineApiE2eHarness.GENESIS_TIME + 2, scenarioTransactions(1));
    block2 = build(engine, block1.blockHash(), Hash.ZERO, Hash.ZERO, EngineApiE2eHarness.GENESIS_TIME + 4,
        scenarioTransactions(3));
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** A copy of block 2's payload with {@code change} applied; the blockHash recomputed when {@code rehash}. */
  private Payload tampered(Consumer<ObjectNode> change, boolean rehash) throws Exception {
    ObjectNode json = block2.json().deepCopy();
    change.accept(json);
    if (rehash) {
      json.put("blockHash", headerOf(json, block2.beaconRoot()).hash().toString());
    }
    return new Payload(json, block2.beaconRoot());
  }

  /**
   * The Cancun header a V3 payload stands for (cancun.md; protocol-reference 6.2), written out field by field here
   * rather than through the engine's own payload conversion: no ommers, difficulty and nonce 0, mixHash = prevRandao,
   * the withdrawals root of the (always empty on OP) withdrawals list, the beacon root newPayloadV3 gets beside it.
   */
  private static BlockHeader headerOf(ObjectNode json, Hash beaconRoot) {
    List<Bytes> txs = new ArrayList<>();
    json.get("transactions").forEach(tx -> txs.add(Bytes.fromHexString(tx.asText())));
    assertEquals(0, json.get("withdrawals").size());
    return new BlockHeader(
        Hash.fromHex(json.get("parentHash").asText()),
        BlockHeader.EMPTY_OMMERS_HASH,
        Address.fromHex(json.get("feeRecipient").asText()),
        Hash.fromHex(json.get("stateRoot").asText()),
        OrderedTrieRoot.of(txs),
        Hash.fromHex(json.get("receiptsRoot").asText()),
        new LogsBloom(Bytes.fromHexString(json.get("logsBloom").asText())),
        BigInteger.ZERO,
        longQuantity(json.get("blockNumber")),
        longQuantity(json.get("gasLimit")),
        longQuantity(json.get("gasUsed")),
        longQuantity(json.get("timestamp")),
        Bytes.fromHexString(json.get("extraData").asText()),
        Hash.fromHex(json.get("prevRandao").asText()),
        0,
        Optional.of(EngineApiE2eHarness.bigQuantity(json.get("baseFeePerGas"))),
        Optional.of(EMPTY_TRIE_ROOT),
        OptionalLong.of(longQuantity(json.get("blobGasUsed"))),
        OptionalLong.of(longQuantity(json.get("excessBlobGas"))),
        Optional.of(beaconRoot),
        Optional.empty());
  }

  @Test
  void blockHashIsTheKeccakOfTheHeaderRecomputedHere() {
    // The premise of the rehashed variants below: our header reconstruction gives the engine's block hash.
    assertEquals(block2.blockHash(), headerOf(block2.json(), block2.beaconRoot()).hash());
    assertEquals(block1.blockHash(), headerOf(block1.json(), block1.beaconRoot()).hash());
  }

  private void assertHeadIsBlock1() throws Exception {
    assertEquals(block1.blockHash().toString(), blockByNumber(eth, "latest").get("hash").asText());
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
  }

  private void assertInvalidWithParentAsLatestValid(Payload bad) throws Exception {
    assertNotEquals(block2.blockHash(), bad.blockHash());
    JsonNode status = newPayload(engine, bad);
    assertEquals("INVALID", status.get("status").asText(), status.toString());
    assertEquals(block1.blockHash().toString(), status.get("latestValidHash").asText(), status.toString());
    assertTrue(status.hasNonNull("validationError") && !status.get("validationError").asText().isBlank(),
        status.toString());
    assertHeadIsBlock1();
    // The engine remembers the bad block: making it the head is refused, not SYNCING or VALID.
    JsonNode fcu = engine.result("engine_forkchoiceUpdatedV3",
        EngineApiE2eHarness.forkchoiceState(bad.blockHash(), Hash.ZERO, Hash.ZERO), null);
    assertEquals("INVALID", fcu.at("/payloadStatus/status").asText(), fcu.toString());
    assertHeadIsBlock1();
  }

  @Test
  void wrongStateRootWithRecomputedHashIsInvalid() throws Exception {
    assertInvalidWithParentAsLatestValid(tampered(
        json -> json.put("stateRoot", hashOf("not the state root").toString()), true));
  }

  @Test
  void wrongGasUsedWithRecomputedHashIsInvalid() throws Exception {
    assertInvalidWithParentAsLatestValid(tampered(
        json -> json.put("gasUsed", quantity(longQuantity(json.get("gasUsed")) + 1)), true));
  }

  @Test
  void wrongBlockHashIsInvalidWithoutLatestValidHash() throws Exception {
    Payload bad = tampered(json -> json.put("blockHash", hashOf("not the block hash").toString()), false);
    JsonNode status = newPayload(engine, bad);
    assertEquals("INVALID", status.get("status").asText(), status.toString());
    // shanghai.md: a failed blockHash check is {INVALID, latestValidHash: null}.
    assertTrue(isAbsent(status.get("latestValidHash")), status.toString());
    assertHeadIsBlock1();
  }

  @Test
  void unknownParentIsSyncing() throws Exception {
    Payload orphan = tampered(json -> json.put("parentHash", hashOf("an unknown parent").toString()), true);
    JsonNode status = newPayload(engine, orphan);
    assertEquals("SYNCING", status.get("status").asText(), status.toString());
    assertTrue(isAbsent(status.get("latestValidHash")), status.toString());
    assertHeadIsBlock1();
  }

  @Test
  void theUntamperedPayloadStillImports() throws Exception {
    // After every bad variant was refused, the real block 2 (which shares their parent and body) is VALID.
    wrongStateRootWithRecomputedHashIsInvalid();
    JsonNode status = newPayload(engine, block2);
    assertEquals("VALID", status.get("status").asText(), status.toString());
    assertEquals(block2.blockHash().toString(), status.get("latestValidHash").asText());
  }

  @Test
  void getPayloadWithUnknownIdIsError38001() throws Exception {
    JsonNode error = engine.error("engine_getPayloadV3", "0x00000000000000ff");
    assertEquals(-38001, error.get("code").asInt(), error.toString());
    assertFalse(error.get("message").asText().isBlank());
  }
}
