package dev.opsim.engine.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.engine.node.EngineApiE2eHarness.Rpc;
import dev.opsim.engine.rpc.JwtIssuer;
import dev.opsim.engine.rpc.JwtSecret;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Engine API port's JWT gate over real HTTP (protocol-reference 6.1; execution-apis authentication.md): HS256 with
 * the node's secret and an {@code iat} within 60 s, else HTTP 401; and the engine_* methods exist only there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineApiAuthE2eTest {

  private static final List<String> V3_METHODS =
      List.of("engine_forkchoiceUpdatedV3", "engine_getPayloadV3", "engine_newPayloadV3");
  private EngineNode node;
  private Rpc engine;
  private String probe;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    node = EngineApiE2eHarness.startEngine(dir);
    engine = Rpc.engine(node);
    probe = Rpc.request("engine_exchangeCapabilities", EngineApiE2eHarness.JSON.valueToTree(V3_METHODS));
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private int status(Optional<String> authorization) throws Exception {
    return engine.post(probe, authorization).statusCode();
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @Test
  void requestWithoutTokenGets401() throws Exception {
    assertEquals(401, status(Optional.empty()));
  }

  @Test
  void tokenSignedWithAnotherSecretGets401() throws Exception {
    byte[] other = node.jwtSecret().bytes();
    other[0] ^= 1;
    String token = new JwtIssuer(JwtSecret.of(other), InstantSource.system()).issue();
    assertEquals(401, status(Optional.of(bearer(token))));
  }

  @Test
  void tokenIssuedFiveMinutesAgoGets401() throws Exception {
    JwtIssuer issuer = new JwtIssuer(node.jwtSecret(), InstantSource.system());
    assertEquals(401, status(Optional.of(bearer(issuer.issue(Instant.now().minusSeconds(300))))));
    assertEquals(401, status(Optional.of(bearer(issuer.issue(Instant.now().plusSeconds(300))))), "future iat");
  }

  @Test
  void validTokenIsAcceptedAndCapabilitiesListTheV3Methods() throws Exception {
    JwtIssuer issuer = new JwtIssuer(node.jwtSecret(), InstantSource.system());
    HttpResponse<String> response = engine.post(probe, Optional.of(bearer(issuer.issue())));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode result = EngineApiE2eHarness.JSON.readTree(response.body()).get("result");
    List<String> offered = new ArrayList<>();
    result.forEach(name -> offered.add(name.asText()));
    assertTrue(offered.containsAll(V3_METHODS), offered.toString());
    // common.md: the Engine API port serves eth_chainId too, under the same token.
    assertEquals(EngineApiE2eHarness.quantity(EngineApiE2eHarness.CHAIN_ID),
        engine.result("eth_chainId").asText());
  }

  @Test
  void engineMethodsAreNotServedOnThePublicPort() throws Exception {
    Rpc eth = Rpc.eth(node);
    for (String method : List.of("engine_exchangeCapabilities", "engine_forkchoiceUpdatedV3", "engine_getPayloadV3",
        "engine_newPayloadV3")) {
      JsonNode error = eth.error(method, EngineApiE2eHarness.JSON.valueToTree(V3_METHODS));
      assertEquals(-32601, error.get("code").asInt(), method + ": " + error);
    }
    assertEquals(EngineApiE2eHarness.quantity(EngineApiE2eHarness.CHAIN_ID), eth.result("eth_chainId").asText());
  }
}
