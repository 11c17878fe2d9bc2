package dev.opsim.engine.node;

import static dev.opsim.engine.node.EngineApiE2eHarness.DAVE;
import static dev.opsim.engine.node.EngineApiE2eHarness.DEPOSIT_DAVE;
import static dev.opsim.engine.node.EngineApiE2eHarness.EPOCH_B;
import static dev.opsim.engine.node.EngineApiE2eHarness.ETHER;
import static dev.opsim.engine.node.EngineApiE2eHarness.GENESIS_TIME;
import static dev.opsim.engine.node.EngineApiE2eHarness.SPENDER_TX;
import static dev.opsim.engine.node.EngineApiE2eHarness.balance;
import static dev.opsim.engine.node.EngineApiE2eHarness.blockByNumber;
import static dev.opsim.engine.node.EngineApiE2eHarness.blockNumber;
import static dev.opsim.engine.node.EngineApiE2eHarness.build;
import static dev.opsim.engine.node.EngineApiE2eHarness.forkchoice;
import static dev.opsim.engine.node.EngineApiE2eHarness.forkchoiceState;
import static dev.opsim.engine.node.EngineApiE2eHarness.genesisHash;
import static dev.opsim.engine.node.EngineApiE2eHarness.importAndSelect;
import static dev.opsim.engine.node.EngineApiE2eHarness.key;
import static dev.opsim.engine.node.EngineApiE2eHarness.l1InfoDeposit;
import static dev.opsim.engine.node.EngineApiE2eHarness.scenarioTransactions;
import static dev.opsim.engine.node.EngineApiE2eHarness.txHash;
import static dev.opsim.engine.node.EngineApiE2eHarness.userDeposit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.engine.node.EngineApiE2eHarness.Payload;
import dev.opsim.engine.node.EngineApiE2eHarness.Rpc;
import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reorgs and the safe/finalized labels driven by engine_forkchoiceUpdatedV3 over HTTP (paris.md
 * engine_forkchoiceUpdatedV1 points 3-6; OP engines let the sequencer reorg its own chain, protocol-reference 6.3).
 * Each test starts from a fresh engine holding the five scenario blocks.
 */
class EngineApiReorgE2eTest {

  private static final Address ERIN = Secp256k1.addressOf(key("erin"));
  private static final BigInteger ERIN_MINT = ETHER.multiply(BigInteger.valueOf(7));
  /** The sibling of block 4: the same L1 info deposit (same epoch, same position) and erin's deposit, not dave's. */
  private static final List<Bytes> SIBLING_TXS =
      List.of(l1InfoDeposit(EPOCH_B, 0), userDeposit(EPOCH_B, 5, ERIN, ERIN, ERIN_MINT, BigInteger.ZERO));

  private EngineNode node;
  private Rpc engine;
  private Rpc eth;
  private Hash genesis;
  private List<Payload> blocks;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    node = EngineApiE2eHarness.startEngine(dir);
    engine = Rpc.engine(node);
    eth = Rpc.eth(node);
    genesis = genesisHash(eth);
    blocks = EngineApiE2eHarness.buildScenario(engine, genesis);
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private Hash hashOf(int n) {
    return n == 0 ? genesis : blocks.get(n - 1).blockHash();
  }

  private JsonNode transaction(Bytes tx) throws Exception {
    return eth.result("eth_getTransactionByHash", txHash(tx));
  }

  private String tag(String tag) throws Exception {
    return blockByNumber(eth, tag).get("hash").asText();
  }

  /** Builds the sibling of block 4 on block 3 (same timestamp) and imports it, leaving the head where it was. */
  private Payload buildSibling() throws Exception {
    Payload sibling = build(engine, hashOf(3), Hash.ZERO, Hash.ZERO, GENESIS_TIME + 8, SIBLING_TXS);
    assertNotEquals(hashOf(4), sibling.blockHash());
    JsonNode status = EngineApiE2eHarness.newPayload(engine, sibling);
    assertEquals("VALID", status.get("status").asText(), status.toString());
    return sibling;
  }

  private void assertCanonical(List<Hash> chain) throws Exception {
    assertEquals(chain.size() - 1, blockNumber(eth));
    assertEquals(chain.getLast().toString(), tag("latest"));
    for (int n = 0; n < chain.size(); n++) {
      assertEquals(chain.get(n).toString(), blockByNumber(eth, n).get("hash").asText(), "block " + n);
    }
    assertTrue(blockByNumber(eth, chain.size()).isNull(), "nothing above the head");
  }

  @Test
  void forkchoiceToAnAncestorMakesItTheHead() throws Exception {
    forkchoice(engine, hashOf(3), Hash.ZERO, Hash.ZERO);
    assertCanonical(List.of(genesis, hashOf(1), hashOf(2), hashOf(3)));
    assertTrue(blockByNumber(eth, 4).isNull());
    assertTrue(blockByNumber(eth, 5).isNull());
    assertTrue(transaction(DEPOSIT_DAVE).isNull(), "block 4's deposit is no longer on the chain");
    assertTrue(eth.result("eth_getTransactionReceipt", txHash(DEPOSIT_DAVE)).isNull());
    assertTrue(transaction(scenarioTransactions(5).get(0)).isNull(), "block 5's L1 info deposit");
    assertEquals(BigInteger.ZERO, balance(eth, DAVE));
    assertEquals(hashOf(3).toString(), transaction(SPENDER_TX).get("blockHash").asText(), "block 3 keeps its tx");
  }

