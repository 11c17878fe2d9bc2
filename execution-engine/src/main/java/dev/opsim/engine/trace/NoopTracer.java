package dev.opsim.engine.trace;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** geth's {@code noopTracer}: observes nothing, returns {@code {}}. */
public final class NoopTracer implements TransactionTracer {
  @Override
  public ObjectNode result(TxSummary summary) {
    return JsonNodeFactory.instance.objectNode();
  }
}
