package dev.opsim.protocol.channel;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The batch payloads read from one channel, in order, each {@code batch_version ++ batch_content} as the batch
 * decoder expects it.
 *
 * <p>A payload may still be undecodable (empty, unknown version, malformed content): when
 * {@link dev.opsim.protocol.batch.BatchCodec#decode} throws a {@code DecodeException}, op-node's batch reader ends
 * the channel at that payload, so a consumer must stop at the first payload it cannot decode. A span batch that
 * decodes but fails conversion ({@link dev.opsim.protocol.batch.SpanBatchConversion} throws
 * {@link dev.opsim.protocol.batch.InvalidBatchException}: a bad {@code tx_datas} entry, an unknown L1 origin) is
 * different: op-node's {@code DeriveSpanBatch} error drops only that batch, and the consumer goes on with the next
 * payload.
 *
 * @param batches the payloads of the RLP byte strings read before the stream ended or went wrong
 * @param complete true when nothing was cut off: the decompressor stopped only because its input ended (see
 *     {@link Decompressed.End#TRUNCATED}), within the cap, and RLP strings fill what it delivered exactly
 * @param stopReason why reading stopped early (offsets in the decompressed stream); empty when complete
 */
public record ChannelContent(List<Bytes> batches, boolean complete, String stopReason) {
  public ChannelContent {
    batches = List.copyOf(batches);
    if (stopReason == null) {
      throw new IllegalArgumentException("stopReason is null");
    }
  }
}
