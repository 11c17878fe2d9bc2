package dev.opsim.protocol.batch;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.apache.tuweni.bytes.Bytes;

/**
 * Converts between a span batch and the singular batches of its blocks (protocol-reference 5.7, 5.9; op-node
 * {@code RawSpanBatch.derive}, {@code SpanBatch.GetSingularBatches}, {@code SpanBatch.AppendSingularBatch}).
 *
 * <p>Expanded batches carry {@link Hash#ZERO} as parent hash: a span batch only checks its first block's parent
 * (by {@code parent_check}), and the batch queue gives each expanded batch the safe head's hash as it applies it
 * (op-node {@code BatchQueue.popNextBatch}); use {@link SingularBatch#withParentHash}.
 */
public final class SpanBatchConversion {
  private SpanBatchConversion() {}

  /**
   * Every block of the span as a singular batch, transactions rebuilt in full EIP-2718 form.
   *
   * @param l1OriginHash the hash of an L1 block by number, as derivation knows it; empty if unknown
   * @throws InvalidBatchException if a {@code tx_datas} entry is not a transaction a span batch may carry or its
   *     fields cannot form one (op-node {@code DeriveSpanBatch}), or {@code l1OriginHash} does not know an origin a
   *     block names (op-node {@code GetSingularBatches}); either way the batch is dropped and the channel goes on
   */
  public static List<SingularBatch> toSingularBatches(SpanBatch span, SpanBatchParams params,
      LongFunction<Optional<Hash>> l1OriginHash) throws InvalidBatchException {
    return expand(span, params, false, 0, l1OriginHash);
  }

  /**
   * The blocks of the span newer than the safe head (timestamp {@code > safeHeadTimestamp}, unsigned) as singular
   * batches, as the batch queue needs them. All transactions are rebuilt first, so a span with a malformed
   * transaction fails even if that block is already safe (as in op-node, where {@code derive} precedes the filter).
   * Only the origins of the returned blocks are looked up.
   *
   * @throws InvalidBatchException as {@link #toSingularBatches(SpanBatch, SpanBatchParams, LongFunction)}
   */
  public static List<SingularBatch> toSingularBatches(SpanBatch span, SpanBatchParams params,
      long safeHeadTimestamp, LongFunction<Optional<Hash>> l1OriginHash) throws InvalidBatchException {
    return expand(span, params, true, safeHeadTimestamp, l1OriginHash);
  }

  private static List<SingularBatch> expand(SpanBatch span, SpanBatchParams params, boolean skipSafe,
      long safeHeadTimestamp, LongFunction<Optional<Hash>> l1OriginHash) throws InvalidBatchException {
    List<Bytes> txs = fullTransactions(span.txs(), params.l2ChainId());
    List<Long> epochs = span.blockEpochNumbers();
    List<SingularBatch> batches = new ArrayList<>(span.blockCount());
    int next = 0;
    for (int block = 0; block < span.blockCount(); block++) {
      int count = span.blockTxCounts().get(block);
      List<Bytes> blockTxs = txs.subList(next, next + count);
      next += count;
      long timestamp = span.blockTimestamp(block, params.l2GenesisTime(), params.blockTime());
      if (skipSafe && Long.compareUnsigned(timestamp, safeHeadTimestamp) <= 0) {
        continue;
      }
      long epoch = epochs.get(block);
      Optional<Hash> epochHash = l1OriginHash.apply(epoch);
      if (epochHash.isEmpty()) {
        throw new InvalidBatchException("span batch block " + block + ": no L1 origin hash known for epoch "
            + Long.toUnsignedString(epoch));
      }
      batches.add(new SingularBatch(Hash.ZERO, epoch, epochHash.get(), timestamp, blockTxs));
    }
    return List.copyOf(batches);
  }

