package dev.opsim.engine.txpool;

import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Optional;

/** The outcome of offering a transaction to the pool. */
public sealed interface AddResult {
  /**
   * Admitted. {@code pending} says whether it is executable now; {@code removed} lists what left the pool for it
   * (the replaced tx, or an evicted one).
   */
  record Accepted(PooledTransaction tx, boolean pending, List<Removal> removed) implements AddResult {
    public Accepted {
      removed = List.copyOf(removed);
    }

    public Optional<PooledTransaction> replaced() {
      return removed.stream().filter(r -> r.reason() == RemovalReason.REPLACED).map(Removal::tx).findFirst();
    }
  }

  /**
   * Refused ({@code hash} is null when the bytes did not decode); {@code detail} adds context to
   * {@link RejectReason#message()} (numbers, which field).
   */
  record Rejected(Hash hash, RejectReason reason, String detail) implements AddResult {
    /** geth's full error text: the reason's message, then the detail after a colon when there is one. */
    public String fullMessage() {
      return detail.isEmpty() ? reason.message() : reason.message() + ": " + detail;
    }
  }
}
