package dev.opsim.engine.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.deposit.DepositTx;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * A real OP Goerli block as an OP node printed it (fixture op/l1-info/hildr_bedrock_raw_block.txt, from
 * optimism-java/hildr): rebuilt from its fields, our eth_getBlockByNumber(full) must print every field it has.
 * Only {@code totalDifficulty} and {@code sealFields} are not compared: current op-geth no longer prints the first
 * and never printed the second (it comes from the client that produced the file).
 */
class DepositViewTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode fixtureBlock() throws Exception {
    return MAPPER.readTree(Fixtures.text("op/l1-info/hildr_bedrock_raw_block.txt")).get("test_block_data");
  }

  private static long q(JsonNode n) {
    return Long.parseUnsignedLong(n.textValue().substring(2), 16);
  }

  private static Hash h(JsonNode n) {
    return Hash.fromHex(n.textValue());
  }

  @Test
  void goerliBlockWithDepositPrintsAsTheNodeDid() throws Exception {
    JsonNode b = fixtureBlock();
    JsonNode t = b.get("transactions").get(0);
    DepositTx deposit = new DepositTx(h(t.get("sourceHash")), Address.fromHex(t.get("from").textValue()),
        Optional.of(Address.fromHex(t.get("to").textValue())), BigInteger.ZERO, BigInteger.ZERO, q(t.get("gas")),
        false, Bytes.fromHexString(t.get("input").textValue()));
    BlockHeader header = new BlockHeader(h(b.get("parentHash")), h(b.get("sha3Uncles")),
        Address.fromHex(b.get("miner").textValue()), h(b.get("stateRoot")), h(b.get("transactionsRoot")),
        h(b.get("receiptsRoot")), new LogsBloom(Bytes.fromHexString(b.get("logsBloom").textValue())),
        BigInteger.ZERO, q(b.get("number")), q(b.get("gasLimit")), q(b.get("gasUsed")), q(b.get("timestamp")),
        Bytes.EMPTY, h(b.get("mixHash")), 0, Optional.of(BigInteger.valueOf(q(b.get("baseFeePerGas")))),
        Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty());
    Block block = new Block(header, List.of(Bytes.wrap(deposit.encode())), Optional.empty());
    assertEquals(h(b.get("hash")), block.hash(), "the header fields rebuild the stated block hash");
    // Regolith, before Canyon: the receipt knows its deposit nonce but has no receipt version.
    Receipt receipt = new Receipt(DepositTx.TYPE, true, q(b.get("gasUsed")), LogsBloom.EMPTY, List.of(),
        OptionalLong.of(q(t.get("nonce"))), OptionalLong.empty());
    FakeEthBackend backend = new FakeEthBackend(420, true);
    backend.putCanonical(block, List.of(receipt));
    RpcMethods methods = new EthMethods(backend, EthConfig.DEFAULTS).methods();

    JsonNode ours = methods.find("eth_getBlockByNumber").orElseThrow()
        .call(MAPPER.readTree("[\"" + b.get("number").textValue() + "\", true]"));

    ObjectNode expected = b.deepCopy();
    expected.remove("totalDifficulty");
    expected.remove("sealFields");
    assertSameFields(expected, ours, "block");
    assertSameFields(t, ours.get("transactions").get(0), "deposit tx");
    assertFalse(ours.get("transactions").get(0).has("isSystemTx"), "isSystemTx appears only when true");

    JsonNode byHash = methods.find("eth_getTransactionByHash").orElseThrow()
        .call(MAPPER.readTree("[\"" + t.get("hash").textValue() + "\"]"));
    assertSameFields(t, byHash, "eth_getTransactionByHash");
  }

  /** Same key set and, key by key, the same JSON (arrays and objects compared deeply). */
  static void assertSameFields(JsonNode expected, JsonNode actual, String what) {
    Set<String> expectedKeys = new HashSet<>();
    expected.fieldNames().forEachRemaining(expectedKeys::add);
    Set<String> actualKeys = new HashSet<>();
    actual.fieldNames().forEachRemaining(actualKeys::add);
    assertEquals(expectedKeys, actualKeys, what + ": field names");
    for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equals("transactions")) {
        continue;
      }
      assertEquals(expected.get(key), actual.get(key), what + "." + key);
    }
  }

  @Test
  void canyonDepositReceiptShowsNonceAndVersionAndNoL1Fee() throws Exception {
    FakeEthBackend backend = new FakeEthBackend(901, true);
    backend.addEmptyBlock(BigInteger.valueOf(1_000_000_000));
    Address from = Address.fromHex("0x1111111111111111111111111111111111111111");
    Address to = Address.fromHex("0x2222222222222222222222222222222222222222");
    DepositTx deposit = new DepositTx(Hash.fromHex("0x" + "ab".repeat(32)), from, Optional.of(to),
        BigInteger.valueOf(1500), BigInteger.valueOf(250), 100_000, false, Bytes.EMPTY);
    Receipt receipt = Receipt.deposit(true, 21_000, List.of(), OptionalLong.of(0), true);
    backend.addBlock(List.of(Bytes.wrap(deposit.encode())), List.of(receipt), BigInteger.valueOf(900_000_000),
        30_000_000);
    RpcMethods methods = new EthMethods(backend, EthConfig.DEFAULTS).methods();
    String hash = deposit.hash().toString();

    JsonNode r = methods.find("eth_getTransactionReceipt").orElseThrow().call(MAPPER.readTree("[\"" + hash + "\"]"));
    assertEquals("0x7e", r.get("type").textValue());
    assertEquals("0x1", r.get("status").textValue());
    assertEquals("0x5208", r.get("gasUsed").textValue());
    assertEquals("0x5208", r.get("cumulativeGasUsed").textValue());
    assertEquals("0x0", r.get("depositNonce").textValue());
    assertEquals("0x1", r.get("depositReceiptVersion").textValue());
    assertEquals("0x0", r.get("effectiveGasPrice").textValue(), "op-geth: deposits pay no gas price");
    assertEquals(from.toString(), r.get("from").textValue());
    assertEquals(to.toString(), r.get("to").textValue());
    assertTrue(r.get("contractAddress").isNull());
    assertEquals(0, r.get("logs").size());
    assertEquals("0x0", r.get("transactionIndex").textValue());
    for (String l1 : List.of("l1GasPrice", "l1GasUsed", "l1Fee", "l1BaseFeeScalar")) {
      assertFalse(r.has(l1), "deposit receipts have no " + l1);
    }
    JsonNode tx = methods.find("eth_getTransactionByHash").orElseThrow().call(MAPPER.readTree("[\"" + hash + "\"]"));
    assertEquals("0x7e", tx.get("type").textValue());
    assertEquals("0x" + "ab".repeat(32), tx.get("sourceHash").textValue());
    assertEquals("0x5dc", tx.get("mint").textValue());
    assertEquals("0xfa", tx.get("value").textValue());
    assertEquals("0x186a0", tx.get("gas").textValue());
    assertEquals("0x1", tx.get("depositReceiptVersion").textValue());
    assertEquals("0x0", tx.get("gasPrice").textValue());
    assertFalse(tx.has("chainId"));
    assertFalse(tx.has("yParity"));
    assertNull(tx.get("maxFeePerGas"));
  }
}
