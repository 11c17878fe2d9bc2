package dev.opsim.engine.rpc;

import static dev.opsim.engine.rpc.TestServers.json;
import static dev.opsim.engine.rpc.TestServers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON-RPC 2.0 rules over real HTTP (the specification's examples and geth's codes). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonRpcProtocolTest {

  private final AtomicInteger notified = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private JsonRpcServer server;
  private HttpClient client;
  private URI uri;

  @BeforeAll
  void start() {
    RpcMethods methods = RpcMethods.builder()
        .addAll(TestServers.sampleMethods())
        .add("test_notify", params -> IntNode.valueOf(notified.incrementAndGet()))
        .add("test_block", params -> {
          try {
            return IntNode.valueOf(release.await(10, TimeUnit.SECONDS) ? 1 : 0);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        })
        .build();
    server = TestServers.start(RpcServerConfig.defaults(0).withMaxBatchSize(6), methods);
    client = TestServers.httpClient();
    uri = server.uri();
  }

  @AfterAll
  void stop() {
    release.countDown();
    server.close();
  }

  private JsonNode call(String body) {
    HttpResponse<String> response = post(client, uri, body);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return json(response.body());
  }

  private static void assertError(JsonNode response, int code, JsonNode id) {
    assertEquals("2.0", response.path("jsonrpc").asText(), response.toString());
    assertEquals(code, response.path("error").path("code").asInt(), response.toString());
    assertTrue(response.path("error").path("message").isTextual(), response.toString());
    assertEquals(id, response.get("id"), response.toString());
    assertFalse(response.has("result"), response.toString());
  }

  @Test
  void callReturnsResultWithTheSameId() {
    JsonNode response = call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"params\":[],\"id\":7}");
    assertEquals(json("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x385\"}"), response);
  }

  @Test
  void stringAndNullIdsAreEchoed() {
    assertEquals(json("\"abc\""), call("{\"jsonrpc\":\"2.0\",\"method\":\"net_version\",\"id\":\"abc\"}").get("id"));
    JsonNode nullId = call("{\"jsonrpc\":\"2.0\",\"method\":\"net_version\",\"id\":null}");
    assertTrue(nullId.get("id").isNull());
    assertEquals("901", nullId.get("result").asText());
  }

  @Test
  void paramsArriveAsSentAndNullResultIsKept() {
    JsonNode echoed = call("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":{\"a\":[1,\"x\"]},\"id\":1}");
    assertEquals(json("{\"a\":[1,\"x\"]}"), echoed.get("result"));
    JsonNode none = call("{\"jsonrpc\":\"2.0\",\"method\":\"test_null\",\"id\":2}");
    assertTrue(none.has("result") && none.get("result").isNull(), none.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"jsonrpc\":\"2.0\",\"method\":\"foobar\",\"params\":\"bar\",\"baz]", "", "nope",
      "{\"jsonrpc\":\"2.0\"} {}", "[1,2", "\u0000\u0001"})
  void malformedJsonIsAParseError(String body) {
    assertError(call(body), -32700, json("null"));
  }

  @Test
  void absurdlyDeepNestingIsAParseErrorNotACrash() {
    assertError(call("[".repeat(100_000) + "]".repeat(100_000)), -32700, json("null"));
    assertEquals("0x385", call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}").get("result").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1", "\"text\"", "null", "true",
      "{\"jsonrpc\":\"2.0\",\"method\":1,\"params\":\"bar\"}",
      "{\"jsonrpc\":\"2.0\",\"params\":[],\"id\":1}",
      "{\"jsonrpc\":\"1.0\",\"method\":\"eth_chainId\",\"id\":1}",
      "{\"method\":\"eth_chainId\",\"id\":1}",
      "{\"jsonrpc\":2.0,\"method\":\"eth_chainId\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"params\":\"x\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"params\":5,\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":{\"a\":1}}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":[1]}"})
  void wrongShapesAreInvalidRequests(String body) {
    JsonNode response = call(body);
    assertEquals(-32600, response.path("error").path("code").asInt(), response.toString());
    assertFalse(response.has("result"));
  }

  @Test
  void invalidRequestKeepsAUsableId() {
    assertError(call("{\"jsonrpc\":\"1.0\",\"method\":\"eth_chainId\",\"id\":9}"), -32600, IntNode.valueOf(9));
  }

  @Test
  void unknownMethodIsMethodNotFound() {
    assertError(call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_nope\",\"id\":3}"), -32601, IntNode.valueOf(3));
  }

  @Test
  void badParamsAreInvalidParams() {
    assertError(call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_getBalance\",\"params\":[],\"id\":1}"),
        -32602, IntNode.valueOf(1));
    assertError(call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_getBalance\",\"params\":[\"0x12\"],\"id\":1}"),
        -32602, IntNode.valueOf(1));
    assertError(call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_getBalance\",\"params\":[\"0x"
        + "00".repeat(20) + "\",\"latest\",3],\"id\":1}"), -32602, IntNode.valueOf(1));
    assertError(call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_getBalance\",\"params\":{\"a\":1},\"id\":1}"),
        -32602, IntNode.valueOf(1));
    JsonNode ok = call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_getBalance\",\"params\":[\"0x"
        + "00".repeat(20) + "\",null],\"id\":1}");
    assertEquals("0xde0b6b3a7640000", ok.get("result").asText());
  }

  @Test
  void revertedCallIsCodeThreeWithPlainHexData() {
    JsonNode response = call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_call\",\"params\":[{},\"latest\"],\"id\":4}");
    assertError(response, 3, IntNode.valueOf(4));
    assertEquals("execution reverted: no", response.at("/error/message").asText());
    assertTrue(response.at("/error/data").isTextual());
    assertTrue(response.at("/error/data").asText().startsWith("0x08c379a0"));
  }

  @Test
  void serverErrorKeepsItsCodeAndMessage() {
    JsonNode response = call("{\"jsonrpc\":\"2.0\",\"method\":\"test_serverError\",\"id\":5}");
    assertError(response, -32000, IntNode.valueOf(5));
    assertEquals("nonce too low", response.at("/error/message").asText());
    assertFalse(response.get("error").has("data"));
  }

  @Test
  void crashingMethodIsInternalErrorWithoutDetails() {
    HttpResponse<String> response =
        post(client, uri, "{\"jsonrpc\":\"2.0\",\"method\":\"test_crash\",\"id\":6}");
    assertError(json(response.body()), -32603, IntNode.valueOf(6));
    assertFalse(response.body().contains("secret internal detail"), response.body());
    assertFalse(response.body().contains("IllegalStateException"), response.body());
    assertFalse(response.body().contains("at dev.opsim"), response.body());
  }

  @Test
  void batchAnswersEachEntryAndSkipsNotifications() {
    JsonNode responses = call("""
        [{"jsonrpc":"2.0","method":"eth_chainId","id":1},
         {"jsonrpc":"2.0","method":"test_notify","params":[]},
         {"jsonrpc":"2.0","method":"eth_nope","id":"2"},
         {"foo":"boo"},
         {"jsonrpc":"2.0","method":"eth_getBalance","params":[],"id":3},
         1]""");
    assertTrue(responses.isArray());
    assertEquals(5, responses.size(), responses.toString());
    Map<String, Integer> codeById = new HashMap<>();
    int nullIds = 0;
    for (JsonNode response : responses) {
      if (response.get("id").isNull()) {
        assertEquals(-32600, response.at("/error/code").asInt());
        nullIds++;
      } else {
        codeById.put(response.get("id").asText(), response.at("/error/code").asInt(0));
      }
    }
    assertEquals(2, nullIds);
    assertEquals(Map.of("1", 0, "2", -32601, "3", -32602), codeById);
    assertEquals(json("\"0x385\""), responses.get(0).get("result"));
  }

  @Test
  void emptyBatchIsOneInvalidRequest() {
    assertError(call("[]"), -32600, json("null"));
  }

  @Test
  void batchOverTheLimitIsOneInvalidRequest() {
    String entry = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}";
    JsonNode six = call("[" + String.join(",", Collections.nCopies(6, entry)) + "]");
    assertEquals(6, six.size());
    JsonNode seven = call("[" + String.join(",", Collections.nCopies(7, entry)) + "]");
    assertError(seven, -32600, json("null"));
  }

  @Test
  void notificationsRunButGetNoResponse() {
    int before = notified.get();
    HttpResponse<String> single = post(client, uri, "{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\"}");
    assertEquals(200, single.statusCode());
    assertEquals("", single.body());
    HttpResponse<String> batch = post(client, uri,
        "[{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\"},{\"jsonrpc\":\"2.0\",\"method\":\"eth_nope\"}]");
    assertEquals(200, batch.statusCode());
    assertEquals("", batch.body());
    assertEquals(before + 2, notified.get());
  }

  @Test
  void blockingMethodDoesNotHoldOtherRequests() throws Exception {
    CompletableFuture<HttpResponse<String>> blocked = CompletableFuture.supplyAsync(
        () -> post(TestServers.httpClient(), uri, "{\"jsonrpc\":\"2.0\",\"method\":\"test_block\",\"id\":1}"));
    for (int i = 0; i < 20; i++) {
      assertEquals("0x385", call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}").get("result").asText());
    }
    assertFalse(blocked.isDone());
    release.countDown();
    assertEquals(1, json(blocked.get(10, TimeUnit.SECONDS).body()).get("result").asInt());
  }

  @Test
  void getIsNotAllowed() {
    HttpResponse<String> response = TestServers.send(client, HttpRequest.newBuilder(uri).GET().build());
    assertEquals(405, response.statusCode());
    assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void otherPathsAreNotFound() {
    HttpResponse<String> response = post(client, uri.resolve("/rpc"), "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}");
    assertEquals(404, response.statusCode());
  }

  @Test
  void nonJsonContentTypeIsRefused() {
    HttpResponse<String> response = TestServers.send(client, HttpRequest.newBuilder(uri)
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}"))
        .build());
    assertEquals(415, response.statusCode());
    HttpResponse<String> withCharset = TestServers.send(client, HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}"))
        .build());
    assertEquals(200, withCharset.statusCode());
  }

  @Test
  void oversizeBodyIs413AndServerKeepsServing() {
    // Just over geth's 5 MiB limit, with a declared length and chunked.
    String big = "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\""
        + "a".repeat(RpcServerConfig.DEFAULT_MAX_BODY_BYTES) + "\"],\"id\":1}";
    assertEquals(413, post(client, uri, big).statusCode());
    HttpResponse<String> chunked = TestServers.send(client, HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.US_ASCII))))
        .timeout(Duration.ofSeconds(10))
        .build());
    assertEquals(413, chunked.statusCode());
    String justUnder = "{\"jsonrpc\":\"2.0\",\"method\":\"test_null\",\"params\":[\""
        + "a".repeat(RpcServerConfig.DEFAULT_MAX_BODY_BYTES - 100) + "\"],\"id\":1}";
    assertEquals(200, post(client, uri, justUnder).statusCode());
    assertEquals("0x385", call("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}").get("result").asText());
  }
}
