package dev.opsim.engine.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Methods and clients the server tests share. */
final class TestServers {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CLIENT_VERSION = "opsim/test/v0.1.0";

  private TestServers() {}

  /** A few geth-like methods with known answers, plus ones that fail in each way a method can. */
  static RpcMethods sampleMethods() {
    return RpcMethods.builder()
        .add("web3_clientVersion", params -> TextNode.valueOf(CLIENT_VERSION))
        .add("eth_chainId", params -> TextNode.valueOf("0x385"))
        .add("net_version", params -> TextNode.valueOf("901"))
        .add("test_echo", params -> params)
        .add("test_null", params -> null)
        .add("eth_getBalance", params -> {
          var args = RpcParams.positional(params, 1, 2);
          if (!args.get(0).isTextual() || !args.get(0).textValue().matches("0x[0-9a-fA-F]{40}")) {
            throw RpcException.invalidParams("invalid argument 0: hex string has length "
                + args.get(0).asText().length() + ", want 40 for common.Address");
          }
          return TextNode.valueOf("0xde0b6b3a7640000");
        })
        .add("eth_call", params -> {
          throw RpcException.reverted("no", "0x08c379a0"
              + "0000000000000000000000000000000000000000000000000000000000000020"
              + "0000000000000000000000000000000000000000000000000000000000000002"
              + "6e6f000000000000000000000000000000000000000000000000000000000000");
        })
        .add("test_serverError", params -> {
          throw RpcException.serverError("nonce too low");
        })
        .add("test_crash", params -> {
          throw new IllegalStateException("secret internal detail");
        })
        .build();
  }

  static JsonRpcServer start(RpcServerConfig config, RpcMethods methods) {
    try {
      return JsonRpcServer.start(config, methods, HttpAuthenticator.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpClient httpClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  }

  static HttpResponse<String> post(HttpClient client, URI uri, String body) {
    return send(client, HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }
}
