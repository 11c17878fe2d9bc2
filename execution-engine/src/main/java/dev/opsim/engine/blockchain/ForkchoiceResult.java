package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.BlockHeader;

/** The outcome of a fork-choice update. */
public sealed interface ForkchoiceResult {
  /** The head (and safe/finalized when given) were applied. */
  record Updated(BlockHeader head) implements ForkchoiceResult {}

  /** The head block is not known to this engine. */
  record UnknownHead() implements ForkchoiceResult {}

  /** The head is known to be invalid. */
  record InvalidHead(ImportResult.Invalid invalid) implements ForkchoiceResult {}

  /** Safe or finalized is unknown or not an ancestor of the head (Engine API error -38002). */
  record InconsistentState(String error) implements ForkchoiceResult {}
}
