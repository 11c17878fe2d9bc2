package dev.opsim.engine.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.blockchain.TestChains;
import dev.opsim.engine.rpc.JwtIssuer;
import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.deposit.SourceHash;
import dev.opsim.protocol.l1info.EcotoneL1BlockInfo;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/**
 * Shared plumbing of the EngineApi*E2eTest classes: in-process OP engines (TestChains' OP genesis, chain 901, Fjord
 * with Ecotone), a JSON-RPC client over real HTTP that signs an HS256 JWT per request as op-node does, and the OP
 * transactions a rollup node puts into payload attributes (protocol-reference 2, 4, 6).
 */
final class EngineApiE2eHarness {
  static final long CHAIN_ID = 901;
  static final long GENESIS_TIME = 1_700_000_000L;
  static final long GAS_LIMIT = 30_000_000L;
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  /** op-node's suggestedFeeRecipient: the SequencerFeeVault predeploy. */
  static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");
  /** protocol-reference 4.3: setL1BlockValuesEcotone(). */
  static final String ECOTONE_SELECTOR = "0x440a5e20";
  /** protocol-reference 1.2 / 4.1: the L1 info deposit's sender and its target, the L1Block predeploy. */
  static final Address L1_INFO_DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private EngineApiE2eHarness() {}

  /** Starts an OP engine with its own datadir (and random JWT secret) under {@code dir}. */
  static EngineNode startEngine(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(genesis, TestChains.genesisJson(CHAIN_ID, true, GENESIS_TIME));
    return EngineNode.start(new EngineConfig(genesis, dir.resolve("data"), "127.0.0.1", 0, 0, Optional.empty(),
        OptionalLong.empty()), InstantSource.system());
  }

  /** A deterministic secp256k1 key (keccak of a label is below the curve order for any label used here). */
  static byte[] key(String label) {
    byte[] key = Keccak.hash(label.getBytes(StandardCharsets.UTF_8)).toArray();
    assertTrue(Secp256k1.isValidSecretKey(key));
    return key;
  }

  static Hash hashOf(String label) {
    return Keccak.hash(label.getBytes(StandardCharsets.UTF_8));
  }

  // --- OP transactions (protocol-reference 2 and 4) ---

  /** An L1 origin block as the rollup node would copy it into the L1 info deposit. */
  record L1Block(long number, long timestamp, BigInteger baseFee, Hash hash) {
    static L1Block of(long number) {
      return new L1Block(number, GENESIS_TIME - 120 + number * 12, BigInteger.valueOf(7_000_000_000L),
          hashOf("l1 block " + number));
    }
  }

  /**
   * The Ecotone L1 attributes deposit (protocol-reference 4.1, 4.3): setL1BlockValuesEcotone calldata from the
   * depositor account to L1Block, source hash domain 1 over (origin hash, sequence number), 1M gas (Regolith), not a
   * system tx.
   */
  static Bytes l1InfoDeposit(L1Block origin, long sequenceNumber) {
    EcotoneL1BlockInfo info = new EcotoneL1BlockInfo(1368, 810949, sequenceNumber, origin.timestamp(),
        origin.number(), origin.baseFee(), BigInteger.ONE, origin.hash(), hashOf("batcher"));
    Bytes calldata = Bytes.wrap(info.encode());
    assertTrue(calldata.toHexString().startsWith(ECOTONE_SELECTOR), calldata.toHexString());
    assertEquals(164, calldata.size());
    DepositTx deposit = new DepositTx(SourceHash.l1Info(origin.hash(), sequenceNumber), L1_INFO_DEPOSITOR,
        Optional.of(L1_BLOCK), BigInteger.ZERO, BigInteger.ZERO, 1_000_000, false, calldata);
    return Bytes.wrap(deposit.encode());
  }

  /** A user deposit (source hash domain 0) as the portal's TransactionDeposited log {@code logIndex} makes it. */
  static Bytes userDeposit(L1Block origin, long logIndex, Address from, Address to, BigInteger mint,
      BigInteger value) {
    DepositTx deposit = new DepositTx(SourceHash.userDeposit(origin.hash(), logIndex), from, Optional.of(to), mint,
        value, 100_000, false, Bytes.EMPTY);
    return Bytes.wrap(deposit.encode());
  }

