package dev.opsim.protocol.batch;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.tx.Rlp;
import org.apache.tuweni.bytes.Bytes;

/**
 * Reads and writes batch data, {@code batch_version ++ content}: the bytes inside one RLP string of a channel
 * (protocol-reference 5.5–5.7). Version 0 is a {@link SingularBatch}, version 1 a {@link SpanBatch}; any other
 * version is malformed.
 */
public final class BatchCodec {
  private BatchCodec() {}

  /** Decodes with the span batch element limit {@link SpanBatchLimits#MAX_SPAN_BATCH_ELEMENT_COUNT}. */
  public static Batch decode(Bytes batchData) throws DecodeException {
    return decode(batchData, SpanBatchLimits.MAX_SPAN_BATCH_ELEMENT_COUNT);
  }

  /**
   * Decodes batch data.
   *
   * @param maxSpanElements bound on a span batch's block count, each block's tx count and its total tx count
   *     ({@link SpanBatchLimits}); ignored for singular batches
   */
  public static Batch decode(Bytes batchData, int maxSpanElements) throws DecodeException {
    if (maxSpanElements < 1) {
      throw new IllegalArgumentException("span element limit must be positive, got " + maxSpanElements);
    }
    if (batchData.isEmpty()) {
      throw new DecodeException("batch: empty batch data (no version byte)");
    }
    batchData = Rlp.flat(batchData);
    int version = batchData.get(0) & 0xFF;
    return switch (version) {
      case Batch.SINGULAR_VERSION -> SingularBatchCodec.decode(batchData.slice(1));
      case Batch.SPAN_VERSION -> SpanBatchCodec.decode(new ByteReader(batchData, 1, "span batch"), maxSpanElements);
      default -> throw new DecodeException("batch: unknown batch version " + version + " at offset 0");
    };
  }

  /** The batch data: version byte followed by the content. */
  public static Bytes encode(Batch batch) {
    return switch (batch) {
      case SingularBatch singular -> withVersion(Batch.SINGULAR_VERSION, SingularBatchCodec.encode(singular));
      case SpanBatch span -> withVersion(Batch.SPAN_VERSION, SpanBatchCodec.encode(span));
    };
  }

  private static Bytes withVersion(int version, Bytes content) {
    byte[] out = new byte[content.size() + 1];
    out[0] = (byte) version;
    System.arraycopy(content.toArrayUnsafe(), 0, out, 1, content.size());
    return Bytes.wrap(out);
  }
}
