package dev.opsim.engine.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Binding, reporting the bound port, refusing a taken port, closing twice. */
class JsonRpcServerLifecycleTest {

  @Test
  void ephemeralPortIsReportedAndServed() {
    try (JsonRpcServer server = TestServers.start(RpcServerConfig.defaults(0), TestServers.sampleMethods())) {
      assertNotEquals(0, server.port());
      assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), server.uri());
      assertEquals(200, TestServers.post(TestServers.httpClient(), server.uri(),
          "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}").statusCode());
    }
  }

  @Test
  void takenPortIsAnIoExceptionAndTheFirstServerGoesOn() {
    try (JsonRpcServer first = TestServers.start(RpcServerConfig.defaults(0), TestServers.sampleMethods())) {
      IOException error = assertThrows(IOException.class, () -> JsonRpcServer.start(
          RpcServerConfig.defaults(first.port()), TestServers.sampleMethods(), HttpAuthenticator.NONE));
      assertEquals("cannot listen on 127.0.0.1:" + first.port(), error.getMessage());
      assertEquals(200, TestServers.post(TestServers.httpClient(), first.uri(),
          "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"id\":1}").statusCode());
    }
  }

  @Test
  void closeTwiceIsHarmless() {
    JsonRpcServer server = TestServers.start(RpcServerConfig.defaults(0), TestServers.sampleMethods());
    server.close();
    server.close();
  }

  @Test
  void registryRefusesDuplicatesAndFilters() {
    RpcMethod method = params -> null;
    assertThrows(IllegalArgumentException.class,
        () -> RpcMethods.builder().add("eth_chainId", method).add("eth_chainId", method));
    RpcMethods methods = RpcMethods.builder().add("eth_chainId", method).add("engine_newPayloadV3", method).build();
    assertEquals(Set.of("engine_newPayloadV3"), methods.only(n -> n.startsWith("engine_")).names());
  }
}
