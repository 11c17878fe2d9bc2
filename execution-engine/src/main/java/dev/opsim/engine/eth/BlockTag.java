package dev.opsim.engine.eth;

/** The named blocks of the JSON-RPC block parameter (execution-apis "BlockTag"). */
public enum BlockTag {
  /** The head of the canonical chain. */
  LATEST("latest"),
  /** opsim builds no pending block: as op-geth without a miner, "pending" reads the head. */
  PENDING("pending"),
  /** The safe head from the last forkchoiceUpdated. */
  SAFE("safe"),
  /** The finalized head from the last forkchoiceUpdated. */
  FINALIZED("finalized"),
  /** The genesis block. */
  EARLIEST("earliest");

  private final String json;

  BlockTag(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }
}
