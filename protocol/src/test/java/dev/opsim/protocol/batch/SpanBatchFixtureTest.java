package dev.opsim.protocol.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** The span batch vectors of {@code shared/fixtures/op/batches} and {@code op/channels/raw_batcher_tx.hex}. */
class SpanBatchFixtureTest {
  // --- raw_batch.hex (kona test_decode_encode_raw_span_batch) ---

  @Test
  void rawBatchEncodesBackToTheSameBytes() throws Exception {
    // Stated by kona: decode then encode gives back exactly the same bytes.
    Bytes data = Bytes.concatenate(Bytes.of(1), BatchFixtures.rawBatchContent());
    SpanBatch span = (SpanBatch) BatchCodec.decode(data);
    assertEquals(data, BatchCodec.encode(span));
  }

  @Test
  void rawBatchDecodesToTheCollectorsValues() throws Exception {
    SpanBatch span = (SpanBatch) BatchCodec.decode(Bytes.concatenate(Bytes.of(1), BatchFixtures.rawBatchContent()));
    // decoded_by_collector cross-checks (README)
    assertEquals(1639845645L, span.relTimestamp());
    assertEquals("16988980031808077784", Long.toUnsignedString(span.l1OriginNum()));
    assertEquals(Bytes.fromHexString("0x01ddf682e2f8a6f10c2207e02322897e65317196"), span.parentCheck());
    assertEquals(Bytes.fromHexString("0x8527cdb6f601acf9b483817abd1da92790c92b19"), span.l1OriginCheck());
    assertEquals(4, span.blockCount());
    assertEquals(BigInteger.valueOf(0xc), span.originBits().bytes().toUnsignedBigInteger());
    assertEquals(List.of(8, 15, 15, 1), span.blockTxCounts());
    assertEquals(39, span.txs().count());
    assertEquals(Map.of(0, 20, 1, 10, 2, 9), typeCounts(span.txs()));
    assertEquals(19, span.txs().contractCreationBits().count());
    assertEquals(20, span.txs().protectedBits().length());
  }

  @Test
  void rawBatchTransactionsRebuildForChain981AndRoundTrip() throws Exception {
    SpanBatch span = (SpanBatch) BatchCodec.decode(Bytes.concatenate(Bytes.of(1), BatchFixtures.rawBatchContent()));
    // The README: kona recovered these signatures with L2 chain id 981.
    SpanBatchParams params = new SpanBatchParams(0, 2, BigInteger.valueOf(981));
    List<SingularBatch> singles = expand(span, params);
    List<Transaction> txs = decodeAll(singles);
    assertEquals(39, txs.size());
    long creations = txs.stream().filter(tx -> tx.to() == null).count();
    assertEquals(19, creations);
    for (Transaction tx : txs) {
      switch (tx) {
        case LegacyTx legacy -> legacy.chainId().ifPresent(id -> assertEquals(BigInteger.valueOf(981), id));
        case AccessListTx t -> assertEquals(BigInteger.valueOf(981), t.chainId());
        case DynamicFeeTx t -> assertEquals(BigInteger.valueOf(981), t.chainId());
        default -> throw new AssertionError("unexpected tx type " + tx.type());
      }
    }
    assertRoundTripsThroughSingular(span, singles, params);
  }

  // --- span_batch (OP Sepolia, kona) ---

  @Test
  void sepoliaSpanBatchDecodesFullyAndEncodesBack() throws Exception {
    Bytes data = BatchFixtures.sepoliaSpanBatch();
    SpanBatch span = (SpanBatch) BatchCodec.decode(data);
    assertEquals(data, BatchCodec.encode(span), "decoder consumed exactly all bytes and re-encodes identically");
    // README: rel_timestamp 11401892, L1 origin 4933211; decoded_by_collector for the rest
    assertEquals(11401892L, span.relTimestamp());
    assertEquals(4933211L, span.l1OriginNum());
    assertEquals(Bytes.fromHexString("0xe0bc110ffac850cd0de7fe2b110eb717a68a9799"), span.parentCheck());
    assertEquals(Bytes.fromHexString("0xc25c48e8976f87aae02678f4560c3889cfe04f1a"), span.l1OriginCheck());
    assertEquals(84, span.blockCount());
    assertEquals(new BigInteger("410410010400410410410", 16), span.originBits().bytes().toUnsignedBigInteger());
    assertEquals(9, span.txs().count());
    assertEquals(Map.of(0, 3, 2, 6), typeCounts(span.txs()));
    assertEquals(1703204432L, span.blockTimestamp(0, BatchFixtures.OP_SEPOLIA_GENESIS_TIME, 2));
  }