  static Hash txHash(Bytes tx) {
    return Keccak.hash(tx);
  }

  /** OP payload attributes V3 with the forced transactions and no tx pool, as op-node sends them. */
  static ObjectNode attributes(long timestamp, Hash beaconRoot, List<Bytes> transactions) {
    ObjectNode a = NODES.objectNode();
    a.put("timestamp", quantity(timestamp));
    a.put("prevRandao", hashOf("randao " + timestamp + " " + beaconRoot).toString());
    a.put("suggestedFeeRecipient", SEQUENCER_FEE_VAULT.toString());
    a.putArray("withdrawals");
    a.put("parentBeaconBlockRoot", beaconRoot.toString());
    ArrayNode txs = a.putArray("transactions");
    transactions.forEach(tx -> txs.add(tx.toHexString()));
    a.put("noTxPool", true);
    a.put("gasLimit", quantity(GAS_LIMIT));
    return a;
  }

  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  static BigInteger bigQuantity(JsonNode node) {
    assertTrue(node != null && node.isTextual() && node.textValue().startsWith("0x"), "a quantity, got " + node);
    return new BigInteger(node.textValue().substring(2), 16);
  }

  static long longQuantity(JsonNode node) {
    return bigQuantity(node).longValueExact();
  }

  /** A built block as op-node keeps it: the payload and the beacon root newPayloadV3 needs besides it. */
  record Payload(ObjectNode json, Hash beaconRoot) {
    Hash blockHash() {
      return Hash.fromHex(json.get("blockHash").asText());
    }

    Hash parentHash() {
      return Hash.fromHex(json.get("parentHash").asText());
    }

    long number() {
      return longQuantity(json.get("blockNumber"));
    }

    List<String> transactions() {
      return JSON.convertValue(json.get("transactions"), JSON.getTypeFactory()
          .constructCollectionType(List.class, String.class));
    }
  }

  // --- JSON-RPC over HTTP ---

  /** One JSON-RPC endpoint; {@code jwt} present = the Engine API port (a fresh token per request). */
  record Rpc(URI uri, Optional<JwtIssuer> jwt) {
    static Rpc engine(EngineNode node) {
      return new Rpc(node.authUri(), Optional.of(new JwtIssuer(node.jwtSecret(), InstantSource.system())));
    }

    static Rpc eth(EngineNode node) {
      return new Rpc(node.httpUri(), Optional.empty());
    }

    /** POSTs {@code body} with the given Authorization header value (none when empty). */
    HttpResponse<String> post(String body, Optional<String> authorization) throws IOException,
        InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      authorization.ifPresent(value -> request.header("Authorization", value));
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String request(String method, Object... params) {
      ObjectNode request = NODES.objectNode();
      request.put("jsonrpc", "2.0");
      request.put("id", 1);
      request.put("method", method);
      ArrayNode array = request.putArray("params");
      for (Object param : params) {
        switch (param) {
          case null -> array.addNull();
          case JsonNode node -> array.add(node);
          case String text -> array.add(text);
          case Boolean flag -> array.add(flag);
          case Hash hash -> array.add(hash.toString());
          case Address address -> array.add(address.toString());
          default -> throw new IllegalArgumentException("param " + param);
        }
      }
      return request.toString();
    }

    /** The whole response object of a call that must get HTTP 200. */
    JsonNode call(String method, Object... params) throws IOException, InterruptedException {
      HttpResponse<String> response = post(request(method, params), jwt.map(JwtIssuer::bearer));
      assertEquals(200, response.statusCode(), method + ": " + response.body());
      return JSON.readTree(response.body());
    }

    JsonNode result(String method, Object... params) throws IOException, InterruptedException {
      JsonNode response = call(method, params);
      assertFalse(response.has("error"), method + " failed: " + response);
      assertTrue(response.has("result"), method + ": " + response);
      return response.get("result");
    }

    /** The error object of a call that must fail. */
    JsonNode error(String method, Object... params) throws IOException, InterruptedException {
      JsonNode response = call(method, params);
      assertTrue(response.has("error") && !response.has("result"), method + " should fail: " + response);
      return response.get("error");
    }
  }

