package dev.opsim.protocol.batch;

import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.Rlp;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * A version-0 batch: the inputs of one L2 block (protocol-reference 5.6). {@code transactions} are EIP-2718
 * encoded and kept opaque: the batch format does not look inside them, and batch validity (rule 12) and the
 * engine judge them later.
 */
public record SingularBatch(Hash parentHash, long epochNum, Hash epochHash, long timestamp, List<Bytes> transactions)
    implements Batch {
  public SingularBatch {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(epochHash, "epochHash");
    transactions = transactions.stream().map(Rlp::copyOf).toList();
  }

  @Override
  public int version() {
    return SINGULAR_VERSION;
  }

  /**
   * This batch with another parent hash. Batches expanded from a span batch have none until the batch queue
   * applies them one by one (op-node {@code BatchQueue.popNextBatch} sets it to the safe head's hash).
   */
  public SingularBatch withParentHash(Hash parent) {
    return new SingularBatch(parent, epochNum, epochHash, timestamp, transactions);
  }
}