  @Test
  void sepoliaSpanBatchRebuildsForOpSepolia() throws Exception {
    SpanBatch span = (SpanBatch) BatchCodec.decode(BatchFixtures.sepoliaSpanBatch());
    SpanBatchParams params =
        new SpanBatchParams(BatchFixtures.OP_SEPOLIA_GENESIS_TIME, 2, BigInteger.valueOf(11155420));
    List<SingularBatch> singles = expand(span, params);
    assertEquals(84, singles.size());
    assertEquals(4933211L, singles.getLast().epochNum());
    // origin bits 0x410410010400410410410: 12 set bits, bit 0 clear, so block 0 is in epoch 4933211 - 12
    assertEquals(4933199L, span.startEpochNum());
    assertEquals(4933199L, singles.getFirst().epochNum());
    assertEquals(9, decodeAll(singles).size());
    assertRoundTripsThroughSingular(span, singles, params);
  }

  // --- raw_batcher_tx.hex: a real OP Mainnet span batch (channels README) ---

  @Test
  void batcherTransactionIsTheStatedL1Transaction() throws Exception {
    DynamicFeeTx tx = (DynamicFeeTx) Transaction.decode(BatchFixtures.mainnetBatcherTx());
    // Stated by kona: to is the batch inbox, calldata is 119,823 bytes.
    assertEquals(Address.fromHex("0xFF00000000000000000000000000000000000010"), tx.to());
    assertEquals(119823, tx.data().size());
    // decoded_by_collector cross-checks
    assertEquals(BigInteger.ONE, tx.chainId());
    assertEquals(1104454L, tx.nonce());
    assertEquals(Hash.fromHex("0xe69d94330faafb4f716f7ad9b3b50ea8ff5ce57aea6d2f8be07afb7fe49cd6cf"), tx.hash());
    assertEquals(BatchFixtures.mainnetBatcherTx(), tx.encode());
  }

  @Test
  void mainnetSpanBatchHasTheCollectorsValues() throws Exception {
    Bytes data = BatchFixtures.mainnetSpanBatch();
    SpanBatch span = (SpanBatch) BatchCodec.decode(data);
    assertEquals(data, BatchCodec.encode(span));
    assertEquals(24269254L, span.relTimestamp());
    assertEquals(19426585L, span.l1OriginNum());
    assertEquals(27, span.blockCount());
    assertEquals(209, span.txs().count());
    assertEquals(Map.of(0, 36, 2, 173), typeCounts(span.txs()));
    assertEquals(0, span.txs().contractCreationBits().count());
    assertEquals(Bytes.fromHexString("0x4a78c6069d413ac5cd75401310076b7acbc10cea"), span.parentCheck());
    assertEquals(Bytes.fromHexString("0x4fcd7915716bdcf8ba963e591577721000dd2bf7"), span.l1OriginCheck());
    assertEquals(BigInteger.valueOf(0x820800), span.originBits().bytes().toUnsignedBigInteger());
    assertEquals(List.of(10727L, 10810L, 1852418L), span.txs().nonces().subList(0, 3));
    assertEquals(List.of(21000L, 21000L, 80000L), span.txs().gases().subList(0, 3));
    assertEquals(1710338157L, span.blockTimestamp(0, BatchFixtures.OP_MAINNET_GENESIS_TIME, 2));
    assertEquals(240308, BatchFixtures.mainnetChannelLength());
  }

