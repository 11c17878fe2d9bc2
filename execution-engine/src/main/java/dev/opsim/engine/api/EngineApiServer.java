package dev.opsim.engine.api;

import dev.opsim.engine.rpc.JsonRpcServer;
import dev.opsim.engine.rpc.JwtAuthenticator;
import dev.opsim.engine.rpc.JwtSecret;
import dev.opsim.engine.rpc.JwtVerifier;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.engine.rpc.RpcServerConfig;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Set;

/**
 * Starts the Engine API port (protocol-reference 6.1; execution-apis common.md): the engine_* methods plus the small
 * eth_* subset the spec requires there, every request behind an HS256 JWT checked against {@code clock}.
 */
public final class EngineApiServer {

  /** The eth methods common.md requires on the Engine API port, so a rollup node needs only one connection. */
  public static final Set<String> ETH_METHODS_ON_ENGINE_PORT = Set.of(
      "eth_blockNumber", "eth_call", "eth_chainId", "eth_getCode", "eth_getBlockByHash", "eth_getBlockByNumber",
      "eth_getLogs", "eth_sendRawTransaction", "eth_syncing");

  private EngineApiServer() {}

  /**
   * @param engine the engine_* methods
   * @param publicMethods the public port's methods; only {@link #ETH_METHODS_ON_ENGINE_PORT} of them are served
   *     ({@code RpcMethods.builder().build()} for none)
   */
  public static JsonRpcServer start(RpcServerConfig config, EngineApiMethods engine, RpcMethods publicMethods,
      JwtSecret secret, InstantSource clock) throws IOException {
    RpcMethods methods = RpcMethods.builder()
        .addAll(engine.methods())
        .addAll(publicMethods.only(ETH_METHODS_ON_ENGINE_PORT::contains))
        .build();
    return JsonRpcServer.start(config, methods, new JwtAuthenticator(new JwtVerifier(secret, clock)));
  }
}