  /**
   * Rebuilds every transaction of the span in EIP-2718 form (op-node {@code spanBatchTxs.recoverV} and
   * {@code fullTxs}); this is where {@code tx_datas} contents are checked.
   */
  static List<Bytes> fullTransactions(SpanBatchTxs txs, BigInteger chainId) throws InvalidBatchException {
    List<Bytes> out = new ArrayList<>(txs.count());
    int toIndex = 0;
    int legacyIndex = 0;
    for (int i = 0; i < txs.count(); i++) {
      SpanTxData data;
      try {
        data = SpanTxData.decode(txs.datas().get(i));
      } catch (DecodeException e) {
        throw new InvalidBatchException("span tx " + i + ": " + e.getMessage(), e);
      }
      Address to = txs.contractCreationBits().get(i) ? null : txs.tos().get(toIndex++);
      boolean protectedBit = data.type() == Transaction.LEGACY_TYPE && txs.protectedBits().get(legacyIndex++);
      int yParity = txs.yParityBits().get(i) ? 1 : 0;
      Transaction tx;
      try {
        tx = data.toTransaction(txs.nonces().get(i), txs.gases().get(i), to, chainId, yParity, protectedBit,
            txs.signatures().get(i));
      } catch (DecodeException e) {
        throw new InvalidBatchException("span tx " + i + ": " + e.getMessage(), e);
      }
      out.add(tx.encode());
    }
    return out;
  }

  /**
   * Packs consecutive singular batches into one span batch (what a batcher does; op-node
   * {@code AppendSingularBatch} then {@code ToRawSpanBatch}).
   *
   * @param firstBlockStartsEpoch whether the first block is the first of its epoch (sequence number 0), which
   *     sets origin bit 0
   * @throws IllegalArgumentException if the batches are not one block apart in time, skip or reverse an epoch,
   *     start before genesis, or hold a transaction a span batch cannot carry (malformed, blob or deposit, a chain
   *     id other than {@code params.l2ChainId()}, or a signature {@code v} that is not 27/28, EIP-155, or 0/1)
   */
  public static SpanBatch fromSingularBatches(
      List<SingularBatch> batches, SpanBatchParams params, boolean firstBlockStartsEpoch) {
    if (batches.isEmpty()) {
      throw new IllegalArgumentException("a span batch needs at least one block");
    }
    SingularBatch first = batches.getFirst();
    SingularBatch last = batches.getLast();
    if (Long.compareUnsigned(first.timestamp(), params.l2GenesisTime()) < 0) {
      throw new IllegalArgumentException("first block time " + Long.toUnsignedString(first.timestamp())
          + " is before L2 genesis " + Long.toUnsignedString(params.l2GenesisTime()));
    }
    boolean[] originBits = new boolean[batches.size()];
    originBits[0] = firstBlockStartsEpoch;
    List<Integer> blockTxCounts = new ArrayList<>(batches.size());
    SpanBatchTxsBuilder txs = new SpanBatchTxsBuilder(params.l2ChainId());
    for (int i = 0; i < batches.size(); i++) {
      SingularBatch batch = batches.get(i);
      if (batch.timestamp() != first.timestamp() + params.blockTime() * i) {
        throw new IllegalArgumentException("block " + i + " has time " + Long.toUnsignedString(batch.timestamp())
            + ", not one block time after the previous block");
      }
      if (i > 0) {
        long step = batch.epochNum() - batches.get(i - 1).epochNum();
        if (step != 0 && step != 1) {
          throw new IllegalArgumentException("block " + i + " moves the L1 origin from "
              + Long.toUnsignedString(batches.get(i - 1).epochNum()) + " to "
              + Long.toUnsignedString(batch.epochNum()) + "; span batches only stay or advance by one");
        }
        originBits[i] = step == 1;
      }
      blockTxCounts.add(batch.transactions().size());
      for (int j = 0; j < batch.transactions().size(); j++) {
        txs.add(batch.transactions().get(j), "block " + i + " tx " + j);
      }
    }
    return new SpanBatch(
        first.timestamp() - params.l2GenesisTime(),
        last.epochNum(),
        first.parentHash().prefix(SpanBatch.CHECK_SIZE),
        last.epochHash().prefix(SpanBatch.CHECK_SIZE),
        BitList.of(originBits),
        blockTxCounts,
        txs.build());
  }
}
