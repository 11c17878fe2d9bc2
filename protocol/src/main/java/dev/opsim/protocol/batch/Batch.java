package dev.opsim.protocol.batch;

/**
 * A batch as carried in a channel: {@code batch_version ++ content} (protocol-reference 5.5). Version 0 is a
 * {@link SingularBatch} (one L2 block), version 1 a {@link SpanBatch} (a run of L2 blocks, from Delta).
 * {@link BatchCodec} reads and writes them.
 */
public sealed interface Batch permits SingularBatch, SpanBatch {
  int SINGULAR_VERSION = 0;
  int SPAN_VERSION = 1;

  /** The batch version byte. */
  int version();
}
