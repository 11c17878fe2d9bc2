package dev.opsim.engine.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Browser access: allowed origins get CORS headers and a preflight answer; without CORS, OPTIONS is 405. */
class JsonRpcCorsTest {

  private static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}";

  private static HttpResponse<String> preflight(HttpClient client, JsonRpcServer server, String origin) {
    return TestServers.send(client, HttpRequest.newBuilder(server.uri())
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .build());
  }

  private static HttpResponse<String> post(HttpClient client, JsonRpcServer server, String origin) {
    return TestServers.send(client, HttpRequest.newBuilder(server.uri())
        .header("Origin", origin)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID))
        .build());
  }

  @Test
  void allowedOriginGetsHeadersOthersDoNot() {
    RpcServerConfig config = RpcServerConfig.defaults(0).withCorsOrigins(List.of("http://localhost:3000"));
    try (JsonRpcServer server = TestServers.start(config, TestServers.sampleMethods())) {
      HttpClient client = TestServers.httpClient();
      HttpResponse<String> allowed = preflight(client, server, "http://localhost:3000");
      assertEquals(204, allowed.statusCode());
      assertEquals("http://localhost:3000", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      assertTrue(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));

      HttpResponse<String> call = post(client, server, "http://localhost:3000");
      assertEquals(200, call.statusCode());
      assertEquals("http://localhost:3000", call.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

      HttpResponse<String> stranger = post(client, server, "http://evil.example");
      assertEquals(200, stranger.statusCode());
      assertTrue(stranger.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }
  }

  @Test
  void wildcardAllowsAnyOrigin() {
    RpcServerConfig config = RpcServerConfig.defaults(0).withCorsOrigins(List.of("*"));
    try (JsonRpcServer server = TestServers.start(config, TestServers.sampleMethods())) {
      HttpResponse<String> call = post(TestServers.httpClient(), server, "http://anywhere.example");
      assertEquals("*", call.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }
  }

  @Test
  void withoutCorsOptionsIsNotAllowed() {
    try (JsonRpcServer server = TestServers.start(RpcServerConfig.defaults(0), TestServers.sampleMethods())) {
      HttpClient client = TestServers.httpClient();
      assertEquals(405, preflight(client, server, "http://localhost:3000").statusCode());
      assertTrue(post(client, server, "http://localhost:3000").headers()
          .firstValue("Access-Control-Allow-Origin").isEmpty());
    }
  }
}
