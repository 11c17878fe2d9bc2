package dev.opsim.protocol.batch;

import dev.opsim.protocol.DecodeException;

/**
 * A batch that decoded but cannot be turned into L2 blocks: a span batch whose {@code tx_datas} entry does not hold
 * a transaction a span batch may carry, whose fields cannot form a transaction, or that names an L1 origin
 * derivation does not know. The rule is "drop this batch, keep reading the channel" (op-node
 * {@code ChannelInReader.NextBatch} returns {@code DeriveSpanBatch}'s error without moving to the next channel,
 * and the batch stage treats a failed {@code GetSingularBatches} as an invalid batch); compare a
 * {@link DecodeException} from {@link BatchCodec#decode}, which ends the channel (see
 * {@link dev.opsim.protocol.channel.ChannelContent}).
 */
public final class InvalidBatchException extends DecodeException {
  public InvalidBatchException(String message) {
    super(message);
  }

  public InvalidBatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