  // --- Engine API flows ---

  static ObjectNode forkchoiceState(Hash head, Hash safe, Hash finalized) {
    ObjectNode state = NODES.objectNode();
    state.put("headBlockHash", head.toString());
    state.put("safeBlockHash", safe.toString());
    state.put("finalizedBlockHash", finalized.toString());
    return state;
  }

  /** forkchoiceUpdatedV3 without attributes; asserts VALID and no payloadId. */
  static void forkchoice(Rpc engine, Hash head, Hash safe, Hash finalized) throws Exception {
    JsonNode r = engine.result("engine_forkchoiceUpdatedV3", forkchoiceState(head, safe, finalized), null);
    assertEquals("VALID", r.at("/payloadStatus/status").asText(), r.toString());
    assertEquals(head.toString(), r.at("/payloadStatus/latestValidHash").asText(), r.toString());
    assertTrue(r.get("payloadId") == null || r.get("payloadId").isNull(), r.toString());
  }

  /**
   * Builds a block on {@code parent} the way op-node's sequencer does: forkchoiceUpdatedV3 with attributes (VALID and
   * a payloadId), then getPayloadV3. The block is not imported. The payload's fixed fields are checked against the
   * attributes (noTxPool: exactly the given transactions, in order).
   */
  static Payload build(Rpc engine, Hash parent, Hash safe, Hash finalized, long timestamp,
      List<Bytes> transactions) throws Exception {
    Hash beaconRoot = hashOf("beacon root " + parent + " " + timestamp + " " + transactions);
    ObjectNode attributes = attributes(timestamp, beaconRoot, transactions);
    JsonNode fcu = engine.result("engine_forkchoiceUpdatedV3", forkchoiceState(parent, safe, finalized), attributes);
    assertEquals("VALID", fcu.at("/payloadStatus/status").asText(), fcu.toString());
    String payloadId = fcu.path("payloadId").asText();
    assertTrue(payloadId.matches("0x[0-9a-fA-F]{16}"), fcu.toString());
    JsonNode envelope = engine.result("engine_getPayloadV3", payloadId);
    ObjectNode payload = (ObjectNode) envelope.get("executionPayload");
    assertNotNull(payload, envelope.toString());
    assertEquals(parent.toString(), payload.get("parentHash").asText());
    assertEquals(timestamp, longQuantity(payload.get("timestamp")));
    assertEquals(GAS_LIMIT, longQuantity(payload.get("gasLimit")));
    assertEquals(SEQUENCER_FEE_VAULT.toString(), payload.get("feeRecipient").asText());
    assertEquals(attributes.get("prevRandao"), payload.get("prevRandao"));
    assertEquals(transactions.stream().map(Bytes::toHexString).toList(),
        new Payload(payload, beaconRoot).transactions().stream().map(String::toLowerCase).toList());
    assertEquals(0, payload.get("withdrawals").size());
    assertEquals(0, longQuantity(payload.get("blobGasUsed")));
    return new Payload(payload, beaconRoot);
  }

  /** newPayloadV3 (no blobs); returns the PayloadStatusV1. */
  static JsonNode newPayload(Rpc engine, Payload payload) throws Exception {
    return engine.result("engine_newPayloadV3", payload.json(), NODES.arrayNode(), payload.beaconRoot().toString());
  }

  /** newPayloadV3 that must be VALID, then forkchoiceUpdatedV3 to it. */
  static void importAndSelect(Rpc engine, Payload payload, Hash safe, Hash finalized) throws Exception {
    JsonNode status = newPayload(engine, payload);
    assertEquals("VALID", status.get("status").asText(), status.toString());
    assertEquals(payload.blockHash().toString(), status.get("latestValidHash").asText(), status.toString());
    forkchoice(engine, payload.blockHash(), safe, finalized);
  }

  /** build, then import and make it the head (safe and finalized left at zero = unchanged). */
  static Payload produce(Rpc engine, Hash parent, long timestamp, List<Bytes> transactions) throws Exception {
    Payload payload = build(engine, parent, Hash.ZERO, Hash.ZERO, timestamp, transactions);
    importAndSelect(engine, payload, Hash.ZERO, Hash.ZERO);
    return payload;
  }

