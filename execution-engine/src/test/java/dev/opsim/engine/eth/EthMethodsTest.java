package dev.opsim.engine.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The methods over an in-test L1 chain: results, nulls and error codes as geth gives them. */
class EthMethodsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final long CHAIN_ID = 1337;
  private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000c1");
  private static final Address OTHER = Address.fromHex("0x00000000000000000000000000000000000000d1");
  private static final Hash T1 = Hash.ofLong(0x71);
  private static final Hash T2 = Hash.ofLong(0x72);

  private FakeEthBackend backend;
  private RpcMethods methods;
  private Block block1;
  private DynamicFeeTx dynamic;
  private LegacyTx legacy;
  private DynamicFeeTx creation;

  @BeforeEach
  void chain() {
    backend = new FakeEthBackend(CHAIN_ID, false);
    backend.addEmptyBlock(GWEI);
    dynamic = TestSigner.dynamic(TestSigner.key(0), CHAIN_ID, 0, GWEI.multiply(BigInteger.TWO),
        GWEI.multiply(BigInteger.TEN), 60_000, CONTRACT, Bytes.fromHexString("0x1234"));
    legacy = TestSigner.legacy(TestSigner.key(1), CHAIN_ID, 0, GWEI.multiply(BigInteger.valueOf(3)), 21_000, OTHER);
    creation = TestSigner.dynamic(TestSigner.key(2), CHAIN_ID, 5, GWEI.multiply(BigInteger.valueOf(4)),
        GWEI.multiply(BigInteger.TEN), 200_000, null, Bytes.fromHexString("0x6000"));
    List<Receipt> receipts = List.of(
        Receipt.of(2, true, 50_000, List.of(new Log(CONTRACT, List.of(T1, T2), Bytes.of(1)),
            new Log(CONTRACT, List.of(T2), Bytes.of(2)))),
        Receipt.of(0, true, 71_000, List.of(new Log(OTHER, List.of(T1), Bytes.EMPTY))),
        Receipt.of(2, false, 171_000, List.of()));
    block1 = backend.addBlock(List.of(dynamic.encode(), legacy.encode(), creation.encode()), receipts, GWEI,
        30_000_000);
    methods = new EthMethods(backend, EthConfig.DEFAULTS).methods();
  }

  private JsonNode call(String method, String params) throws RpcException {
    try {
      return methods.find(method).orElseThrow().call(MAPPER.readTree(params));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private RpcException error(String method, String params) {
    return assertThrows(RpcException.class, () -> call(method, params));
  }

  private static String text(JsonNode node) {
    return node.textValue();
  }

  @Test
  void simpleMethods() throws RpcException {
    assertEquals("opsim/test", text(call("web3_clientVersion", "[]")));
    assertEquals("1337", text(call("net_version", "[]")));
    assertEquals("0x539", text(call("eth_chainId", "[]")));
    assertEquals("0x1", text(call("eth_blockNumber", "[]")));
    assertFalse(call("eth_syncing", "[]").booleanValue());
    assertEquals(0, call("eth_accounts", "[]").size());
    assertEquals(-32602, error("eth_chainId", "[1]").code());
  }

  @Test
  void blocksByTagNumberAndHash() throws RpcException {
    JsonNode latest = call("eth_getBlockByNumber", "[\"latest\", false]");
    assertEquals(block1.hash().toString(), text(latest.get("hash")));
    assertEquals(latest, call("eth_getBlockByNumber", "[\"pending\", false]"));
    assertEquals(latest, call("eth_getBlockByNumber", "[\"0x1\", false]"));
    assertEquals(latest, call("eth_getBlockByHash", "[\"" + block1.hash() + "\", false]"));
    assertEquals(3, latest.get("transactions").size());
    assertEquals(dynamic.hash().toString(), text(latest.get("transactions").get(0)));
    for (String f : List.of("baseFeePerGas", "withdrawalsRoot", "blobGasUsed", "excessBlobGas",
        "parentBeaconBlockRoot", "size", "uncles", "withdrawals", "mixHash", "nonce")) {
      assertTrue(latest.has(f), f);
    }
    assertEquals("0x" + Integer.toHexString(block1.encode().size()), text(latest.get("size")));
    assertEquals("0x0000000000000000", text(latest.get("nonce")));
    assertEquals("0x0", text(call("eth_getBlockByNumber", "[\"earliest\", false]").get("number")));
    assertTrue(call("eth_getBlockByNumber", "[\"0x5\", true]") == null);
    assertTrue(call("eth_getBlockByHash", "[\"0x" + "11".repeat(32) + "\", true]") == null);
    RpcException safe = error("eth_getBlockByNumber", "[\"safe\", false]");
    assertEquals(-32000, safe.code());
    assertEquals("safe block not found", safe.getMessage());
    backend.safe = Optional.of(block1.hash());
    assertEquals(latest, call("eth_getBlockByNumber", "[\"safe\", false]"));
    assertEquals("0x3", text(call("eth_getBlockTransactionCountByNumber", "[\"0x1\"]")));
    assertEquals("0x3", text(call("eth_getBlockTransactionCountByHash", "[\"" + block1.hash() + "\"]")));
    assertNull(call("eth_getBlockTransactionCountByNumber", "[\"0x9\"]"));
  }

  @Test
  void fullTransactionsAndReceipts() throws RpcException {
    JsonNode tx = call("eth_getBlockByNumber", "[\"0x1\", true]").get("transactions").get(0);
    assertEquals(tx, call("eth_getTransactionByHash", "[\"" + dynamic.hash() + "\"]"));
    assertEquals(tx, call("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\", \"0x0\"]"));
    assertEquals(tx, call("eth_getTransactionByBlockHashAndIndex", "[\"" + block1.hash() + "\", \"0x0\"]"));
    assertNull(call("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\", \"0x3\"]"));
    assertEquals(TestSigner.address(TestSigner.key(0)).toString(), text(tx.get("from")));
    assertEquals("0x2", text(tx.get("type")));
    assertEquals("0xb2d05e00", text(tx.get("gasPrice")), "min(tip + baseFee, feeCap) = 3 gwei");
    assertEquals("0x2540be400", text(tx.get("maxFeePerGas")));
    assertEquals("0x77359400", text(tx.get("maxPriorityFeePerGas")));
    assertEquals("0x539", text(tx.get("chainId")));
    assertEquals(text(tx.get("v")), text(tx.get("yParity")));
    assertEquals("0x1234", text(tx.get("input")));
    assertEquals(0, tx.get("accessList").size());
    JsonNode legacyView = call("eth_getTransactionByHash", "[\"" + legacy.hash() + "\"]");
    assertEquals("0x0", text(legacyView.get("type")));
    assertEquals("0x539", text(legacyView.get("chainId")));
    assertFalse(legacyView.has("yParity"));
    assertFalse(legacyView.has("maxFeePerGas"));

    JsonNode r0 = call("eth_getTransactionReceipt", "[\"" + dynamic.hash() + "\"]");
    assertEquals("0xc350", text(r0.get("gasUsed")));
    assertEquals("0x1", text(r0.get("status")));
    assertEquals("0xb2d05e00", text(r0.get("effectiveGasPrice")));
    assertEquals(2, r0.get("logs").size());
    assertEquals("0x1", text(r0.get("logs").get(1).get("logIndex")));
    assertFalse(r0.has("l1Fee"), "no L1 fee fields on L1 chains");
    JsonNode r1 = call("eth_getTransactionReceipt", "[\"" + legacy.hash() + "\"]");
    assertEquals("0x5208", text(r1.get("gasUsed")));
    assertEquals("0x2", text(r1.get("logs").get(0).get("logIndex")), "log indexes count through the block");
    assertEquals("0x1", text(r1.get("logs").get(0).get("transactionIndex")));
    assertEquals(legacy.hash().toString(), text(r1.get("logs").get(0).get("transactionHash")));
    assertEquals("0xb2d05e00", text(r1.get("effectiveGasPrice")));
    assertTrue(r1.get("contractAddress").isNull());
    JsonNode r2 = call("eth_getTransactionReceipt", "[\"" + creation.hash() + "\"]");
    assertEquals("0x0", text(r2.get("status")));
    assertTrue(r2.get("to").isNull());
    assertEquals(EthViews.createAddress(TestSigner.address(TestSigner.key(2)), 5).toString(),
        text(r2.get("contractAddress")));
    JsonNode all = call("eth_getBlockReceipts", "[\"0x1\"]");
    assertEquals(List.of(r0, r1, r2), List.of(all.get(0), all.get(1), all.get(2)));
    assertNull(call("eth_getBlockReceipts", "[\"0x7\"]"));
    assertNull(call("eth_getTransactionReceipt", "[\"0x" + "22".repeat(32) + "\"]"));
    assertNull(call("eth_getTransactionByHash", "[\"0x" + "22".repeat(32) + "\"]"));
  }

  @Test
  void createAddressMatchesKnownVectors() {
    // The classic pyethereum / yellow-paper example sender.
    Address sender = Address.fromHex("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
    assertEquals(Address.fromHex("0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"), EthViews.createAddress(sender, 0));
    assertEquals(Address.fromHex("0x343c43a37d37dff08ae8c4a11544c718abb4fcf8"), EthViews.createAddress(sender, 1));
  }

  @Test
  void logsByAddressTopicsAndRange() throws RpcException {
    JsonNode byAddress = call("eth_getLogs", "[{\"address\": \"" + CONTRACT + "\", \"fromBlock\": \"0x0\"}]");
    assertEquals(2, byAddress.size());
    JsonNode byTopic = call("eth_getLogs", "[{\"topics\": [\"" + T1 + "\"], \"fromBlock\": \"earliest\","
        + " \"toBlock\": \"latest\"}]");
    assertEquals(2, byTopic.size());
    assertEquals("0x0", text(byTopic.get(0).get("logIndex")));
    assertEquals("0x2", text(byTopic.get(1).get("logIndex")));
    assertEquals(block1.hash().toString(), text(byTopic.get(1).get("blockHash")));
    assertEquals(1, call("eth_getLogs", "[{\"topics\": [null, \"" + T2 + "\"]}]").size());
    assertEquals(3, call("eth_getLogs", "[{\"topics\": [[\"" + T2 + "\", \"" + T1 + "\"]]}]").size());
    assertEquals(3, call("eth_getLogs", "[{\"address\": [\"" + CONTRACT + "\", \"" + OTHER + "\"]}]").size());
    assertEquals(3, call("eth_getLogs", "[{\"blockHash\": \"" + block1.hash() + "\"}]").size());
    assertEquals(0, call("eth_getLogs", "[{\"fromBlock\": \"0x0\", \"toBlock\": \"0x0\"}]").size());
    assertEquals(-32602, error("eth_getLogs", "[{\"blockHash\": \"" + block1.hash() + "\", \"fromBlock\": \"0x0\"}]")
        .code());
    assertEquals("invalid block range params", error("eth_getLogs", "[{\"fromBlock\": \"0x1\", \"toBlock\": \"0x0\"}]")
        .getMessage());
    assertEquals(-32602, error("eth_getLogs", "[{\"topics\": [null, null, null, null, null]}]").code());
    assertEquals("unknown block", error("eth_getLogs", "[{\"blockHash\": \"0x" + "33".repeat(32) + "\"}]")
        .getMessage());
    EthConfig narrow = new EthConfig(50_000_000, 0.015, 1, 2, 1024, BigInteger.ONE, 20, 60, GWEI, BigInteger.TWO,
        BigInteger.ONE);
    RpcMethods limited = new EthMethods(backend, narrow).methods();
    RpcException range = assertThrows(RpcException.class, () -> limited.find("eth_getLogs").orElseThrow()
        .call(MAPPER.readTree("[{\"fromBlock\": \"0x0\", \"toBlock\": \"0x1\"}]")));
    assertEquals(-32005, range.code());
    RpcException results = assertThrows(RpcException.class, () -> limited.find("eth_getLogs").orElseThrow()
        .call(MAPPER.readTree("[{\"fromBlock\": \"0x1\"}]")));
    assertEquals(-32005, results.code());
    assertEquals("query returned more than 2 results", results.getMessage());
  }

  @Test
  void stateReads() throws RpcException {
    Address a = Address.fromHex("0x00000000000000000000000000000000000000aa");
    backend.accounts.put(a, new AccountState(7, BigInteger.valueOf(1_000), AccountState.EMPTY.storageRoot(),
        AccountState.EMPTY_CODE_HASH));
    backend.code.put(a, Bytes.fromHexString("0x6001"));
    backend.storage.put(a, Map.of(Bytes32.ZERO, Bytes32.leftPad(Bytes.of(9))));
    backend.poolNonces.put(a, 9L);
    assertEquals("0x3e8", text(call("eth_getBalance", "[\"" + a + "\", \"latest\"]")));
    assertEquals("0x0", text(call("eth_getBalance", "[\"" + OTHER + "\", \"0x0\"]")));
    assertEquals("0x6001", text(call("eth_getCode", "[\"" + a + "\", \"latest\"]")));
    assertEquals("0x", text(call("eth_getCode", "[\"" + OTHER + "\", \"latest\"]")));
    assertEquals("0x" + "00".repeat(31) + "09", text(call("eth_getStorageAt", "[\"" + a + "\", \"0x0\", \"latest\"]")));
    assertEquals("0x7", text(call("eth_getTransactionCount", "[\"" + a + "\", \"latest\"]")));
    assertEquals("0x9", text(call("eth_getTransactionCount", "[\"" + a + "\", \"pending\"]")));
    assertEquals("0x7", text(call("eth_getTransactionCount", "[\"" + a + "\", {\"blockHash\": \"" + block1.hash()
        + "\", \"requireCanonical\": true}]")));
    assertEquals("0x7", text(call("eth_getTransactionCount", "[\"" + a + "\", {\"blockNumber\": \"0x1\"}]")));
    assertEquals("0x3e8", text(call("eth_getBalance", "[\"" + a + "\", \"" + block1.hash() + "\"]")),
        "a bare 32-byte hash string is a block hash");
    RpcException unknown = error("eth_getBalance", "[\"" + a + "\", \"0x9\"]");
    assertEquals(-32000, unknown.code());
    assertEquals("header not found", unknown.getMessage());
    assertEquals("header not found", error("eth_getCode", "[\"" + a + "\", {\"blockHash\": \"0x" + "44".repeat(32)
        + "\"}]").getMessage());
  }

  @Test
  void malformedParamsAreInvalidParams() {
    Address a = CONTRACT;
    for (String[] bad : new String[][] {
        {"eth_getBalance", "[\"" + a + "\", \"0x01\"]"},
        {"eth_getBalance", "[\"" + a + "\"]"},
        {"eth_getBalance", "[\"0x1234\", \"latest\"]"},
        {"eth_getBalance", "[\"" + a.toString().substring(2) + "\", \"latest\"]"},
        {"eth_getBalance", "{\"address\": \"" + a + "\"}"},
        {"eth_getBlockByNumber", "[\"0x1\"]"},
        {"eth_getBlockByNumber", "[\"newest\", false]"},
        {"eth_getBlockByNumber", "[\"0x1\", \"yes\"]"},
        {"eth_getBlockByNumber", "[\"0x10000000000000000\", false]"},
        {"eth_getTransactionByHash", "[\"0x12\"]"},
        {"eth_getStorageAt", "[\"" + a + "\", \"0x" + "00".repeat(33) + "\", \"latest\"]"},
        {"eth_call", "[{\"to\": \"" + a + "\", \"gasPrice\": \"0x1\", \"maxFeePerGas\": \"0x2\"}]"},
        {"eth_call", "[{\"to\": \"" + a + "\", \"data\": \"0x12\", \"input\": \"0x34\"}]"},
        {"eth_call", "[{\"to\": \"" + a + "\", \"value\": \"0xzz\"}]"},
        {"eth_call", "[{\"to\": \"" + a + "\"}, \"latest\", {\"" + a + "\": {\"state\": {}, \"stateDiff\": {}}}]"},
        {"eth_sendRawTransaction", "[\"0x123\"]"},
        {"eth_feeHistory", "[\"0x1\"]"}}) {
      RpcException e = error(bad[0], bad[1]);
      assertEquals(-32602, e.code(), bad[0] + " " + bad[1] + ": " + e.getMessage());
    }
    assertEquals("invalid argument 1: hex number with leading zero digits",
        error("eth_getBalance", "[\"" + a + "\", \"0x01\"]").getMessage());
  }

  @Test
  void callReturnsDataAndRevertsWithCode3() throws Exception {
    AtomicReference<CallRequest> seen = new AtomicReference<>();
    AtomicReference<Map<Address, AccountOverride>> seenOverrides = new AtomicReference<>();
    Bytes reason = Bytes.fromHexString("0x08c379a0"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "000000000000000000000000000000000000000000000000000000000000000d"
        + "70726f62652073617973206e6f00000000000000000000000000000000000000");
    backend.callHandler = (request, at, overrides) -> {
      seen.set(request);
      seenOverrides.set(overrides);
      return switch (request.data().toHexString()) {
        case "0x01" -> CallResult.reverted(reason, 30_000);
        case "0x02" -> CallResult.reverted(Bytes.fromHexString("0xabcdef01"
            + "0000000000000000000000000000000000000000000000000000000000000007"), 30_000);
        case "0x03" -> CallResult.reverted(Bytes.EMPTY, 30_000);
        case "0x04" -> CallResult.failed("invalid opcode: INVALID", 30_000);
        case "0x05" -> throw new InvalidCallException("insufficient funds for gas * price + value");
        default -> CallResult.success(Bytes.fromHexString("0x2a"), 21_000, 0);
      };
    };
    assertEquals("0x2a", text(call("eth_call", "[{\"to\": \"" + CONTRACT + "\"}]")));
    assertEquals(50_000_000, seen.get().gas(), "no gas means the RPC gas cap");
    assertEquals(Address.ZERO, seen.get().from());
    call("eth_call", "[{\"to\": \"" + CONTRACT + "\", \"gas\": \"0xffffffffff\"}, \"latest\"]");
    assertEquals(50_000_000, seen.get().gas(), "more than the cap is cut to it");
    call("eth_call", "[{\"to\": \"" + CONTRACT + "\", \"gas\": \"0x5208\", \"input\": \"0x\"}, {\"blockNumber\":"
        + " \"0x0\"}, {\"" + OTHER + "\": {\"balance\": \"0x10\", \"nonce\": \"0x2\", \"code\": \"0x60\","
        + " \"stateDiff\": {\"0x" + "00".repeat(32) + "\": \"0x" + "00".repeat(31) + "05\"}}}]");
    assertEquals(21_000, seen.get().gas());
    AccountOverride o = seenOverrides.get().get(OTHER);
    assertEquals(BigInteger.valueOf(16), o.balance().orElseThrow());
    assertEquals(2, o.nonce().getAsLong());
    assertEquals(Bytes.fromHexString("0x60"), o.code().orElseThrow());
    assertEquals(Bytes32.leftPad(Bytes.of(5)), o.stateDiff().orElseThrow().get(Bytes32.ZERO));

    RpcException withReason = error("eth_call", "[{\"to\": \"" + CONTRACT + "\", \"data\": \"0x01\"}, \"latest\"]");
    assertEquals(3, withReason.code());
    assertEquals("execution reverted: probe says no", withReason.getMessage());
    assertEquals(reason.toHexString(), withReason.data().textValue());
    RpcException custom = error("eth_call", "[{\"to\": \"" + CONTRACT + "\", \"data\": \"0x02\"}]");
    assertEquals(3, custom.code());
    assertEquals("execution reverted", custom.getMessage());
    assertEquals("0xabcdef01" + "00".repeat(31) + "07", custom.data().textValue());
    RpcException empty = error("eth_call", "[{\"to\": \"" + CONTRACT + "\", \"data\": \"0x03\"}]");
    assertEquals(3, empty.code());
    assertEquals("0x", empty.data().textValue());
    RpcException halted = error("eth_call", "[{\"to\": \"" + CONTRACT + "\", \"data\": \"0x04\"}]");
    assertEquals(-32000, halted.code());
    assertEquals("invalid opcode: INVALID", halted.getMessage());
    RpcException invalid = error("eth_call", "[{\"to\": \"" + CONTRACT + "\", \"data\": \"0x05\"}]");
    assertEquals(-32000, invalid.code());
    assertEquals("err: insufficient funds for gas * price + value (supplied gas 50000000)", invalid.getMessage());
    RpcException chain = error("eth_call", "[{\"to\": \"" + CONTRACT + "\", \"chainId\": \"0x1\"}]");
    assertEquals("chainId does not match node's (have=1, want=1337)", chain.getMessage());
    assertEquals("header not found", error("eth_call", "[{\"to\": \"" + CONTRACT + "\"}, \"0x8\"]").getMessage());
  }

  @Test
  void estimateGasThroughTheMethod() throws RpcException {
    backend.callHandler = (request, at, overrides) -> request.gas() >= 54_321
        ? CallResult.success(Bytes.EMPTY, 50_000, 0) : CallResult.failed("out of gas", request.gas());
    RpcMethods exact = new EthMethods(backend, EthConfig.DEFAULTS.withEstimateGasErrorRatio(0)).methods();
    JsonNode estimate = exact.find("eth_estimateGas").orElseThrow()
        .call(MAPPER.createArrayNode().add(MAPPER.createObjectNode().put("to", CONTRACT.toString())
            .put("data", "0x12")));
    assertEquals("0xd431", text(estimate));
    backend.callHandler = (request, at, overrides) -> CallResult.success(Bytes.EMPTY, 21_000, 0);
    backend.calls.set(0);
    assertEquals("0x5208", text(call("eth_estimateGas", "[{\"to\": \"" + OTHER + "\", \"value\": \"0x1\"}]")));
    assertEquals(1, backend.calls.get(), "a plain transfer is tried once at 21000");
    backend.callHandler = (request, at, overrides) -> CallResult.reverted(Bytes.fromHexString("0x01"), 25_000);
    RpcException reverted = error("eth_estimateGas", "[{\"to\": \"" + CONTRACT + "\", \"data\": \"0x12\"}]");
    assertEquals(3, reverted.code());
    assertEquals("0x01", reverted.data().textValue());
  }

  @Test
  void sendRawTransactionAndPoolLookup() throws RpcException {
    DynamicFeeTx tx = TestSigner.dynamic(TestSigner.key(3), CHAIN_ID, 0, GWEI, GWEI.multiply(BigInteger.TEN),
        21_000, OTHER, Bytes.EMPTY);
    assertEquals(tx.hash().toString(), text(call("eth_sendRawTransaction", "[\"" + tx.encode() + "\"]")));
    JsonNode pending = call("eth_getTransactionByHash", "[\"" + tx.hash() + "\"]");
    assertTrue(pending.get("blockHash").isNull());
    assertTrue(pending.get("blockNumber").isNull());
    assertTrue(pending.get("transactionIndex").isNull());
    assertEquals("0x2540be400", text(pending.get("gasPrice")), "a pending tx shows its fee cap");
    backend.rejection = new TransactionRejectedException("nonce too low: next nonce 3, tx nonce 1");
    RpcException e = error("eth_sendRawTransaction", "[\"" + tx.encode() + "\"]");
    assertEquals(-32000, e.code());
    assertEquals("nonce too low: next nonce 3, tx nonce 1", e.getMessage());
  }

  @Test
  void proofKeysKeepTheirForm() throws RpcException {
    Bytes32 full = Bytes32.fromHexString("0x" + "00".repeat(31) + "07");
    backend.proof = new AccountProof(CONTRACT, List.of(Bytes.fromHexString("0xc0ffee")), BigInteger.TEN,
        AccountState.EMPTY_CODE_HASH, 3, AccountState.EMPTY.storageRoot(), List.of(
            new AccountProof.StorageProof(Bytes32.ZERO, BigInteger.ZERO, List.of()),
            new AccountProof.StorageProof(full, BigInteger.valueOf(99), List.of(Bytes.fromHexString("0xaa")))));
    JsonNode p = call("eth_getProof", "[\"" + CONTRACT + "\", [\"0x0\", \"" + full + "\"], \"latest\"]");
    assertEquals(CONTRACT.toString(), text(p.get("address")));
    assertEquals("0xc0ffee", text(p.get("accountProof").get(0)));
    assertEquals("0xa", text(p.get("balance")));
    assertEquals("0x3", text(p.get("nonce")));
    assertEquals(AccountState.EMPTY_CODE_HASH.toString(), text(p.get("codeHash")));
    assertEquals("0x0", text(p.get("storageProof").get(0).get("key")));
    assertEquals(full.toHexString(), text(p.get("storageProof").get(1).get("key")));
    assertEquals("0x63", text(p.get("storageProof").get(1).get("value")));
    assertEquals("0xaa", text(p.get("storageProof").get(1).get("proof").get(0)));
  }

  @Test
  void gasPriceFromRecentTips() throws RpcException {
    // Block 1's effective tips: 2, 2 and 4 gwei; geth's 60th percentile of the sorted samples is the 2nd: 2 gwei.
    assertEquals("0x77359400", text(call("eth_maxPriorityFeePerGas", "[]")));
    assertEquals("0xb2d05e00", text(call("eth_gasPrice", "[]")), "tip + head base fee");
  }

  @Test
  void opChainGasPriceAndL1FeeFields() throws Exception {
    FakeEthBackend op = new FakeEthBackend(10, true);
    op.addEmptyBlock(GWEI);
    DynamicFeeTx tx = TestSigner.dynamic(TestSigner.key(4), 10, 0, GWEI, GWEI.multiply(BigInteger.TEN), 21_000,
        OTHER, Bytes.EMPTY);
    DynamicFeeTx bare = TestSigner.dynamic(TestSigner.key(4), 10, 1, GWEI, GWEI.multiply(BigInteger.TEN), 21_000,
        OTHER, Bytes.EMPTY);
    Block b = op.addBlock(List.of(tx.encode(), bare.encode()),
        List.of(Receipt.of(2, true, 21_000, List.of()), Receipt.of(2, true, 42_000, List.of())), GWEI, 30_000_000);
    // OP Mainnet block 124665056 tx 1's receipt values (paradigmxyz/reth crates/optimism/rpc/src/eth/receipt.rs).
    op.l1Fees.put(b.hash() + "/0", L1FeeFields.ecotone(BigInteger.valueOf(1055991687), BigInteger.valueOf(4471),
        BigInteger.valueOf(24681034813L), BigInteger.ONE, 5227, 1014213));
    RpcMethods opMethods = new EthMethods(op, EthConfig.DEFAULTS).methods();
    JsonNode r = opMethods.find("eth_getTransactionReceipt").orElseThrow()
        .call(MAPPER.readTree("[\"" + tx.hash() + "\"]"));
    assertEquals("0x3ef12787", text(r.get("l1GasPrice")));
    assertEquals("0x1177", text(r.get("l1GasUsed")));
    assertEquals("0x5bf1ab43d", text(r.get("l1Fee")));
    assertEquals("0x146b", text(r.get("l1BaseFeeScalar")));
    assertEquals("0x1", text(r.get("l1BlobBaseFee")));
    assertEquals("0xf79c5", text(r.get("l1BlobBaseFeeScalar")));
    assertFalse(r.has("l1FeeScalar"), "removed with Ecotone");
    assertFalse(r.has("depositNonce"));
    JsonNode noInfo = opMethods.find("eth_getTransactionReceipt").orElseThrow()
        .call(MAPPER.readTree("[\"" + bare.hash() + "\"]"));
    assertTrue(noInfo.get("l1GasPrice").isNull() && noInfo.get("l1GasUsed").isNull() && noInfo.get("l1Fee").isNull(),
        "op-geth prints the three as null when it has no L1 info");
    assertFalse(noInfo.has("l1BaseFeeScalar"));
    // The head block has room: op-geth suggests its minimum tip (0.001 gwei).
    assertEquals("0xf4240", text(opMethods.find("eth_maxPriorityFeePerGas").orElseThrow()
        .call(MAPPER.createArrayNode())));
    assertNotNull(opMethods.find("eth_gasPrice").orElseThrow().call(MAPPER.createArrayNode()));
  }
}
