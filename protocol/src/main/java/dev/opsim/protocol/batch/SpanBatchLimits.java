package dev.opsim.protocol.batch;

/**
 * Size limits of span batches (protocol-reference 5.1, 5.7; specs/protocol/delta/span-batches.md "Span Batch Size
 * Limits"; specs/protocol/fjord/derivation.md).
 *
 * <p>Before Fjord op-node bounded the block count, each block's tx count and the total tx count by
 * {@code MAX_SPAN_BATCH_SIZE} (a byte budget equal to the pre-Fjord {@code MAX_RLP_BYTES_PER_CHANNEL}); from Fjord
 * by {@code MAX_SPAN_BATCH_ELEMENT_COUNT}, which op-node applies as a plain constant. Both are 10,000,000, so one
 * decoder limit serves every fork; {@link BatchCodec#decode(org.apache.tuweni.bytes.Bytes, int)} takes it as a
 * parameter so a caller can say which rule it applies. The whole batch is bounded by the channel's
 * {@code MAX_RLP_BYTES_PER_CHANNEL}, enforced by the channel reader, not here.
 */
public final class SpanBatchLimits {
  /** From Fjord: maximum blocks, txs per block, and txs in total per span batch. */
  public static final int MAX_SPAN_BATCH_ELEMENT_COUNT = 10_000_000;

  /** Before Fjord: the bound op-node applied to the same counts (and to bit lists, in bytes). */
  public static final int MAX_SPAN_BATCH_SIZE = 10_000_000;

  /** op-node reads each {@code tx_datas} entry with an RLP input limit of this many bytes (header included). */
  public static final int MAX_TX_DATA_RLP_BYTES = 10_000_000;

  private SpanBatchLimits() {}
}