  // --- public eth views ---

  static JsonNode blockByNumber(Rpc eth, String tag) throws Exception {
    return eth.result("eth_getBlockByNumber", tag, false);
  }

  static JsonNode blockByNumber(Rpc eth, long number) throws Exception {
    return blockByNumber(eth, quantity(number));
  }

  static long blockNumber(Rpc eth) throws Exception {
    return longQuantity(eth.result("eth_blockNumber"));
  }

  static BigInteger balance(Rpc eth, Address account) throws Exception {
    return bigQuantity(eth.result("eth_getBalance", account, "latest"));
  }

  static Hash genesisHash(Rpc eth) throws Exception {
    return Hash.fromHex(blockByNumber(eth, 0).get("hash").asText());
  }

  // --- the five-block scenario chain ---

  static final L1Block EPOCH_A = L1Block.of(100);
  static final L1Block EPOCH_B = L1Block.of(101);
  static final Address ALICE = Secp256k1.addressOf(key("alice"));
  static final Address BOB = Secp256k1.addressOf(key("bob"));
  static final Address FUNDER = Secp256k1.addressOf(key("funder"));
  static final byte[] SPENDER_KEY = key("fresh spender");
  static final Address SPENDER = Secp256k1.addressOf(SPENDER_KEY);
  static final Address CAROL = Secp256k1.addressOf(key("carol"));
  static final Address DAVE = Secp256k1.addressOf(key("dave"));

  /** Block 1: alice's deposit mints 2 ether and sends 0.5 of it to bob. */
  static final Bytes DEPOSIT_ALICE = userDeposit(EPOCH_A, 0, ALICE, BOB, ETHER.multiply(BigInteger.TWO),
      ETHER.divide(BigInteger.TWO));
  /** Block 3: a deposit mints 1 ether to the fresh spender, who then sends carol 0.1 ether in the same block. */
  static final Bytes DEPOSIT_FUND_SPENDER = userDeposit(EPOCH_A, 1, FUNDER, SPENDER, ETHER, ETHER);
  static final BigInteger SPENDER_TRANSFER = ETHER.divide(BigInteger.TEN);
  static final Bytes SPENDER_TX = TestChains.transfer(SPENDER_KEY, CHAIN_ID, 0, CAROL, SPENDER_TRANSFER, 21_000,
      Bytes.EMPTY);
  /** Block 4 (a new epoch): dave's deposit mints 3 ether to himself. */
  static final Bytes DEPOSIT_DAVE = userDeposit(EPOCH_B, 0, DAVE, DAVE, ETHER.multiply(BigInteger.valueOf(3)),
      BigInteger.ZERO);

  /** The transactions of scenario block {@code n} (1..5): the L1 info deposit first, then the block's others. */
  static List<Bytes> scenarioTransactions(int n) {
    return switch (n) {
      case 1 -> List.of(l1InfoDeposit(EPOCH_A, 0), DEPOSIT_ALICE);
      case 2 -> List.of(l1InfoDeposit(EPOCH_A, 1));
      case 3 -> List.of(l1InfoDeposit(EPOCH_A, 2), DEPOSIT_FUND_SPENDER, SPENDER_TX);
      case 4 -> List.of(l1InfoDeposit(EPOCH_B, 0), DEPOSIT_DAVE);
      case 5 -> List.of(l1InfoDeposit(EPOCH_B, 1));
      default -> throw new IllegalArgumentException("block " + n);
    };
  }

  /** Builds and selects the five scenario blocks on {@code engine} from genesis; returns their payloads. */
  static List<Payload> buildScenario(Rpc engine, Hash genesis) throws Exception {
    List<Payload> blocks = new ArrayList<>();
    Hash parent = genesis;
    for (int n = 1; n <= 5; n++) {
      Payload p = produce(engine, parent, GENESIS_TIME + 2L * n, scenarioTransactions(n));
      assertEquals(n, p.number());
      blocks.add(p);
      parent = p.blockHash();
    }
    return blocks;
  }
}
