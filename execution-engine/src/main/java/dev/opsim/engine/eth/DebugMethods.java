package dev.opsim.engine.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.engine.rpc.RpcParams;
import dev.opsim.engine.trace.TraceOptions;
import dev.opsim.engine.trace.TraceOptionsException;
import dev.opsim.protocol.Address;
import java.util.Map;

/** {@code debug_traceTransaction} and {@code debug_traceCall} with geth's struct logger and callTracer. */
public final class DebugMethods {
  private final TraceBackend backend;
  private final ChainReader chain;
  private final EthConfig config;

  public DebugMethods(EthBackend eth, TraceBackend backend, EthConfig config) {
    this.backend = backend;
    this.chain = new ChainReader(eth);
    this.config = config;
  }

  public void register(RpcMethods.Builder builder) {
    builder.add("debug_traceTransaction", params -> {
      ArrayNode a = RpcParams.positional(params, 1, 2);
      TraceOptions options = options(a.get(1));
      try {
        return backend.traceTransaction(EthParams.hash(a.get(0), "0"), options)
            .<JsonNode>map(n -> n)
            .orElseThrow(() -> RpcException.serverError("transaction " + a.get(0).asText() + " not found"));
      } catch (TraceBackend.TraceFailedException e) {
        throw RpcException.serverError(e.getMessage());
      }
    });
    builder.add("debug_traceCall", params -> {
      ArrayNode a = RpcParams.positional(params, 1, 3);
      EthParams.CallArgs args = EthParams.callArgs(a.get(0), "0");
      BlockRef ref = EthParams.optionalBlock(a, 1);
      JsonNode optionsNode = a.get(2);
      TraceOptions options = options(optionsNode);
      Map<Address, AccountOverride> overrides = optionsNode != null && optionsNode.isObject()
          ? EthParams.stateOverrides(optionsNode.get("stateOverrides"), "2.stateOverrides")
          : Map.of();
      BlockHeader at = chain.find(ref).map(ChainReader.Located::header)
          .orElseThrow(() -> RpcException.serverError("header not found"));
      long gas = args.gas().isPresent() && Long.compareUnsigned(args.gas().getAsLong(), config.rpcGasCap()) <= 0
          ? args.gas().getAsLong() : config.rpcGasCap();
      try {
        return backend.traceCall(args.request().withGas(gas), at, overrides, options);
      } catch (TraceBackend.TraceFailedException e) {
        throw RpcException.serverError(e.getMessage());
      }
    });
  }

  private static TraceOptions options(JsonNode node) throws RpcException {
    try {
      return TraceOptions.parse(node == null ? NullNode.getInstance() : node);
    } catch (TraceOptionsException e) {
      throw RpcException.invalidParams(e.getMessage());
    }
  }
}