  @Test
  void siblingBranchTakesOverAndSwitchingBackRestoresTheOldOne() throws Exception {
    Payload sibling = buildSibling();
    Bytes info = SIBLING_TXS.get(0);
    Bytes erinDeposit = SIBLING_TXS.get(1);
    // Switch 5 -> sibling of 4: a shorter branch wins, block 5 is dropped.
    forkchoice(engine, sibling.blockHash(), Hash.ZERO, Hash.ZERO);
    assertCanonical(List.of(genesis, hashOf(1), hashOf(2), hashOf(3), sibling.blockHash()));
    assertTrue(transaction(DEPOSIT_DAVE).isNull());
    assertEquals(BigInteger.ZERO, balance(eth, DAVE));
    assertEquals(ERIN_MINT, balance(eth, ERIN));
    assertEquals(sibling.blockHash().toString(), transaction(erinDeposit).get("blockHash").asText());
    // The L1 info deposit is byte-identical in both branches: its lookup must point into the canonical one.
    assertEquals(sibling.blockHash().toString(), transaction(info).get("blockHash").asText());

    // And back to the old head.
    forkchoice(engine, hashOf(5), Hash.ZERO, Hash.ZERO);
    assertCanonical(List.of(genesis, hashOf(1), hashOf(2), hashOf(3), hashOf(4), hashOf(5)));
    assertTrue(transaction(erinDeposit).isNull());
    assertEquals(BigInteger.ZERO, balance(eth, ERIN));
    assertEquals(ETHER.multiply(BigInteger.valueOf(3)), balance(eth, DAVE));
    assertEquals(hashOf(4).toString(), transaction(DEPOSIT_DAVE).get("blockHash").asText());
    assertEquals(hashOf(4).toString(), transaction(info).get("blockHash").asText());
  }

  @Test
  void siblingBranchBuiltOnARewoundHeadExtendsIt() throws Exception {
    // op-node's reorg: forkchoiceUpdated to the fork point with attributes, then import the new block on it.
    Payload sibling = build(engine, hashOf(3), Hash.ZERO, Hash.ZERO, GENESIS_TIME + 8, SIBLING_TXS);
    assertEquals(3, blockNumber(eth), "forkchoiceUpdated with attributes made block 3 the head");
    importAndSelect(engine, sibling, Hash.ZERO, Hash.ZERO);
    Payload next = EngineApiE2eHarness.produce(engine, sibling.blockHash(), GENESIS_TIME + 10,
        List.of(l1InfoDeposit(EPOCH_B, 1)));
    assertCanonical(List.of(genesis, hashOf(1), hashOf(2), hashOf(3), sibling.blockHash(), next.blockHash()));
    assertNotEquals(hashOf(5), next.blockHash());
    assertEquals(ERIN_MINT, balance(eth, ERIN));
  }

  @Test
  void safeAndFinalizedFollowForkchoiceUpdated() throws Exception {
    forkchoice(engine, hashOf(5), hashOf(3), hashOf(2));
    assertEquals(hashOf(3).toString(), tag("safe"));
    assertEquals(hashOf(2).toString(), tag("finalized"));
    assertEquals(hashOf(5).toString(), tag("latest"));
    forkchoice(engine, hashOf(5), hashOf(5), hashOf(4));
    assertEquals(hashOf(5).toString(), tag("safe"));
    assertEquals(hashOf(4).toString(), tag("finalized"));
  }

  @Test
  void safeOrFinalizedOffTheHeadsChainIsError38002() throws Exception {
    Payload sibling = buildSibling();
    forkchoice(engine, hashOf(5), hashOf(3), hashOf(2));
    List<List<Hash>> bad = List.of(
        List.of(hashOf(5), sibling.blockHash(), hashOf(2)), // safe on another branch
        List.of(hashOf(5), hashOf(3), sibling.blockHash()), // finalized on another branch
        List.of(hashOf(5), EngineApiE2eHarness.hashOf("unknown block"), hashOf(2)), // safe unknown
        List.of(hashOf(2), hashOf(3), hashOf(2))); // safe above the head: a descendant, not an ancestor
    for (List<Hash> state : bad) {
      JsonNode error = engine.error("engine_forkchoiceUpdatedV3", forkchoiceState(state.get(0), state.get(1),
          state.get(2)), null);
      assertEquals(-38002, error.get("code").asInt(), state + ": " + error);
      assertEquals(hashOf(3).toString(), tag("safe"), "safe label unchanged after " + state);
      assertEquals(hashOf(2).toString(), tag("finalized"), "finalized label unchanged after " + state);
    }
  }
}
