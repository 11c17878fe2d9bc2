package dev.opsim.engine.rpc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one JSON-RPC HTTP server listens and what it tolerates from clients.
 *
 * @param host bind address; 127.0.0.1 unless told otherwise (issue 4 "Running it")
 * @param port TCP port; 0 picks a free one ({@link JsonRpcServer#port()} tells which)
 * @param maxBodyBytes larger request bodies get HTTP 413 (geth's limit: 5 MiB)
 * @param maxBatchSize larger batches get a single -32600 "batch too large"
 * @param readTimeout a request must arrive completely within this time from its first byte, or the
 *     connection gets 408 and is closed (a slow or stalled client cannot hold the server)
 * @param idleTimeout a connection with no request under way is closed after this long
 * @param writeTimeout a response the client does not take within this time closes the connection
 * @param maxConnections connections beyond this many are closed on accept
 * @param ioThreads Netty event-loop threads for connections (methods run on virtual threads, not here)
 * @param corsOrigins origins allowed by CORS ({@code "*"} for any); empty turns CORS off
 */
public record RpcServerConfig(
    String host,
    int port,
    int maxBodyBytes,
    int maxBatchSize,
    Duration readTimeout,
    Duration idleTimeout,
    Duration writeTimeout,
    int maxConnections,
    int ioThreads,
    List<String> corsOrigins) {

  public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

  public RpcServerConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    requirePositive("maxBodyBytes", maxBodyBytes);
    requirePositive("maxBatchSize", maxBatchSize);
    requirePositive("readTimeout", readTimeout);
    requirePositive("idleTimeout", idleTimeout);
    requirePositive("writeTimeout", writeTimeout);
    requirePositive("maxConnections", maxConnections);
    requirePositive("ioThreads", ioThreads);
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** 127.0.0.1:{@code port}, 5 MiB bodies, batches of 1000, geth-like timeouts (30 s read, 120 s idle). */
  public static RpcServerConfig defaults(int port) {
    return new RpcServerConfig("127.0.0.1", port, DEFAULT_MAX_BODY_BYTES, 1000,
        Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(30), 1000, 2, List.of());
  }

  public RpcServerConfig withHost(String newHost) {
    return new RpcServerConfig(newHost, port, maxBodyBytes, maxBatchSize, readTimeout, idleTimeout,
        writeTimeout, maxConnections, ioThreads, corsOrigins);
  }

  public RpcServerConfig withMaxBodyBytes(int bytes) {
    return new RpcServerConfig(host, port, bytes, maxBatchSize, readTimeout, idleTimeout, writeTimeout,
        maxConnections, ioThreads, corsOrigins);
  }

  public RpcServerConfig withMaxBatchSize(int size) {
    return new RpcServerConfig(host, port, maxBodyBytes, size, readTimeout, idleTimeout, writeTimeout,
        maxConnections, ioThreads, corsOrigins);
  }

  public RpcServerConfig withTimeouts(Duration read, Duration idle, Duration write) {
    return new RpcServerConfig(host, port, maxBodyBytes, maxBatchSize, read, idle, write, maxConnections,
        ioThreads, corsOrigins);
  }

  public RpcServerConfig withMaxConnections(int connections) {
    return new RpcServerConfig(host, port, maxBodyBytes, maxBatchSize, readTimeout, idleTimeout,
        writeTimeout, connections, ioThreads, corsOrigins);
  }

  public RpcServerConfig withCorsOrigins(List<String> origins) {
    return new RpcServerConfig(host, port, maxBodyBytes, maxBatchSize, readTimeout, idleTimeout,
        writeTimeout, maxConnections, ioThreads, origins);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
