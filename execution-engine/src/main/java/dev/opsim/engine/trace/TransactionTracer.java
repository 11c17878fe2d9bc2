package dev.opsim.engine.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.evm.Tracer;

/**
 * A tracer for one transaction: install it in the transaction processor, run the transaction, then ask for the
 * JSON result with the facts only the caller knows.
 */
public sealed interface TransactionTracer extends Tracer permits StructLogger, CallTracer, NoopTracer {
  /** The JSON geth returns for this tracer, once the transaction has run. */
  ObjectNode result(TxSummary summary);
}
