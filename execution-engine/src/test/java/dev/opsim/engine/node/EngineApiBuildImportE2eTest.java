package dev.opsim.engine.node;

import static dev.opsim.engine.node.EngineApiE2eHarness.ALICE;
import static dev.opsim.engine.node.EngineApiE2eHarness.BOB;
import static dev.opsim.engine.node.EngineApiE2eHarness.CAROL;
import static dev.opsim.engine.node.EngineApiE2eHarness.DAVE;
import static dev.opsim.engine.node.EngineApiE2eHarness.ETHER;
import static dev.opsim.engine.node.EngineApiE2eHarness.FUNDER;
import static dev.opsim.engine.node.EngineApiE2eHarness.SPENDER;
import static dev.opsim.engine.node.EngineApiE2eHarness.SPENDER_TRANSFER;
import static dev.opsim.engine.node.EngineApiE2eHarness.SPENDER_TX;
import static dev.opsim.engine.node.EngineApiE2eHarness.balance;
import static dev.opsim.engine.node.EngineApiE2eHarness.bigQuantity;
import static dev.opsim.engine.node.EngineApiE2eHarness.blockByNumber;
import static dev.opsim.engine.node.EngineApiE2eHarness.blockNumber;
import static dev.opsim.engine.node.EngineApiE2eHarness.forkchoice;
import static dev.opsim.engine.node.EngineApiE2eHarness.genesisHash;
import static dev.opsim.engine.node.EngineApiE2eHarness.longQuantity;
import static dev.opsim.engine.node.EngineApiE2eHarness.newPayload;
import static dev.opsim.engine.node.EngineApiE2eHarness.scenarioTransactions;
import static dev.opsim.engine.node.EngineApiE2eHarness.txHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.engine.node.EngineApiE2eHarness.Payload;
import dev.opsim.engine.node.EngineApiE2eHarness.Rpc;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.deposit.DepositTx;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's Engine API walk-through over HTTP + JWT: engine A sequences five OP blocks the way op-node does
 * (forkchoiceUpdatedV3 with attributes, getPayloadV3, newPayloadV3, forkchoiceUpdatedV3), and engine B, started from
 * the same genesis, imports the same payloads as a verifier does and must reach the same blocks and state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineApiBuildImportE2eTest {

  private EngineNode nodeA;
  private EngineNode nodeB;
  private Rpc engineA;
  private Rpc ethA;
  private Hash genesis;
  private List<Payload> blocks;

  @BeforeAll
  void startAndSequence(@TempDir Path dir) throws Exception {
    nodeA = EngineApiE2eHarness.startEngine(dir.resolve("a"));
    nodeB = EngineApiE2eHarness.startEngine(dir.resolve("b"));
    engineA = Rpc.engine(nodeA);
    ethA = Rpc.eth(nodeA);
    genesis = genesisHash(ethA);
    blocks = EngineApiE2eHarness.buildScenario(engineA, genesis);
  }

  @AfterAll
  void stop() {
    if (nodeA != null) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
  }

  /** EIP-2028 intrinsic gas; a deposit to an account without code uses exactly this from Regolith on. */
  private static long intrinsicGas(Bytes data) {
    long gas = 21_000;
    for (int i = 0; i < data.size(); i++) {
      gas += data.get(i) == 0 ? 4 : 16;
    }
    return gas;
  }

  private static long infoGas(int block) throws Exception {
    return intrinsicGas(DepositTx.decode(scenarioTransactions(block).get(0).toArray()).data());
  }

  @Test
  void sequencedBlocksAreTheCanonicalChainWithTheirTransactions() throws Exception {
    assertEquals(5, blockNumber(ethA));
    assertEquals(blocks.get(4).blockHash().toString(), blockByNumber(ethA, "latest").get("hash").asText());
    Hash parent = genesis;
    for (int n = 1; n <= 5; n++) {
      Payload p = blocks.get(n - 1);
      JsonNode block = blockByNumber(ethA, n);
      assertEquals(p.blockHash().toString(), block.get("hash").asText(), "block " + n);
      assertEquals(parent.toString(), block.get("parentHash").asText(), "block " + n);
      assertEquals(p.json().get("stateRoot"), block.get("stateRoot"), "block " + n);
      List<String> hashes = new ArrayList<>();
      block.get("transactions").forEach(h -> hashes.add(h.asText()));
      assertEquals(scenarioTransactions(n).stream().map(tx -> txHash(tx).toString()).toList(), hashes, "block " + n);
      parent = p.blockHash();
    }
    // Blocks 2 and 5 hold only the L1 info deposit, which calls L1Block (no code in this genesis) and so uses its
    // intrinsic gas; block 1 adds a plain value-moving deposit: 21000 more.
    assertEquals(infoGas(2), longQuantity(blocks.get(1).json().get("gasUsed")));
    assertEquals(infoGas(5), longQuantity(blocks.get(4).json().get("gasUsed")));
    assertEquals(infoGas(1) + 21_000, longQuantity(blocks.get(0).json().get("gasUsed")));
  }

  @Test
  void depositsMintAndTheFundedKeySpendsInTheSameBlock() throws Exception {
    assertEquals(ETHER.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO), balance(ethA, ALICE));
    assertEquals(ETHER.divide(BigInteger.TWO), balance(ethA, BOB));
    assertEquals(ETHER.multiply(BigInteger.valueOf(3)), balance(ethA, DAVE));
    assertEquals(BigInteger.ZERO, balance(ethA, FUNDER));
    assertEquals(SPENDER_TRANSFER, balance(ethA, CAROL));

    JsonNode receipt = ethA.result("eth_getTransactionReceipt", txHash(SPENDER_TX));
    assertEquals("0x1", receipt.get("status").asText(), receipt.toString());
    assertEquals("0x2", receipt.get("type").asText());
    assertEquals(SPENDER.toString(), receipt.get("from").asText());
    assertEquals(blocks.get(2).blockHash().toString(), receipt.get("blockHash").asText());
    assertEquals(2, longQuantity(receipt.get("transactionIndex")), "after the L1 info and the funding deposit");
    assertEquals(21_000, longQuantity(receipt.get("gasUsed")));
    // The sender pays value + gasUsed * effectiveGasPrice + the OP L1 data fee (protocol-reference 7).
    BigInteger fee = bigQuantity(receipt.get("gasUsed")).multiply(bigQuantity(receipt.get("effectiveGasPrice")))
        .add(bigQuantity(receipt.get("l1Fee")));
    assertEquals(ETHER.subtract(SPENDER_TRANSFER).subtract(fee), balance(ethA, SPENDER));
    assertEquals(1, longQuantity(ethA.result("eth_getTransactionCount", SPENDER, "latest")));
  }

  @Test
  void secondEngineImportsThePayloadsToTheSameBlocksAndState() throws Exception {
    Rpc engineB = Rpc.engine(nodeB);
    Rpc ethB = Rpc.eth(nodeB);
    assertNotEquals(nodeA.jwtSecret(), nodeB.jwtSecret(), "each engine made its own secret");
    assertEquals(genesis, genesisHash(ethB));
    for (Payload p : blocks) {
      JsonNode status = newPayload(engineB, p);
      assertEquals("VALID", status.get("status").asText(), status.toString());
      assertEquals(p.blockHash().toString(), status.get("latestValidHash").asText());
      forkchoice(engineB, p.blockHash(), Hash.ZERO, Hash.ZERO);
      JsonNode onB = blockByNumber(ethB, p.number());
      assertEquals(p.blockHash().toString(), onB.get("hash").asText());
      assertEquals(p.json().get("stateRoot"), onB.get("stateRoot"));
      assertEquals(p.json().get("receiptsRoot"), onB.get("receiptsRoot"));
    }
    assertEquals(5, blockNumber(ethB));
    for (Address account : List.of(ALICE, BOB, FUNDER, SPENDER, CAROL, DAVE, EngineApiE2eHarness.SEQUENCER_FEE_VAULT)) {
      assertEquals(balance(ethA, account), balance(ethB, account), account.toString());
    }
    assertEquals(ethA.result("eth_getTransactionReceipt", txHash(SPENDER_TX)),
        ethB.result("eth_getTransactionReceipt", txHash(SPENDER_TX)));
  }
}