  @Test
  void mainnetTransactionsRebuiltForChain10AreValidTransactions() throws Exception {
    SpanBatch span = (SpanBatch) BatchCodec.decode(BatchFixtures.mainnetSpanBatch());
    SpanBatchParams params = new SpanBatchParams(BatchFixtures.OP_MAINNET_GENESIS_TIME, 2, BigInteger.TEN);
    List<SingularBatch> singles = expand(span, params);
    assertEquals(27, singles.size());
    List<Transaction> txs = decodeAll(singles);
    assertEquals(209, txs.size());
    assertEquals(173, txs.stream().filter(DynamicFeeTx.class::isInstance).count());
    assertEquals(36, txs.stream().filter(LegacyTx.class::isInstance).count());
    for (Transaction tx : txs) {
      assertFalse(tx.to() == null, "no contract creations in this batch");
      assertTrue(tx.v().compareTo(BigInteger.ONE) <= 0 || tx instanceof LegacyTx);
      if (tx instanceof LegacyTx legacy && legacy.isProtected()) {
        assertEquals(Optional.of(BigInteger.TEN), legacy.chainId());
      }
      if (tx instanceof DynamicFeeTx dynamic) {
        assertEquals(BigInteger.TEN, dynamic.chainId());
      }
    }
    for (int i = 0; i < singles.size(); i++) {
      assertEquals(1710338157L + 2L * i, singles.get(i).timestamp());
    }
    // origin bits 0x820800 = bits 11, 17, 23: the origin advances at blocks 11, 17 and 23 (bit 0 is clear)
    assertEquals(19426585L - 3, singles.getFirst().epochNum());
    assertEquals(19426585L - 3, singles.get(10).epochNum());
    assertEquals(19426585L - 2, singles.get(11).epochNum());
    assertEquals(19426585L - 1, singles.get(17).epochNum());
    assertEquals(19426585L, singles.get(23).epochNum());
    assertEquals(19426585L, singles.getLast().epochNum());
    assertRoundTripsThroughSingular(span, singles, params);
  }

  @Test
  void expandedBatchesHaveNoParentHashAndTheirOriginHash() throws Exception {
    SpanBatch span = (SpanBatch) BatchCodec.decode(BatchFixtures.mainnetSpanBatch());
    SpanBatchParams params = new SpanBatchParams(BatchFixtures.OP_MAINNET_GENESIS_TIME, 2, BigInteger.TEN);
    List<SingularBatch> singles = expand(span, params);
    for (SingularBatch batch : singles) {
      assertEquals(Hash.ZERO, batch.parentHash());
      assertEquals(BatchFixtures.fakeL1Hash(batch.epochNum(), span.l1OriginNum(), span.l1OriginCheck()),
          batch.epochHash());
    }
    assertEquals(span.l1OriginCheck(), singles.getLast().epochHash().prefix(20));
  }

  static List<SingularBatch> expand(SpanBatch span, SpanBatchParams params) throws Exception {
    return SpanBatchConversion.toSingularBatches(span, params,
        n -> Optional.of(BatchFixtures.fakeL1Hash(n, span.l1OriginNum(), span.l1OriginCheck())));
  }

  /** Every tx decodes and re-encodes to the same bytes. */
  static List<Transaction> decodeAll(List<SingularBatch> singles) throws Exception {
    List<Transaction> txs = new ArrayList<>();
    for (SingularBatch batch : singles) {
      for (Bytes encoded : batch.transactions()) {
        Transaction tx = Transaction.decode(encoded);
        assertEquals(encoded, tx.encode());
        txs.add(tx);
      }
    }
    return txs;
  }

  /** Singular batches (first parent hash restored from parent_check) pack back into the same span batch. */
  static void assertRoundTripsThroughSingular(SpanBatch span, List<SingularBatch> singles, SpanBatchParams params) {
    List<SingularBatch> withParent = new ArrayList<>(singles);
    Hash parent = Hash.wrap(Bytes.concatenate(span.parentCheck(), Bytes.wrap(new byte[12])));
    withParent.set(0, singles.getFirst().withParentHash(parent));
    SpanBatch rebuilt = SpanBatchConversion.fromSingularBatches(withParent, params, span.originBits().get(0));
    assertEquals(span, rebuilt);
    assertEquals(BatchCodec.encode(span), BatchCodec.encode(rebuilt));
  }

  static Map<Integer, Integer> typeCounts(SpanBatchTxs txs) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < txs.count(); i++) {
      counts.merge(txs.txType(i), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void creationBitMeansNoRecipient() throws Exception {
    SpanBatch span = (SpanBatch) BatchCodec.decode(Bytes.concatenate(Bytes.of(1), BatchFixtures.rawBatchContent()));
    List<Transaction> txs = decodeAll(expand(span, new SpanBatchParams(0, 2, BigInteger.valueOf(981))));
    for (int i = 0; i < txs.size(); i++) {
      if (span.txs().contractCreationBits().get(i)) {
        assertNull(txs.get(i).to());
      } else {
        assertInstanceOf(Address.class, txs.get(i).to());
      }
    }
  }
}
