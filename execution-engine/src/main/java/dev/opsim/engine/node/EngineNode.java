package dev.opsim.engine.node;

import dev.opsim.engine.api.EngineApiServer;
import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.blockchain.GenesisMismatchException;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.HeaderValidationException;
import dev.opsim.engine.chain.HeaderValidator;
import dev.opsim.engine.genesis.GenesisJson;
import dev.opsim.engine.genesis.GenesisSpec;
import dev.opsim.engine.rpc.JsonRpcServer;
import dev.opsim.engine.rpc.JwtSecret;
import dev.opsim.engine.rpc.HttpAuthenticator;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.engine.rpc.RpcServerConfig;
import dev.opsim.engine.store.ChainStore;
import dev.opsim.engine.txpool.TxPool;
import dev.opsim.engine.txpool.TxPoolConfig;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running execution engine: the chain on RocksDB, its tx pool, the public JSON-RPC server, the Engine API
 * server (JWT) and, on an L1 devnet, the dev block producer. Closing it stops everything and closes the database.
 */
public final class EngineNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineNode.class);
  public static final String CLIENT_VERSION = "opsim/v0.1.0/java";

  private final Blockchain chain;
  private final TxPool pool;
  private final Optional<DevBlockProducer> producer;
  private final JsonRpcServer http;
  private final JsonRpcServer auth;
  private final JwtSecret jwtSecret;

  private EngineNode(Blockchain chain, TxPool pool, Optional<DevBlockProducer> producer, JsonRpcServer http,
      JsonRpcServer auth, JwtSecret jwtSecret) {
    this.chain = chain;
    this.pool = pool;
    this.producer = producer;
    this.http = http;
    this.auth = auth;
    this.jwtSecret = jwtSecret;
  }

  /**
   * Opens the chain and starts the servers.
   *
   * @throws EngineStartException with a one-line reason (bad genesis, datadir in use or of another chain, port
   *     taken, unreadable secret)
   */
  public static EngineNode start(EngineConfig config, InstantSource clock) throws EngineStartException {
    GenesisSpec genesis = readGenesis(config.genesisFile());
    if (config.devPeriod().isPresent() && genesis.config().isOptimism()) {
      throw new EngineStartException("--dev.period is for L1 chains; an OP chain's blocks come from the rollup node"
          + " through the Engine API");
    }
    JwtSecret secret = jwtSecret(config);
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      ChainStore store = ChainStore.openRocksDb(config.dataDir().resolve("chaindata"));
      opened.add(store);
      Blockchain chain = Blockchain.open(store, genesis);
      TxPool pool = new TxPool(TxPoolConfig.defaults(genesis.config().chainId())
          .withMaxTxGas(chain.head().gasLimit()), poolState(chain, chain.head()), nextBaseFee(chain, chain.head()));
      chain.onNewHead(head -> onNewHead(chain, pool, head));
      Optional<DevBlockProducer> producer = config.devPeriod().isPresent()
          ? Optional.of(new DevBlockProducer(chain, pool, clock, config.devPeriod().getAsLong()))
          : Optional.empty();
      NodeRpc rpc = new NodeRpc(chain, pool, () -> producer.ifPresent(DevBlockProducer::poolChanged),
          CLIENT_VERSION);
      JsonRpcServer http = JsonRpcServer.start(
          RpcServerConfig.defaults(config.httpPort()).withHost(config.host()), rpc.publicMethods(),
          HttpAuthenticator.NONE);
      opened.add(http);
      JsonRpcServer auth = EngineApiServer.start(RpcServerConfig.defaults(config.authPort()).withHost(config.host()),
          rpc.engineMethods(), rpc.publicMethods(), secret, clock);
      opened.add(auth);
      producer.ifPresent(DevBlockProducer::start);
      BlockHeader head = chain.head();
      LOG.info("engine started: chain {} ({}), head {} {}, eth RPC {}, Engine API {}",
          genesis.config().chainId(), genesis.config().isOptimism() ? "OP rules" : "L1 rules", head.number(),
          head.hash(), http.uri(), auth.uri());
      return new EngineNode(chain, pool, producer, http, auth, secret);
    } catch (GenesisMismatchException e) {
      closeAll(opened);
      throw new EngineStartException(e.getMessage());
    } catch (IOException e) {
      closeAll(opened);
      throw new EngineStartException("cannot start the RPC servers: " + e.getMessage());
    } catch (RuntimeException e) {
      closeAll(opened);
      throw new EngineStartException(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static void onNewHead(Blockchain chain, TxPool pool, BlockHeader head) {
    List<Hash> included = chain.block(head.hash()).map(b -> b.transactions().stream().map(Keccak::hash).toList())
        .orElse(List.of());
    pool.onNewHead(poolState(chain, head), nextBaseFee(chain, head), included);
  }

  private static HeadPoolState poolState(Blockchain chain, BlockHeader head) {
    return new HeadPoolState(chain.state(head));
  }

  static BigInteger nextBaseFee(Blockchain chain, BlockHeader head) {
    try {
      return new HeaderValidator(chain.config()).expectedBaseFee(head, head.timestamp() + 1);
    } catch (HeaderValidationException e) {
      return head.baseFeePerGas().orElse(BigInteger.ZERO);
    }
  }

  private static GenesisSpec readGenesis(Path file) throws EngineStartException {
    try {
      return GenesisJson.parse(Files.readString(file));
    } catch (IOException e) {
      throw new EngineStartException("cannot read genesis file " + file + ": " + e.getMessage());
    } catch (DecodeException e) {
      throw new EngineStartException("genesis file " + file + ": " + e.getMessage());
    }
  }

  private static JwtSecret jwtSecret(EngineConfig config) throws EngineStartException {
    Path file = config.jwtSecretFile().orElse(config.dataDir().resolve("jwtsecret"));
    try {
      Files.createDirectories(config.dataDir());
      return config.jwtSecretFile().isPresent()
          ? JwtSecret.load(file)
          : JwtSecret.loadOrCreate(file, new SecureRandom());
    } catch (IOException | IllegalArgumentException e) {
      throw new EngineStartException("JWT secret " + file + ": " + e.getMessage());
    }
  }

  private static void closeAll(List<AutoCloseable> opened) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing after a failed start: {}", e.toString());
      }
    }
  }

  public Blockchain chain() {
    return chain;
  }

  public TxPool pool() {
    return pool;
  }

  public Optional<DevBlockProducer> producer() {
    return producer;
  }

  public URI httpUri() {
    return http.uri();
  }

  public URI authUri() {
    return auth.uri();
  }

  public JwtSecret jwtSecret() {
    return jwtSecret;
  }

  @Override
  public void close() {
    producer.ifPresent(DevBlockProducer::close);
    http.close();
    auth.close();
    chain.close();
    LOG.info("engine stopped at head {} {}", chain.head().number(), chain.head().hash());
  }
}
