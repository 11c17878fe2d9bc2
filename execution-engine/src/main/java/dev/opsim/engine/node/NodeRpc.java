package dev.opsim.engine.node;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.engine.txpool.TxPool;
import java.time.InstantSource;
import java.util.Optional;

/** The JSON-RPC methods of one engine: the public eth namespace and the Engine API, over the same chain. */
final class NodeRpc {
  private final Blockchain chain;
  private final TxPool pool;
  private final Optional<DevBlockProducer> producer;
  private final InstantSource clock;
  private final String clientVersion;

  NodeRpc(Blockchain chain, TxPool pool, Optional<DevBlockProducer> producer, InstantSource clock,
      String clientVersion) {
    this.chain = chain;
    this.pool = pool;
    this.producer = producer;
    this.clock = clock;
    this.clientVersion = clientVersion;
  }

  RpcMethods publicMethods() {
    return RpcMethods.builder()
        .add("web3_clientVersion", params -> TextNode.valueOf(clientVersion))
        .add("eth_chainId", params -> TextNode.valueOf("0x" + chain.config().chainId().toString(16)))
        .add("eth_blockNumber", params -> TextNode.valueOf("0x" + Long.toHexString(chain.head().number())))
        .build();
  }

  RpcMethods engineMethods() {
    return RpcMethods.builder()
        .add("engine_exchangeCapabilities", params -> params.get(0))
        .build();
  }
}
