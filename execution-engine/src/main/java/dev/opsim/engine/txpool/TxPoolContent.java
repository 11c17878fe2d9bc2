package dev.opsim.engine.txpool;

import dev.opsim.protocol.Address;
import java.util.List;
import java.util.Map;

/** A snapshot of the pool per sender: executable (pending) and gapped (queued) transactions, nonce-ordered. */
public record TxPoolContent(
    Map<Address, List<PooledTransaction>> pending,
    Map<Address, List<PooledTransaction>> queued) {
  public TxPoolContent {
    pending = Map.copyOf(pending);
    queued = Map.copyOf(queued);
  }

  public int pendingCount() {
    return pending.values().stream().mapToInt(List::size).sum();
  }

  public int queuedCount() {
    return queued.values().stream().mapToInt(List::size).sum();
  }
}
