package dev.opsim.protocol.batch;

import dev.opsim.protocol.tx.Rlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * A version-1 batch (Delta): a run of consecutive L2 blocks in the span layout (protocol-reference 5.7,
 * specs/protocol/delta/span-batches.md), kept as decoded so {@code encode(decode(x)) == x}.
 *
 * <p>{@code relTimestamp} is the first block's time minus L2 genesis time; {@code l1OriginNum} and
 * {@code l1OriginCheck} (first 20 bytes of its hash) name the L1 origin of the <em>last</em> block;
 * {@code parentCheck} is the first 20 bytes of the first block's parent hash. {@code originBits} has one bit per
 * block (1 = the block advanced the L1 origin), {@code blockTxCounts} one count per block. Numbers from the wire
 * are uint64; compare them unsigned.
 */
public record SpanBatch(
    long relTimestamp,
    long l1OriginNum,
    Bytes parentCheck,
    Bytes l1OriginCheck,
    BitList originBits,
    List<Integer> blockTxCounts,
    SpanBatchTxs txs) implements Batch {
  /** The size of {@link #parentCheck()} and {@link #l1OriginCheck()}. */
  public static final int CHECK_SIZE = 20;

  public SpanBatch {
    parentCheck = checkBytes(parentCheck, "parentCheck");
    l1OriginCheck = checkBytes(l1OriginCheck, "l1OriginCheck");
    blockTxCounts = List.copyOf(blockTxCounts);
    Objects.requireNonNull(txs, "txs");
    if (blockTxCounts.isEmpty()) {
      throw new IllegalArgumentException("a span batch has at least one block");
    }
    if (originBits.length() != blockTxCounts.size()) {
      throw new IllegalArgumentException(
          "origin bits: " + originBits.length() + " bits for " + blockTxCounts.size() + " blocks");
    }
    long total = 0;
    for (int count : blockTxCounts) {
      if (count < 0) {
        throw new IllegalArgumentException("negative block tx count " + count);
      }
      total += count;
    }
    if (total != txs.count()) {
      throw new IllegalArgumentException("block tx counts add up to " + total + " but there are " + txs.count());
    }
  }

  private static Bytes checkBytes(Bytes value, String name) {
    if (Objects.requireNonNull(value, name).size() != CHECK_SIZE) {
      throw new IllegalArgumentException(name + " is 20 bytes, got " + value.size());
    }
    return Rlp.copyOf(value);
  }

  @Override
  public int version() {
    return SPAN_VERSION;
  }

  public int blockCount() {
    return blockTxCounts.size();
  }

  /**
   * The L1 origin number of each block. Walking back from the last block (origin {@code l1OriginNum}), each set
   * origin bit above bit 0 steps one epoch back (op-node {@code RawSpanBatch.derive}); so block 0's origin is
   * {@code l1OriginNum - popcount(originBits) + originBits[0]}. uint64 arithmetic, wrapping as in op-node.
   */
  public List<Long> blockEpochNumbers() {
    long[] epochs = new long[blockCount()];
    long epoch = l1OriginNum;
    for (int i = blockCount() - 1; i >= 0; i--) {
      epochs[i] = epoch;
      if (i > 0 && originBits.get(i)) {
        epoch--;
      }
    }
    List<Long> out = new ArrayList<>(epochs.length);
    for (long e : epochs) {
      out.add(e);
    }
    return List.copyOf(out);
  }

  /** The L1 origin number of the first block ({@code start_epoch} in the batch-queue rules, 5.9). */
  public long startEpochNum() {
    return l1OriginNum - originBits.count() + (originBits.get(0) ? 1 : 0);
  }

  /** Block {@code i}'s timestamp: {@code genesis + relTimestamp + i * blockTime} (uint64, wrapping). */
  public long blockTimestamp(int i, long l2GenesisTime, long blockTime) {
    Objects.checkIndex(i, blockCount());
    return l2GenesisTime + relTimestamp + blockTime * i;
  }
}
