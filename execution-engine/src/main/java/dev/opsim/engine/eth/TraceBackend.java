package dev.opsim.engine.eth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.trace.TraceOptions;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.util.Map;
import java.util.Optional;

/** What the debug_trace* methods need from the chain: re-execution under a tracer. */
public interface TraceBackend {
  /**
   * Re-executes the canonical block holding {@code txHash} up to that transaction, traced; empty when the
   * transaction is not in a canonical block.
   *
   * @throws TraceFailedException when re-execution fails (the message says why)
   */
  Optional<ObjectNode> traceTransaction(Hash txHash, TraceOptions options) throws TraceFailedException;

  /** Runs a message as eth_call would, traced. */
  ObjectNode traceCall(CallRequest request, BlockHeader at, Map<Address, AccountOverride> overrides,
      TraceOptions options) throws TraceFailedException;

  /** A trace that could not be produced. */
  final class TraceFailedException extends Exception {
    public TraceFailedException(String message) {
      super(message, null, false, false);
    }
  }
}
