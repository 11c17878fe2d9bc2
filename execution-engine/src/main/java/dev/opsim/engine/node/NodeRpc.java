package dev.opsim.engine.node;

import dev.opsim.engine.api.EngineApiMethods;
import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.eth.DebugMethods;
import dev.opsim.engine.eth.EthConfig;
import dev.opsim.engine.eth.EthMethods;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.engine.txpool.TxPool;

/** The JSON-RPC methods of one engine: the public eth/debug namespaces and the Engine API, over one chain. */
final class NodeRpc {
  private final RpcMethods publicMethods;
  private final EngineApiMethods engineMethods;

  NodeRpc(Blockchain chain, TxPool pool, Runnable poolChanged, String clientVersion) {
    ChainEthBackend eth = new ChainEthBackend(chain, pool, poolChanged, clientVersion);
    RpcMethods.Builder builder = RpcMethods.builder();
    new EthMethods(eth, EthConfig.DEFAULTS).register(builder);
    new DebugMethods(eth, new ChainTraceBackend(chain), EthConfig.DEFAULTS).register(builder);
    this.publicMethods = builder.build();
    this.engineMethods = new EngineApiMethods(chain.config(), new ChainEngineBackend(chain, pool));
  }

  RpcMethods publicMethods() {
    return publicMethods;
  }

  EngineApiMethods engineMethods() {
    return engineMethods;
  }
}
