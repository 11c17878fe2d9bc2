package dev.opsim.engine.blockchain;

import dev.opsim.protocol.Hash;

/** The outcome of offering a block to the chain (Engine API newPayload statuses, minus the hash check). */
public sealed interface ImportResult {
  /** Executed and stored (or already known); not yet canonical until a fork-choice update names it. */
  record Valid(Hash blockHash) implements ImportResult {}

  /** The block breaks a rule; {@code latestValidHash} is its most recent valid ancestor, when known. */
  record Invalid(Hash latestValidHash, String error) implements ImportResult {}

  /** The parent is unknown, so the block cannot be executed yet. */
  record Syncing() implements ImportResult {}
}
