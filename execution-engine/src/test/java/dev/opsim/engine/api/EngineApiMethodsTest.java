package dev.opsim.engine.api;

import static dev.opsim.engine.api.EngineTestData.BEACON_ROOT;
import static dev.opsim.engine.api.EngineTestData.attributes;
import static dev.opsim.engine.api.EngineTestData.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * Every status and error code of the Engine API methods (protocol-reference 6.3; paris.md, shanghai.md, cancun.md),
 * through the JSON-RPC method objects, against a backend whose answers the test sets.
 */
class EngineApiMethodsTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Hash HEAD = Hash.ofLong(0xabc);

  private final FakeBackend backend = new FakeBackend();
  private RpcMethods methods = new EngineApiMethods(EngineTestData.opStaged(), backend).methods();

  private JsonNode call(String method, JsonNode... params) throws RpcException {
    ArrayNode array = NODES.arrayNode();
    for (JsonNode p : params) {
      array.add(p);
    }
    return methods.find(method).orElseThrow().call(array);
  }

  private int errorCode(String method, JsonNode... params) {
    return assertThrows(RpcException.class, () -> call(method, params)).code();
  }

  private static ObjectNode state(Hash head) {
    return new ForkchoiceState(head, head, Hash.ZERO).toJson();
  }

  private void headApplied(long headTimestamp) {
    backend.forkchoiceAnswer = new ForkchoiceOutcome.Applied(
        block(Hash.ofLong(1), 4, headTimestamp, List.of(), headTimestamp >= EngineTestData.HOLOCENE
            ? Bytes.fromHexString("0x00000000fa00000006") : Bytes.EMPTY).header());
  }

  // --- exchangeCapabilities ---

  @Test
  void exchangeCapabilitiesListsEveryMethodButItself() throws Exception {
    ArrayNode offered = NODES.arrayNode().add("engine_newPayloadV3").add("engine_getPayloadV9");
    JsonNode result = call("engine_exchangeCapabilities", offered);
    List<String> names = new ObjectMapper().convertValue(result, List.class);
    assertEquals(EngineApiMethods.CAPABILITIES, names);
    assertTrue(names.containsAll(List.of("engine_forkchoiceUpdatedV3", "engine_getPayloadV3", "engine_newPayloadV3")));
    assertTrue(!names.contains("engine_exchangeCapabilities"));
    assertEquals(methods.names().size() - 1, names.size());
  }

  @Test
  void exchangeCapabilitiesNeedsAnArrayOfStrings() {
    assertEquals(-32602, errorCode("engine_exchangeCapabilities", NODES.textNode("engine_newPayloadV3")));
    assertEquals(-32602, errorCode("engine_exchangeCapabilities", NODES.arrayNode().add(3)));
    assertEquals(-32602, errorCode("engine_exchangeCapabilities"));
  }

  // --- forkchoiceUpdated: statuses ---

  @Test
  void forkchoiceWithoutAttributesIsValidWithNoPayloadId() throws Exception {
    headApplied(250);
    JsonNode r = call("engine_forkchoiceUpdatedV3", state(HEAD), NullNode.instance);
    assertEquals("VALID", r.get("payloadStatus").get("status").asText());
    assertEquals(HEAD.toString(), r.get("payloadStatus").get("latestValidHash").asText());
    assertTrue(r.get("payloadStatus").get("validationError").isNull());
    assertTrue(r.get("payloadId").isNull());
    assertEquals(List.of(new ForkchoiceState(HEAD, HEAD, Hash.ZERO)), backend.forkchoiceCalls);
    assertTrue(backend.builds.isEmpty());
  }

  @Test
  void unknownHeadIsSyncing() throws Exception {
    backend.forkchoiceAnswer = new ForkchoiceOutcome.Syncing();
    JsonNode r = call("engine_forkchoiceUpdatedV3", state(HEAD), attributes(250).toJson());
    assertEquals("SYNCING", r.get("payloadStatus").get("status").asText());
    assertTrue(r.get("payloadStatus").get("latestValidHash").isNull());
    assertTrue(r.get("payloadId").isNull());
    assertTrue(backend.builds.isEmpty(), "no build without a valid head");
  }

  @Test
  void invalidHeadIsInvalidWithTheBackendsLatestValidHash() throws Exception {
    backend.forkchoiceAnswer = new ForkchoiceOutcome.Invalid(
        PayloadStatus.invalid(Optional.of(Hash.ofLong(5)), "bad ancestor"));
    JsonNode r = call("engine_forkchoiceUpdatedV3", state(HEAD), NullNode.instance);
    assertEquals("INVALID", r.get("payloadStatus").get("status").asText());
    assertEquals(Hash.ofLong(5).toString(), r.get("payloadStatus").get("latestValidHash").asText());
    assertEquals("bad ancestor", r.get("payloadStatus").get("validationError").asText());
  }

  @Test
  void inconsistentSafeOrFinalizedIsError38002() {
    backend.forkchoiceAnswer = new ForkchoiceOutcome.InconsistentState("safe block not in canonical chain");
    assertEquals(-38002, errorCode("engine_forkchoiceUpdatedV3", state(HEAD), NullNode.instance));
  }

  @Test
  void zeroHeadIsInvalidAndNeverReachesTheBackend() throws Exception {
    JsonNode r = call("engine_forkchoiceUpdatedV3", state(Hash.ZERO));
    assertEquals("INVALID", r.get("payloadStatus").get("status").asText());
    assertTrue(backend.forkchoiceCalls.isEmpty());
  }

  // --- forkchoiceUpdated: building ---

  @Test
  void validAttributesStartABuildUnderTheDerivedPayloadId() throws Exception {
    headApplied(248);
    PayloadAttributes attrs = attributes(250);
    JsonNode r = call("engine_forkchoiceUpdatedV3", state(HEAD), attrs.toJson());
    assertEquals("VALID", r.get("payloadStatus").get("status").asText());
    PayloadId id = PayloadId.of(3, HEAD, attrs);
    assertEquals(id.toString(), r.get("payloadId").asText());
    assertTrue(r.get("payloadId").asText().matches("0x[0-9a-f]{16}"));
    assertEquals(List.of(new FakeBackend.BuildCall(id, HEAD, attrs)), backend.builds);
  }

  @Test
  void holoceneAttributesNeedValidEip1559Params() throws Exception {
    headApplied(HOLOCENE_HEAD);
    assertEquals("VALID", call("engine_forkchoiceUpdatedV3", state(HEAD), attributes(310).toJson())
        .get("payloadStatus").get("status").asText());
    // all-zero = "use the chain's constants" (protocol-reference 5.12)
    assertEquals("VALID", call("engine_forkchoiceUpdatedV3", state(HEAD),
        withField(attributes(310), "eip1559Params", "0x0000000000000000")).get("payloadStatus").get("status")
        .asText());
    assertEquals(-38003, errorCode("engine_forkchoiceUpdatedV3", state(HEAD), without(attributes(310),
        "eip1559Params")));
    assertEquals(-38003, errorCode("engine_forkchoiceUpdatedV3", state(HEAD),
        withField(attributes(310), "eip1559Params", "0x000000fa000006")));
    assertEquals(-38003, errorCode("engine_forkchoiceUpdatedV3", state(HEAD),
        withField(attributes(310), "eip1559Params", "0x0000000000000006")));
  }

  private static final long HOLOCENE_HEAD = 308;

  @Test
  void eip1559ParamsBeforeHoloceneAreRefused() {
    headApplied(248);
    assertEquals(-38003, errorCode("engine_forkchoiceUpdatedV3", state(HEAD),
        withField(attributes(250), "eip1559Params", "0x000000fa00000006")));
  }

  @Test
  void attributeRuleViolationsAre38003AfterTheForkchoiceWasApplied() {
    headApplied(248);
    ObjectNode tooEarly = attributes(250).toJson();
    tooEarly.put("timestamp", "0xf8");
    List<JsonNode> bad = List.of(
        without(attributes(250), "parentBeaconBlockRoot"),
        without(attributes(250), "withdrawals"),
        without(attributes(250), "gasLimit"),
        tooEarly,
        withWithdrawal(attributes(250)),
        withTransactions(attributes(250), "0x7e01"),
        withTransactions(attributes(250), "0x"),
        withTransactions(attributes(250), "0x02c0"));
    for (JsonNode attrs : bad) {
      int before = backend.forkchoiceCalls.size();
      assertEquals(-38003, errorCode("engine_forkchoiceUpdatedV3", state(HEAD), attrs), attrs.toString());
      assertEquals(before + 1, backend.forkchoiceCalls.size(), "the forkchoice state is applied first");
    }
    assertTrue(backend.builds.isEmpty());
  }

  @Test
  void backendRefusingTheBuildIs38003() {
    headApplied(248);
    backend.refuseBuild = "gas limit too high";
    RpcException e = assertThrows(RpcException.class,
        () -> call("engine_forkchoiceUpdatedV3", state(HEAD), attributes(250).toJson()));
    assertEquals(-38003, e.code());
    assertTrue(e.getMessage().contains("gas limit too high"));
  }

  @Test
  void forkchoiceUpdatedV3BeforeEcotoneIs38005() {
    headApplied(140);
    assertEquals(-38005, errorCode("engine_forkchoiceUpdatedV3", state(HEAD), attributes(150).toJson()));
  }

  @Test
  void forkchoiceUpdatedV2ServesBedrockAndCanyonAttributes() throws Exception {
    headApplied(40);
    ObjectNode bedrock = without(attributes(50), "parentBeaconBlockRoot");
    bedrock.remove("withdrawals");
    JsonNode r = call("engine_forkchoiceUpdatedV2", state(HEAD), bedrock);
    assertEquals(2, PayloadId.fromHex(r.get("payloadId").asText()).version());

    headApplied(140);
    ObjectNode canyon = without(attributes(150), "parentBeaconBlockRoot");
    assertEquals("VALID", call("engine_forkchoiceUpdatedV2", state(HEAD), canyon)
        .get("payloadStatus").get("status").asText());
    assertEquals(-38003, errorCode("engine_forkchoiceUpdatedV2", state(HEAD), attributes(150).toJson()),
        "V2 attributes carry no beacon root");
    ObjectNode canyonWithoutWithdrawals = canyon.deepCopy();
    canyonWithoutWithdrawals.remove("withdrawals");
    assertEquals(-38003, errorCode("engine_forkchoiceUpdatedV2", state(HEAD), canyonWithoutWithdrawals));

    headApplied(40);
    ObjectNode bedrockWithWithdrawals = bedrock.deepCopy();
    bedrockWithWithdrawals.putArray("withdrawals");
    assertEquals(-38003, errorCode("engine_forkchoiceUpdatedV2", state(HEAD), bedrockWithWithdrawals));

    headApplied(248);
    assertEquals(-38005, errorCode("engine_forkchoiceUpdatedV2", state(HEAD),
        without(attributes(250), "parentBeaconBlockRoot")));
  }

  @Test
  void malformedForkchoiceParamsAre32602() {
    headApplied(248);
    ObjectNode badState = state(HEAD);
    badState.put("safeBlockHash", "0x1234");
    assertEquals(-32602, errorCode("engine_forkchoiceUpdatedV3", badState));
    assertEquals(-32602, errorCode("engine_forkchoiceUpdatedV3", NODES.textNode("head")));
    assertEquals(-32602, errorCode("engine_forkchoiceUpdatedV3", state(HEAD),
        withField(attributes(250), "timestamp", "0x0fa")));
    assertEquals(-32602, errorCode("engine_forkchoiceUpdatedV3", state(HEAD), attributes(250).toJson(),
        NODES.textNode("extra")));
    assertTrue(backend.forkchoiceCalls.isEmpty(), "malformed requests never reach the backend");
  }

  // --- getPayload ---

  @Test
  void getPayloadV3ReturnsTheOpEnvelope() throws Exception {
    Block built = block(250);
    PayloadId id = PayloadId.of(3, HEAD, attributes(250));
    backend.built.put(id, new BuiltPayload(built, BigInteger.valueOf(12345)));
    JsonNode r = call("engine_getPayloadV3", NODES.textNode(id.toString()));
    assertEquals(ExecutionPayload.fromBlock(built).toJson(), r.get("executionPayload"));
    assertEquals(built.hash().toString(), r.get("executionPayload").get("blockHash").asText());
    assertEquals("0x3039", r.get("blockValue").asText());
    assertEquals("{\"commitments\":[],\"proofs\":[],\"blobs\":[]}", r.get("blobsBundle").toString());
    assertEquals(false, r.get("shouldOverrideBuilder").booleanValue());
    assertEquals(BEACON_ROOT.toString(), r.get("parentBeaconBlockRoot").asText());
  }

  @Test
  void getPayloadV2ReturnsPayloadAndValueOnly() throws Exception {
    Block built = block(150);
    PayloadId id = PayloadId.of(2, HEAD, attributes(150));
    backend.built.put(id, new BuiltPayload(built, BigInteger.ZERO));
    JsonNode r = call("engine_getPayloadV2", NODES.textNode(id.toString()));
    assertEquals(List.of("executionPayload", "blockValue"), fieldNames(r));
    assertEquals("0x0", r.get("blockValue").asText());
    assertEquals(2, ExecutionPayload.fromJson(r.get("executionPayload")).version());
  }

  @Test
  void unknownPayloadIs38001() {
    assertEquals(-38001, errorCode("engine_getPayloadV3", NODES.textNode("0x00000000000000ff")));
    assertEquals(-38001, errorCode("engine_getPayloadV2", NODES.textNode("0x0200000000000001")));
  }

  @Test
  void getPayloadOfTheWrongVersionIs38005() {
    PayloadId v3 = PayloadId.of(3, HEAD, attributes(250));
    backend.built.put(v3, new BuiltPayload(block(250), BigInteger.ONE));
    assertEquals(-38005, errorCode("engine_getPayloadV2", NODES.textNode(v3.toString())));
    PayloadId v2 = PayloadId.of(2, HEAD, attributes(150));
    backend.built.put(v2, new BuiltPayload(block(150), BigInteger.ONE));
    assertEquals(-38005, errorCode("engine_getPayloadV3", NODES.textNode(v2.toString())));
  }

  @Test
  void praguePayloadsNeedV4AndAre38005() {
    methods = new EngineApiMethods(new dev.opsim.engine.genesis.ChainConfig(BigInteger.valueOf(900),
        java.util.OptionalLong.of(0), java.util.OptionalLong.of(0), java.util.OptionalLong.of(0),
        java.util.OptionalLong.of(0), Optional.of(BigInteger.ZERO), Optional.empty()), backend).methods();
    dev.opsim.engine.chain.BlockHeader h = block(250).header();
    Block prague = new Block(new dev.opsim.engine.chain.BlockHeader(h.parentHash(), h.ommersHash(), h.coinbase(),
        h.stateRoot(), h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(),
        h.gasLimit(), h.gasUsed(), h.timestamp(), h.extraData(), h.mixHash(), h.nonce(), h.baseFeePerGas(),
        h.withdrawalsRoot(), h.blobGasUsed(), h.excessBlobGas(), h.parentBeaconBlockRoot(),
        Optional.of(Hash.ofLong(0xe3))), block(250).transactions(), Optional.of(List.of()));
    PayloadId id = PayloadId.of(3, HEAD, attributes(250));
    backend.built.put(id, new BuiltPayload(prague, BigInteger.ONE));
    assertEquals(-38005, errorCode("engine_getPayloadV3", NODES.textNode(id.toString())));
    ObjectNode payload = ExecutionPayload.fromBlock(block(250)).toJson();
    assertEquals(-38005, errorCode("engine_newPayloadV3", payload, NODES.arrayNode(),
        NODES.textNode(BEACON_ROOT.toString())));
  }

  @Test
  void malformedPayloadIdIs32602() {
    assertEquals(-32602, errorCode("engine_getPayloadV3", NODES.textNode("0x00000000000000")));
    assertEquals(-32602, errorCode("engine_getPayloadV3", NODES.numberNode(3)));
    assertEquals(-32602, errorCode("engine_getPayloadV3"));
  }

  // --- newPayloadV3 ---

  private JsonNode newPayloadV3(JsonNode payload) throws RpcException {
    return call("engine_newPayloadV3", payload, NODES.arrayNode(), NODES.textNode(BEACON_ROOT.toString()));
  }

  @Test
  void newPayloadV3HandsTheBlockToTheBackendAndReturnsItsStatus() throws Exception {
    Block block = block(250);
    JsonNode r = newPayloadV3(ExecutionPayload.fromBlock(block).toJson());
    assertEquals("VALID", r.get("status").asText());
    assertEquals(block.hash().toString(), r.get("latestValidHash").asText());
    assertEquals(List.of(block), backend.imported);
  }

  @Test
  void everyBackendStatusPassesThrough() throws Exception {
    List<PayloadStatus> answers = List.of(
        PayloadStatus.invalid(Optional.of(Hash.ofLong(1)), "state root mismatch"),
        PayloadStatus.syncing(),
        PayloadStatus.accepted());
    for (PayloadStatus answer : answers) {
      backend.newPayloadAnswer = answer;
      assertEquals(answer.toJson(), newPayloadV3(ExecutionPayload.fromBlock(block(250)).toJson()));
    }
  }

  @Test
  void wrongBlockHashIsInvalidWithoutLatestValidHash() throws Exception {
    ObjectNode payload = ExecutionPayload.fromBlock(block(250)).toJson();
    payload.put("stateRoot", Hash.ofLong(99).toString());
    JsonNode r = newPayloadV3(payload);
    assertEquals("INVALID", r.get("status").asText(), "V2+ answer INVALID, not INVALID_BLOCK_HASH");
    assertTrue(r.get("latestValidHash").isNull());
    assertTrue(r.get("validationError").asText().contains("blockhash mismatch"));
    assertTrue(backend.imported.isEmpty());
  }

  @Test
  void wrongBeaconRootIsABlockHashMismatch() throws Exception {
    JsonNode r = call("engine_newPayloadV3", ExecutionPayload.fromBlock(block(250)).toJson(), NODES.arrayNode(),
        NODES.textNode(Hash.ZERO.toString()));
    assertEquals("INVALID", r.get("status").asText());
    assertTrue(backend.imported.isEmpty());
  }

  @Test
  void badTransactionsAreInvalid() throws Exception {
    for (String tx : List.of("0x", "0x7e01", "0x02c0", "0x80")) {
      ObjectNode payload = ExecutionPayload.fromBlock(block(250)).toJson();
      ((ArrayNode) payload.get("transactions")).add(tx);
      JsonNode r = newPayloadV3(payload);
      assertEquals("INVALID", r.get("status").asText(), tx);
      assertTrue(r.get("latestValidHash").isNull());
    }
    assertTrue(backend.imported.isEmpty());
  }

  @Test
  void nonEmptyVersionedHashesAreInvalidOnOp() throws Exception {
    JsonNode r = call("engine_newPayloadV3", ExecutionPayload.fromBlock(block(250)).toJson(),
        NODES.arrayNode().add(Hash.ofLong(1).toString()), NODES.textNode(BEACON_ROOT.toString()));
    assertEquals("INVALID", r.get("status").asText());
    assertTrue(backend.imported.isEmpty());
  }

  @Test
  void newPayloadV3ParamsMustBeExactlyPresent() {
    ObjectNode payload = ExecutionPayload.fromBlock(block(250)).toJson();
    assertEquals(-32602, errorCode("engine_newPayloadV3", payload, NODES.arrayNode()));
    assertEquals(-32602, errorCode("engine_newPayloadV3", payload, NODES.arrayNode(), NullNode.instance));
    assertEquals(-32602, errorCode("engine_newPayloadV3", payload, NullNode.instance,
        NODES.textNode(BEACON_ROOT.toString())));
    assertEquals(-32602, errorCode("engine_newPayloadV3", payload, NODES.arrayNode().add("0x12"),
        NODES.textNode(BEACON_ROOT.toString())));
    ObjectNode noBlobGas = payload.deepCopy();
    noBlobGas.remove("blobGasUsed");
    assertEquals(-32602, errorCode("engine_newPayloadV3", noBlobGas, NODES.arrayNode(),
        NODES.textNode(BEACON_ROOT.toString())));
    ObjectNode v2 = noBlobGas.deepCopy();
    v2.remove("excessBlobGas");
    assertEquals(-32602, errorCode("engine_newPayloadV3", v2, NODES.arrayNode(),
        NODES.textNode(BEACON_ROOT.toString())));
    assertTrue(backend.imported.isEmpty());
  }

  @Test
  void newPayloadV3BeforeEcotoneIs38005() {
    Block canyon = block(150);
    ObjectNode payload = ExecutionPayload.fromBlock(canyon).toJson();
    payload.put("blobGasUsed", "0x0");
    payload.put("excessBlobGas", "0x0");
    assertEquals(-38005, errorCode("engine_newPayloadV3", payload, NODES.arrayNode(),
        NODES.textNode(BEACON_ROOT.toString())));
  }

  @Test
  void holocenePayloadsNeedEip1559ParamsInExtraData() throws Exception {
    assertEquals("VALID", newPayloadV3(ExecutionPayload.fromBlock(block(310)).toJson()).get("status").asText());
    for (String extra : List.of("0x", "0x01000000fa00000006", "0x00000000fa000006", "0x000000000000000006")) {
      Block block = block(Hash.ofLong(1), 5, 310, List.of(EngineTestData.deposit(1)), Bytes.fromHexString(extra));
      JsonNode r = newPayloadV3(ExecutionPayload.fromBlock(block).toJson());
      assertEquals("INVALID", r.get("status").asText(), extra);
    }
    assertEquals(1, backend.imported.size());
  }

  // --- newPayloadV2 ---

  @Test
  void newPayloadV2TakesBedrockV1AndCanyonV2Payloads() throws Exception {
    Block bedrock = block(50);
    assertEquals(1, ExecutionPayload.fromBlock(bedrock).version());
    assertEquals("VALID", call("engine_newPayloadV2", ExecutionPayload.fromBlock(bedrock).toJson())
        .get("status").asText());
    Block canyon = block(150);
    assertEquals("VALID", call("engine_newPayloadV2", ExecutionPayload.fromBlock(canyon).toJson())
        .get("status").asText());
    assertEquals(List.of(bedrock, canyon), backend.imported);
  }

  @Test
  void newPayloadV2VersionRules() {
    ObjectNode canyonWithoutWithdrawals = ExecutionPayload.fromBlock(block(150)).toJson();
    canyonWithoutWithdrawals.remove("withdrawals");
    assertEquals(-32602, errorCode("engine_newPayloadV2", canyonWithoutWithdrawals));
    ObjectNode bedrockWithWithdrawals = ExecutionPayload.fromBlock(block(50)).toJson();
    bedrockWithWithdrawals.putArray("withdrawals");
    assertEquals(-32602, errorCode("engine_newPayloadV2", bedrockWithWithdrawals));
    ObjectNode canyonWithBlobGas = ExecutionPayload.fromBlock(block(150)).toJson();
    canyonWithBlobGas.put("blobGasUsed", "0x0");
    canyonWithBlobGas.put("excessBlobGas", "0x0");
    assertEquals(-32602, errorCode("engine_newPayloadV2", canyonWithBlobGas));
    assertEquals(-38005, errorCode("engine_newPayloadV2", ExecutionPayload.fromBlock(block(250)).toJson()));
    assertTrue(backend.imported.isEmpty());
  }

  @Test
  void nonEmptyWithdrawalsAreInvalidOnOp() throws Exception {
    ObjectNode payload = ExecutionPayload.fromBlock(block(150)).toJson();
    ((ArrayNode) payload.get("withdrawals")).addObject()
        .put("index", "0x1").put("validatorIndex", "0x2").put("address", HEAD.toString().substring(0, 42))
        .put("amount", "0x3");
    assertEquals("INVALID", call("engine_newPayloadV2", payload).get("status").asText());
  }

  @Test
  void l1ChainsAcceptWithdrawalsAndCheckVersionedHashesTheSameWay() throws Exception {
    methods = new EngineApiMethods(EngineTestData.l1Cancun(), backend).methods();
    Block block = block(250);
    ObjectNode payload = ExecutionPayload.fromBlock(block).toJson();
    assertEquals("VALID", newPayloadV3(payload).get("status").asText());
    // No OP rules on L1: attributes need no gasLimit.
    headApplied(248);
    ObjectNode attrs = without(attributes(250), "gasLimit");
    assertEquals("VALID", call("engine_forkchoiceUpdatedV3", state(HEAD), attrs)
        .get("payloadStatus").get("status").asText());
  }

  // --- helpers ---

  private static ObjectNode without(PayloadAttributes attrs, String field) {
    ObjectNode o = attrs.toJson();
    o.remove(field);
    return o;
  }

  private static ObjectNode withField(PayloadAttributes attrs, String field, String value) {
    ObjectNode o = attrs.toJson();
    o.put(field, value);
    return o;
  }

  private static ObjectNode withWithdrawal(PayloadAttributes attrs) {
    ObjectNode o = attrs.toJson();
    ((ArrayNode) o.get("withdrawals")).addObject().put("index", "0x0").put("validatorIndex", "0x0")
        .put("address", "0x" + "00".repeat(20)).put("amount", "0x0");
    return o;
  }

  private static ObjectNode withTransactions(PayloadAttributes attrs, String extraTx) {
    ObjectNode o = attrs.toJson();
    ((ArrayNode) o.get("transactions")).add(extraTx);
    return o;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
