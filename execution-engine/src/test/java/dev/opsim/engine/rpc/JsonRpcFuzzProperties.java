package dev.opsim.engine.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a client sends, the answer is a JSON-RPC error or an HTTP error, and the server goes on. */
class JsonRpcFuzzProperties {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_BATCH = 8;
  private static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}";

  private static JsonRpcServer server;
  private static HttpClient client;
  private static URI uri;
  private final JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(quietMethods(), MAX_BATCH);

  /** The sample methods without the one that crashes on purpose (it logs a stack trace each time). */
  private static RpcMethods quietMethods() {
    return TestServers.sampleMethods().only(name -> !name.equals("test_crash"));
  }

  @BeforeContainer
  static void start() {
    server = TestServers.start(RpcServerConfig.defaults(0).withMaxBatchSize(MAX_BATCH).withMaxBodyBytes(4096)
        .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2)), quietMethods());
    client = TestServers.httpClient();
    uri = server.uri();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property
  void randomBytesGetAParseErrorOrAWellFormedResponse(@ForAll byte[] body) {
    dispatcher.handle(body).ifPresent(response -> assertWellFormed(TestServers.json(utf8(response))));
  }

  @Property
  void randomJsonGetsOneResponsePerNonNotification(@ForAll("requests") JsonNode request) {
    Optional<byte[]> response = dispatcher.handle(request.toString().getBytes(StandardCharsets.UTF_8));
    int expected;
    if (request instanceof ArrayNode batch && !batch.isEmpty() && batch.size() <= MAX_BATCH) {
      expected = (int) StreamSupport.stream(batch.spliterator(), false)
          .filter(entry -> !isValidNotification(entry)).count();
      if (expected == 0) {
        assertTrue(response.isEmpty());
        return;
      }
      JsonNode responses = TestServers.json(utf8(response.orElseThrow()));
      assertTrue(responses.isArray(), responses.toString());
      assertEquals(expected, responses.size(), responses.toString());
      responses.forEach(JsonRpcFuzzProperties::assertWellFormed);
    } else if (isValidNotification(request)) {
      assertTrue(response.isEmpty());
    } else {
      JsonNode single = TestServers.json(utf8(response.orElseThrow()));
      assertTrue(single.isObject(), single.toString());
      assertWellFormed(single);
    }
  }

  @Property(tries = 200)
  void randomBodiesOverHttpNeverBreakTheServer(@ForAll("bodies") byte[] body) {
    HttpResponse<String> response = TestServers.send(client, HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    if (response.statusCode() == 200) {
      if (!response.body().isEmpty()) {
        JsonNode json = TestServers.json(response.body());
        if (json.isArray()) {
          json.forEach(JsonRpcFuzzProperties::assertWellFormed);
        } else {
          assertWellFormed(json);
        }
      }
    } else {
      assertEquals(413, response.statusCode(), response.body());
    }
    assertEquals("0x385", TestServers.json(TestServers.post(client, uri, CHAIN_ID).body()).get("result").asText());
  }

  @Property(tries = 60)
  void randomBytesOnTheSocketGetAnHttpAnswerOrAClose(@ForAll("rawHttp") byte[] bytes) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(bytes);
      socket.shutdownOutput();
      String answer = readAll(socket.getInputStream());
      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 "), answer);
    }
    assertEquals("0x385", TestServers.json(TestServers.post(client, uri, CHAIN_ID).body()).get("result").asText());
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // the server may reset instead of closing
    }
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  private static boolean isValidNotification(JsonNode entry) {
    return entry instanceof ObjectNode object
        && !object.has("id")
        && object.path("jsonrpc").isTextual() && object.get("jsonrpc").textValue().equals("2.0")
        && object.path("method").isTextual()
        && (!object.has("params") || object.get("params").isArray() || object.get("params").isObject());
  }

  private static void assertWellFormed(JsonNode response) {
    assertEquals("2.0", response.path("jsonrpc").asText(), response.toString());
    assertTrue(response.has("id"), response.toString());
    assertTrue(response.has("result") != response.has("error"), response.toString());
    if (response.has("error")) {
      assertTrue(response.get("error").path("code").isInt(), response.toString());
      assertTrue(response.get("error").path("message").isTextual(), response.toString());
      int code = response.get("error").get("code").asInt();
      assertTrue(Set.of(-32700, -32600, -32601, -32602, -32603, -32000, 3).contains(code), response.toString());
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<JsonNode> requests() {
    Arbitrary<JsonNode> one = request();
    return Arbitraries.frequencyOf(
        Tuple.of(3, one),
        Tuple.of(1, one.list().ofMaxSize(MAX_BATCH + 2).map(entries -> {
          ArrayNode batch = NODES.arrayNode();
          entries.forEach(batch::add);
          return batch;
        })),
        Tuple.of(1, scalar()));
  }

  private Arbitrary<JsonNode> request() {
    Arbitrary<Optional<JsonNode>> version = Arbitraries.of(
        Optional.of(NODES.textNode("2.0")), Optional.of(NODES.textNode("2.0")), Optional.of(NODES.textNode("1.0")),
        Optional.of(NODES.numberNode(2.0)), Optional.empty());
    Arbitrary<Optional<JsonNode>> method = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(List.copyOf(quietMethods().names()))
            .map(name -> Optional.<JsonNode>of(NODES.textNode(name)))),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(20).map(s -> Optional.<JsonNode>of(NODES.textNode(s)))),
        Tuple.of(1, scalar().map(Optional::of)),
        Tuple.of(1, Arbitraries.just(Optional.<JsonNode>empty())));
    Arbitrary<Optional<JsonNode>> id = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().map(i -> Optional.<JsonNode>of(NODES.numberNode(i)))),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(8).map(s -> Optional.<JsonNode>of(NODES.textNode(s)))),
        Tuple.of(1, Arbitraries.just(Optional.<JsonNode>of(NODES.nullNode()))),
        Tuple.of(1, Arbitraries.just(Optional.<JsonNode>of(NODES.objectNode()))),
        Tuple.of(2, Arbitraries.just(Optional.<JsonNode>empty())));
    Arbitrary<Optional<JsonNode>> params = Arbitraries.frequencyOf(
        Tuple.of(3, scalar().list().ofMaxSize(3).map(values -> {
          ArrayNode array = NODES.arrayNode();
          values.forEach(array::add);
          return Optional.<JsonNode>of(array);
        })),
        Tuple.of(1, scalar().map(Optional::of)),
        Tuple.of(1, Arbitraries.just(Optional.<JsonNode>of(NODES.objectNode().put("k", 1)))),
        Tuple.of(2, Arbitraries.just(Optional.<JsonNode>empty())));
    return Combinators.combine(version, method, id, params).as((v, m, i, p) -> {
      ObjectNode object = NODES.objectNode();
      v.ifPresent(value -> object.set("jsonrpc", value));
      m.ifPresent(value -> object.set("method", value));
      i.ifPresent(value -> object.set("id", value));
      p.ifPresent(value -> object.set("params", value));
      return object;
    });
  }

  private static Arbitrary<JsonNode> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.strings().ofMaxLength(10).map(NODES::textNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()),
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(40).map(s -> NODES.textNode("0x" + s)));
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-eE truenfalsjo\\u2")
        .ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> mutated = requests().map(node -> node.toString().getBytes(StandardCharsets.UTF_8))
        .flatMap(valid -> Arbitraries.integers().between(0, valid.length).flatMap(cut ->
            Arbitraries.bytes().map(b -> mutate(valid, cut, b))));
    Arbitrary<byte[]> big = Arbitraries.integers().between(4000, 5000).map(n -> ("[\"" + "x".repeat(n) + "\"]")
        .getBytes(StandardCharsets.US_ASCII));
    return Arbitraries.frequencyOf(
        Tuple.of(3, random), Tuple.of(3, jsonish),
        Tuple.of(3, mutated), Tuple.of(1, big));
  }

  /** Flips the byte at {@code at}, or (at the end) truncates by half. */
  private static byte[] mutate(byte[] valid, int at, byte flip) {
    if (at == valid.length) {
      return Arrays.copyOf(valid, valid.length / 2);
    }
    byte[] copy = valid.clone();
    copy[at] ^= (byte) (flip == 0 ? 1 : flip);
    return copy;
  }

  @Provide
  Arbitrary<byte[]> rawHttp() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> headerish = Arbitraries.strings()
        .withChars("GETPOST /HTP1.0:\r\nContent-Length: 9abc\u0000\u00ff")
        .ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    Arbitrary<byte[]> prefixed = headerish.map(tail -> {
      byte[] head = "POST / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
      byte[] all = Arrays.copyOf(head, head.length + tail.length);
      System.arraycopy(tail, 0, all, head.length, tail.length);
      return all;
    });
    return Arbitraries.oneOf(random, headerish, prefixed);
  }
}
