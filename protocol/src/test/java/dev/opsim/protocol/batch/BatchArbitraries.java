package dev.opsim.protocol.batch;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.tx.Transaction;
import dev.opsim.protocol.tx.TxArbitraries;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.tuweni.bytes.Bytes;

/** jqwik generators for batches. */
final class BatchArbitraries {
  static final BigInteger CHAIN_ID = BigInteger.valueOf(901);

  private BatchArbitraries() {}

  static Arbitrary<Bytes> check() {
    return Arbitraries.bytes().array(byte[].class).ofSize(SpanBatch.CHECK_SIZE).map(Bytes::wrap);
  }

  /** Singular batches with opaque (possibly empty or garbage) transaction bytes. */
  static Arbitrary<SingularBatch> singularBatch() {
    return Combinators.combine(TxArbitraries.hash(), TxArbitraries.uint64(), TxArbitraries.hash(),
            TxArbitraries.uint64(), TxArbitraries.bytes(120).list().ofMaxSize(5))
        .as(SingularBatch::new);
  }

  /** One transaction in span form, with the per-tx fields a span batch stores beside its tx data. */
  record SpanEntry(SpanTxData data, boolean creation, Address to, boolean yParity, SpanTxSignature sig, long nonce,
      long gas, boolean protectedBit) {}

  static Arbitrary<SpanEntry> spanEntry(boolean convertible) {
    return Combinators.combine(TxArbitraries.spanTransaction(CHAIN_ID), Arbitraries.of(true, false),
            TxArbitraries.address(), Arbitraries.of(true, false), TxArbitraries.uint256(), TxArbitraries.uint256(),
            Arbitraries.of(true, false))
        .as((tx, creation, to, parity, r, s, protectedBit) -> {
          // a set-code tx cannot be rebuilt as a creation, so convertible batches never mark one
          boolean isCreation = creation && !(convertible && tx.type() == Transaction.SET_CODE_TYPE);
          return new SpanEntry(SpanTxData.of(tx), isCreation, to, parity, SpanTxSignature.of(r, s), tx.nonce(),
              tx.gas(), protectedBit);
        });
  }

  /** Span batches with consistent layouts; {@code convertible} ones can also be expanded to singular batches. */
  static Arbitrary<SpanBatch> spanBatch(boolean convertible, Arbitrary<Long> relTimestamps) {
    Arbitrary<List<Integer>> counts = Arbitraries.integers().between(0, 4).list().ofMinSize(1).ofMaxSize(6);
    return counts.flatMap(blockTxCounts -> {
      int total = blockTxCounts.stream().mapToInt(Integer::intValue).sum();
      return Combinators.combine(relTimestamps, TxArbitraries.uint64(), check(), check(),
              Arbitraries.of(true, false).list().ofSize(blockTxCounts.size()),
              spanEntry(convertible).list().ofSize(total))
          .as((rel, origin, parentCheck, originCheck, bits, entries) -> new SpanBatch(rel, origin, parentCheck,
              originCheck, bitList(bits), blockTxCounts, spanTxs(entries)));
    });
  }

  static Arbitrary<SpanBatch> spanBatch() {
    return spanBatch(false, TxArbitraries.uint64());
  }

  static SpanBatchTxs spanTxs(List<SpanEntry> entries) {
    List<Boolean> creation = new ArrayList<>();
    List<Boolean> parity = new ArrayList<>();
    List<Boolean> protectedBits = new ArrayList<>();
    List<SpanTxSignature> sigs = new ArrayList<>();
    List<Address> tos = new ArrayList<>();
    List<Bytes> datas = new ArrayList<>();
    List<Long> nonces = new ArrayList<>();
    List<Long> gases = new ArrayList<>();
    for (SpanEntry e : entries) {
      creation.add(e.creation());
      parity.add(e.yParity());
      if (!e.creation()) {
        tos.add(e.to());
      }
      if (e.data().type() == Transaction.LEGACY_TYPE) {
        protectedBits.add(e.protectedBit());
      }
      sigs.add(e.sig());
      datas.add(e.data().encode());
      nonces.add(e.nonce());
      gases.add(e.gas());
    }
    return new SpanBatchTxs(bitList(creation), bitList(parity), sigs, tos, datas, nonces, gases,
        bitList(protectedBits));
  }

  static BitList bitList(List<Boolean> bits) {
    boolean[] out = new boolean[bits.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bits.get(i);
    }
    return BitList.of(out);
  }

  /** A run of consecutive L2 blocks as singular batches: one block time apart, origin staying or advancing by 1. */
  record Run(SpanBatchParams params, boolean firstStartsEpoch, List<SingularBatch> batches) {}

  static Arbitrary<Run> singularRun() {
    Arbitrary<Long> genesis = Arbitraries.longs().between(0, 1L << 40);
    Arbitrary<Long> blockTime = Arbitraries.longs().between(1, 12);
    Arbitrary<List<Bytes>> blockTxs = TxArbitraries.spanTransaction(CHAIN_ID).map(Transaction::encode)
        .list().ofMaxSize(3);
    return Arbitraries.integers().between(1, 5).flatMap(blocks -> Combinators.combine(genesis, blockTime,
            Arbitraries.longs().between(0, 1L << 30), Arbitraries.longs().between(0, 1L << 50),
            Arbitraries.of(true, false).list().ofSize(blocks), blockTxs.list().ofSize(blocks),
            TxArbitraries.hash().list().ofSize(blocks), TxArbitraries.hash())
        .as((genesisTime, time, offset, firstEpoch, advances, txs, parents, firstParent) -> {
          SpanBatchParams params = new SpanBatchParams(genesisTime, time, CHAIN_ID);
          List<SingularBatch> batches = new ArrayList<>();
          long epoch = firstEpoch;
          for (int i = 0; i < blocks; i++) {
            if (i > 0 && advances.get(i)) {
              epoch++;
            }
            batches.add(new SingularBatch(i == 0 ? firstParent : parents.get(i), epoch, epochHash(epoch),
                genesisTime + offset + time * i, txs.get(i)));
          }
          return new Run(params, advances.get(0), batches);
        }));
  }

  /** The L1 block hash tests use for epoch {@code number}. */
  static Hash epochHash(long number) {
    return Keccak.hash(Hash.ofLong(number).toArray());
  }
}
