package dev.opsim.engine.txpool;

/** Why a transaction that the pool had admitted left it. */
public enum RemovalReason {
  /** Included in a block of the new head. */
  INCLUDED,
  /** Its nonce is below the account nonce at the new head (another tx with that nonce was included). */
  STALE_NONCE,
  /** Replaced by a tx with the same sender and nonce paying at least the price bump more. */
  REPLACED,
  /** Evicted from a full pool for a better-paying tx. */
  EVICTED_UNDERPRICED,
  /** At the new head its own cost exceeds the sender's balance. */
  INSUFFICIENT_FUNDS,
  /** Removed on request (e.g. the block builder found it invalid). */
  DROPPED
}
