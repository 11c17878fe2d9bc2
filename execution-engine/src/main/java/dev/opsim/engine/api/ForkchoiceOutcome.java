package dev.opsim.engine.api;

import dev.opsim.engine.chain.BlockHeader;

/**
 * What {@link EngineBackend#forkchoiceUpdated} did with a forkchoice state (paris.md engine_forkchoiceUpdatedV1,
 * points 1-7 and 9).
 */
public sealed interface ForkchoiceOutcome {

  /**
   * The head is a known valid block and the state was applied atomically: it is now the canonical head (also when it
   * is an ancestor of the previous head: OP lets the sequencer reorg its own chain, issue 4 "Details"), and safe and
   * finalized, when not zero, are set.
   *
   * @param head the head's header; payload attributes are checked against its timestamp
   */
  record Applied(BlockHeader head) implements ForkchoiceOutcome {
    public Applied {
      if (head == null) {
        throw new IllegalArgumentException("the applied head is required");
      }
    }
  }

  /** The head block is unknown (or its state is missing): nothing changed. Answered as SYNCING. */
  record Syncing() implements ForkchoiceOutcome {}

  /**
   * The head is known to be invalid (it, or an ancestor, failed validation): nothing changed.
   *
   * @param status an INVALID status with the newest valid ancestor as latestValidHash
   */
  record Invalid(PayloadStatus status) implements ForkchoiceOutcome {
    public Invalid {
      if (status == null || status.status() != PayloadStatus.Status.INVALID) {
        throw new IllegalArgumentException("an invalid outcome carries an INVALID status");
      }
    }
  }

  /**
   * The head is valid but a non-zero safe or finalized hash is unknown or not an ancestor of (or equal to) the head:
   * nothing changed. Answered with error -38002 "Invalid forkchoice state".
   */
  record InconsistentState(String reason) implements ForkchoiceOutcome {
    public InconsistentState {
      if (reason == null) {
        throw new IllegalArgumentException("reason is required");
      }
    }
  }
}
