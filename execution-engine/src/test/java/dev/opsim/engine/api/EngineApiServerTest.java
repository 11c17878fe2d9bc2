package dev.opsim.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.rpc.JsonRpcServer;
import dev.opsim.engine.rpc.JwtIssuer;
import dev.opsim.engine.rpc.JwtSecret;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.engine.rpc.RpcServerConfig;
import dev.opsim.protocol.Hash;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Engine API port over real HTTP with HS256 JWTs (protocol-reference 6.1, 6.5): one block through
 * forkchoiceUpdatedV3 -> getPayloadV3 -> newPayloadV3 -> forkchoiceUpdatedV3, as op-node drives it.
 */
class EngineApiServerTest {

  private static final JwtSecret SECRET = JwtSecret.fromHex("0x" + "5a".repeat(32));
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T00:00:00Z"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final FakeBackend backend = new FakeBackend();
  private final JwtIssuer issuer = new JwtIssuer(SECRET, CLOCK);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private JsonRpcServer server;
  private URI uri;

  @BeforeEach
  void start() throws Exception {
    RpcMethods publicMethods = RpcMethods.builder()
        .add("eth_chainId", params -> TextNode.valueOf("0x385"))
        .add("web3_clientVersion", params -> TextNode.valueOf("opsim"))
        .build();
    server = EngineApiServer.start(RpcServerConfig.defaults(0),
        new EngineApiMethods(EngineTestData.opStaged(), backend), publicMethods, SECRET, CLOCK);
    uri = server.uri();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String method, ArrayNode params, String token) throws Exception {
    ObjectNode request = NODES.objectNode().put("jsonrpc", "2.0").put("id", 7).put("method", method);
    request.set("params", params);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode call(String method, ArrayNode params) throws Exception {
    HttpResponse<String> response = post(method, params, issuer.issue());
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertTrue(body.has("result"), response.body());
    return body.get("result");
  }

  @Test
  void buildsAndImportsOneBlockTheWayOpNodeDoes() throws Exception {
    Block parent = EngineTestData.block(248);
    Block built = EngineTestData.block(parent.hash(), 6, 250, List.of(EngineTestData.deposit(1)),
        org.apache.tuweni.bytes.Bytes.EMPTY);
    backend.forkchoiceAnswer = new ForkchoiceOutcome.Applied(parent.header());
    backend.buildResult = built;
    ObjectNode state = new ForkchoiceState(parent.hash(), parent.hash(), Hash.ZERO).toJson();

    JsonNode fcu = call("engine_forkchoiceUpdatedV3",
        NODES.arrayNode().add(state).add(EngineTestData.attributes(250).toJson()));
    assertEquals("VALID", fcu.at("/payloadStatus/status").asText());
    String payloadId = fcu.get("payloadId").asText();

    JsonNode envelope = call("engine_getPayloadV3", NODES.arrayNode().add(payloadId));
    JsonNode payload = envelope.get("executionPayload");
    assertEquals(built.hash().toString(), payload.get("blockHash").asText());

    JsonNode status = call("engine_newPayloadV3", NODES.arrayNode().add(payload).add(NODES.arrayNode())
        .add(envelope.get("parentBeaconBlockRoot")));
    assertEquals("VALID", status.get("status").asText());
    assertEquals(built.hash(), backend.imported.get(0).hash());

    backend.forkchoiceAnswer = new ForkchoiceOutcome.Applied(built.header());
    JsonNode head = call("engine_forkchoiceUpdatedV3", NODES.arrayNode()
        .add(new ForkchoiceState(built.hash(), built.hash(), parent.hash()).toJson()).add(NODES.nullNode()));
    assertEquals("VALID", head.at("/payloadStatus/status").asText());
    assertTrue(head.get("payloadId").isNull());
  }

  @Test
  void unknownPayloadIdIs38001OverHttp() throws Exception {
    HttpResponse<String> response = post("engine_getPayloadV3", NODES.arrayNode().add("0x00000000000000ff"),
        issuer.issue());
    assertEquals(-38001, JSON.readTree(response.body()).at("/error/code").asInt());
  }

  @Test
  void withoutAValidJwtEveryRequestIs401() throws Exception {
    ArrayNode capabilities = NODES.arrayNode().add(NODES.arrayNode());
    assertEquals(401, post("engine_exchangeCapabilities", capabilities, null).statusCode());
    assertEquals(401, post("engine_exchangeCapabilities", capabilities,
        new JwtIssuer(JwtSecret.fromHex("0x" + "01".repeat(32)), CLOCK).issue()).statusCode());
    assertEquals(401, post("engine_exchangeCapabilities", capabilities,
        issuer.issue(CLOCK.instant().minusSeconds(300))).statusCode());
  }

  @Test
  void servesTheEngineMethodsAndTheRequiredEthSubsetOnly() throws Exception {
    assertEquals(EngineApiMethods.CAPABILITIES.size(),
        call("engine_exchangeCapabilities", NODES.arrayNode().add(NODES.arrayNode())).size());
    assertEquals("0x385", call("eth_chainId", NODES.arrayNode()).asText());
    HttpResponse<String> other = post("web3_clientVersion", NODES.arrayNode(), issuer.issue());
    assertEquals(-32601, JSON.readTree(other.body()).at("/error/code").asInt());
  }
}
