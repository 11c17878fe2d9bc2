package dev.opsim.engine.rpc;

import static dev.opsim.engine.rpc.JwtTest.CLOCK;
import static dev.opsim.engine.rpc.JwtTest.NOW;
import static dev.opsim.engine.rpc.JwtTest.SECRET;
import static dev.opsim.engine.rpc.JwtTest.b64;
import static dev.opsim.engine.rpc.JwtTest.hs256;
import static dev.opsim.engine.rpc.TestServers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/** The Engine API port: engine_* methods only, every request behind an HS256 JWT (protocol reference 6.1). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineAuthServerTest {

  private static final String CAPABILITIES =
      "{\"jsonrpc\":\"2.0\",\"method\":\"engine_exchangeCapabilities\",\"params\":[[]],\"id\":1}";

  private JsonRpcServer server;
  private HttpClient client;
  private URI uri;
  private final JwtIssuer issuer = new JwtIssuer(SECRET, CLOCK);

  /** web3j's shape for a list-of-strings result. */
  public static final class Capabilities extends Response<List<String>> {}

  @BeforeAll
  void start() throws IOException {
    RpcMethods all = RpcMethods.builder()
        .addAll(TestServers.sampleMethods())
        .add("engine_exchangeCapabilities", params -> {
          ArrayNode supported = JsonNodeFactory.instance.arrayNode();
          supported.add("engine_forkchoiceUpdatedV3").add("engine_getPayloadV3").add("engine_newPayloadV3");
          return supported;
        })
        .build();
    server = JsonRpcServer.start(RpcServerConfig.defaults(0), all.only(name -> name.startsWith("engine_")),
        new JwtAuthenticator(new JwtVerifier(SECRET, CLOCK)));
    client = TestServers.httpClient();
    uri = server.uri();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(CAPABILITIES));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return TestServers.send(client, request.build());
  }

  private void assertUnauthorized(String authorization) {
    HttpResponse<String> response = post(authorization);
    assertEquals(401, response.statusCode(), response.body());
    assertTrue(response.body().length() < 100, response.body());
  }

  @Test
  void validTokenIsServed() {
    HttpResponse<String> response = post("Bearer " + issuer.issue());
    assertEquals(200, response.statusCode());
    assertEquals("engine_newPayloadV3", json(response.body()).at("/result/2").asText());
  }

  @Test
  void onlyEngineMethodsAreRegistered() {
    String body = "{\"jsonrpc\":\"2.0\",\"method\":\"web3_clientVersion\",\"id\":1}";
    HttpResponse<String> response = TestServers.send(client, HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + issuer.issue())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertEquals(-32601, json(response.body()).at("/error/code").asInt());
  }

  @Test
  void missingHeaderIs401() {
    assertUnauthorized(null);
    assertUnauthorized("");
    assertUnauthorized("Basic dXNlcjpwYXNz");
  }

  @Test
  void badSignatureIs401() {
    String token = issuer.issue();
    assertUnauthorized("Bearer " + token.substring(0, token.lastIndexOf('.') + 1) + b64("not the signature"));
  }

  @Test
  void wrongSecretIs401() {
    assertUnauthorized("Bearer " + new JwtIssuer(JwtSecret.fromHex("01".repeat(32)), CLOCK).issue());
  }

  @Test
  void algNoneIs401() {
    assertUnauthorized("Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
        + b64("{\"iat\":" + NOW.getEpochSecond() + "}") + ".");
  }

  @Test
  void staleFutureAndMissingIatAre401() {
    assertUnauthorized("Bearer " + issuer.issue(NOW.minusSeconds(61)));
    assertUnauthorized("Bearer " + issuer.issue(NOW.plusSeconds(62)));
    assertUnauthorized("Bearer " + hs256("{\"id\":\"op-node\"}"));
  }

  @Test
  void getWithoutTokenIs401AndWithTokenIs405() {
    assertEquals(401, TestServers.send(client, HttpRequest.newBuilder(uri).GET().build()).statusCode());
    assertEquals(405, TestServers.send(client, HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + issuer.issue()).GET().build()).statusCode());
  }

  @Test
  void web3jWithTheTokenHeaderGetsCapabilities() throws Exception {
    HttpService service = new HttpService(uri.toString());
    service.addHeader("Authorization", "Bearer " + issuer.issue());
    Capabilities capabilities = new Request<>("engine_exchangeCapabilities", List.of(List.of("engine_newPayloadV3")),
        service, Capabilities.class).send();
    assertEquals(List.of("engine_forkchoiceUpdatedV3", "engine_getPayloadV3", "engine_newPayloadV3"),
        capabilities.getResult());
  }

  @Test
  void web3jWithoutTheTokenSees401() {
    HttpService service = new HttpService(uri.toString());
    ClientConnectionException refused = assertThrows(ClientConnectionException.class,
        () -> new Request<>("engine_exchangeCapabilities", List.of(List.of()), service, Capabilities.class).send());
    assertTrue(refused.getMessage().contains("401"), refused.getMessage());
  }
}
