package dev.opsim.protocol.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Span ↔ singular conversion (protocol-reference 5.7; op-node span_batch.go). */
class SpanBatchConversionTest {
  private static final BigInteger CHAIN = BigInteger.TEN;
  private static final SpanBatchParams PARAMS = new SpanBatchParams(1000, 2, CHAIN);
  private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Bytes CHECK = Bytes.wrap(new byte[20]);

  private static BatchArbitraries.SpanEntry entry(SpanTxData data, boolean parity, boolean protectedBit) {
    return new BatchArbitraries.SpanEntry(data, false, TO, parity, SpanTxSignature.of(BigInteger.ONE,
        BigInteger.TWO), 5, 21000, protectedBit);
  }

  /** Three blocks, origin bits (1, 0, 1), last origin 50, four txs in block 1. */
  private static SpanBatch sample() {
    SpanTxData legacy = new SpanTxData.LegacyData(BigInteger.ONE, BigInteger.TEN, Bytes.EMPTY);
    SpanTxData dynamic = new SpanTxData.DynamicFeeData(BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN,
        Bytes.of(1), List.of());
    SpanTxData accessList = new SpanTxData.AccessListData(BigInteger.ZERO, BigInteger.TEN, Bytes.EMPTY, List.of());
    SpanBatchTxs txs = BatchArbitraries.spanTxs(List.of(
        entry(legacy, true, true), entry(legacy, false, false), entry(dynamic, true, false),
        entry(accessList, false, false)));
    return new SpanBatch(10, 50, CHECK, CHECK, BitList.of(true, false, true), List.of(0, 4, 0), txs);
  }

  private static List<SingularBatch> expand(SpanBatch span) throws DecodeException {
    return SpanBatchConversion.toSingularBatches(span, PARAMS, n -> Optional.of(Hash.ofLong(n)));
  }

  @Test
  void blocksGetTimestampsAndOriginsFromTheSpanFields() throws DecodeException {
    SpanBatch span = sample();
    // parent origin = 50 - popcount(101b) = 48; block 0 advances to 49, block 1 stays, block 2 advances to 50
    assertEquals(List.of(49L, 49L, 50L), span.blockEpochNumbers());
    assertEquals(49L, span.startEpochNum());
    List<SingularBatch> singles = expand(span);
    assertEquals(List.of(1010L, 1012L, 1014L), singles.stream().map(SingularBatch::timestamp).toList());
    assertEquals(List.of(49L, 49L, 50L), singles.stream().map(SingularBatch::epochNum).toList());
    assertEquals(Hash.ofLong(49), singles.getFirst().epochHash());
    assertEquals(List.of(0, 4, 0), singles.stream().map(b -> b.transactions().size()).toList());
    singles.forEach(b -> assertEquals(Hash.ZERO, b.parentHash()));
  }

  @Test
  void signaturesAreRebuiltPerType() throws DecodeException {
    List<Bytes> txs = expand(sample()).get(1).transactions();
    LegacyTx protectedTx = (LegacyTx) Transaction.decode(txs.get(0));
    assertEquals(BigInteger.valueOf(10 * 2 + 35 + 1), protectedTx.v());
    assertEquals(Optional.of(CHAIN), protectedTx.chainId());
    LegacyTx unprotected = (LegacyTx) Transaction.decode(txs.get(1));
    assertEquals(BigInteger.valueOf(27), unprotected.v());
    DynamicFeeTx dynamic = (DynamicFeeTx) Transaction.decode(txs.get(2));
    assertEquals(BigInteger.ONE, dynamic.v());
    assertEquals(CHAIN, dynamic.chainId());
    assertEquals(Bytes.of(1), dynamic.data());
    AccessListTx accessList = (AccessListTx) Transaction.decode(txs.get(3));
    assertEquals(BigInteger.ZERO, accessList.v());
    assertEquals(CHAIN, accessList.chainId());
    for (Bytes encoded : txs) {
      Transaction tx = Transaction.decode(encoded);
      assertEquals(5, tx.nonce());
      assertEquals(21000, tx.gas());
      assertEquals(TO, tx.to());
      assertEquals(BigInteger.ONE, tx.r());
      assertEquals(BigInteger.TWO, tx.s());
    }
  }

  @Test
  void onlyBlocksNewerThanTheSafeHeadAreExpanded() throws DecodeException {
    List<SingularBatch> singles = SpanBatchConversion.toSingularBatches(sample(), PARAMS, 1012,
        n -> n == 50 ? Optional.of(Hash.ofLong(n)) : Optional.empty());
    assertEquals(1, singles.size());
    assertEquals(1014L, singles.getFirst().timestamp());
  }

  @Test
  void anUnknownOriginIsAnInvalidBatch() {
    // was an IllegalStateException; op-node's batch stage treats a failed GetSingularBatches as an invalid batch
    InvalidBatchException e = assertThrows(InvalidBatchException.class,
        () -> SpanBatchConversion.toSingularBatches(sample(), PARAMS, n -> Optional.empty()));
    assertTrue(e.getMessage().contains("epoch 49"));
  }

  @Test
  void aSetCodeCreationCannotBeRebuilt() {
    SpanTxData setCode = new SpanTxData.SetCodeData(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, Bytes.EMPTY,
        List.of(), List.of());
    SpanBatchTxs txs = BatchArbitraries.spanTxs(List.of(new BatchArbitraries.SpanEntry(setCode, true, null, false,
        SpanTxSignature.of(BigInteger.ONE, BigInteger.ONE), 0, 0, false)));
    SpanBatch span = new SpanBatch(0, 1, CHECK, CHECK, BitList.of(false), List.of(1), txs);
    DecodeException e = assertThrows(DecodeException.class, () -> expand(span));
    assertTrue(e.getMessage().contains("span tx 0"), e.getMessage());
  }

  @Test
  void packingSetsChecksOriginBitsAndProtectedBits() throws DecodeException {
    SpanBatch span = sample();
    List<SingularBatch> singles = expand(span);
    Hash parent = Hash.fromHex("0x" + "ab".repeat(32));
    List<SingularBatch> withParent = List.of(singles.get(0).withParentHash(parent), singles.get(1), singles.get(2));
    SpanBatch packed = SpanBatchConversion.fromSingularBatches(withParent, PARAMS, true);
    assertEquals(parent.prefix(20), packed.parentCheck());
    assertEquals(Hash.ofLong(50).prefix(20), packed.l1OriginCheck());
    assertEquals(50L, packed.l1OriginNum());
    assertEquals(10L, packed.relTimestamp());
    assertEquals(BitList.of(true, false, true), packed.originBits());
    assertEquals(BitList.of(true, false), packed.txs().protectedBits());
    assertEquals(span.txs(), packed.txs());
    assertEquals(BitList.of(false, false, true), SpanBatchConversion.fromSingularBatches(withParent, PARAMS, false)
        .originBits());
  }

  private static SingularBatch block(long timestamp, long epoch, Bytes... txs) {
    return new SingularBatch(Hash.ZERO, epoch, Hash.ofLong(epoch), timestamp, List.of(txs));
  }

  private static String refuse(List<SingularBatch> batches) {
    return assertThrows(IllegalArgumentException.class,
        () -> SpanBatchConversion.fromSingularBatches(batches, PARAMS, false)).getMessage();
  }

  private static Bytes dynamicFee(BigInteger chainId, BigInteger v) {
    return new DynamicFeeTx(chainId, 0, BigInteger.ONE, BigInteger.ONE, 21000, TO, BigInteger.ZERO, Bytes.EMPTY,
        List.of(), v, BigInteger.ONE, BigInteger.ONE).encode();
  }

  private static Bytes legacy(BigInteger v) {
    return new LegacyTx(0, BigInteger.ONE, 21000, TO, BigInteger.ZERO, Bytes.EMPTY, v, BigInteger.ONE,
        BigInteger.ONE).encode();
  }

  @Test
  void packingRefusesWhatASpanCannotHold() {
    assertTrue(refuse(List.of()).contains("at least one block"));
    assertTrue(refuse(List.of(block(1010, 1), block(1014, 1))).contains("not one block time after"));
    assertTrue(refuse(List.of(block(1010, 1), block(1012, 3))).contains("only stay or advance by one"));
    assertTrue(refuse(List.of(block(1010, 2), block(1012, 1))).contains("only stay or advance by one"));
    assertTrue(refuse(List.of(block(998, 1))).contains("before L2 genesis"));
    assertTrue(refuse(List.of(block(1010, 1, Bytes.fromHexString("0x7ec0")))).contains("deposit"));
    assertTrue(refuse(List.of(block(1010, 1, Bytes.EMPTY))).contains("block 0 tx 0"));
    Bytes blob = new BlobTx(CHAIN, 0, BigInteger.ONE, BigInteger.ONE, 21000, TO, BigInteger.ZERO, Bytes.EMPTY,
        List.of(), BigInteger.ONE, List.of(), BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE).encode();
    assertTrue(refuse(List.of(block(1010, 1, blob))).contains("blob"));
    assertTrue(refuse(List.of(block(1010, 1, dynamicFee(BigInteger.valueOf(11), BigInteger.ZERO))))
        .contains("chain id 11, expected 10"));
    assertTrue(refuse(List.of(block(1010, 1, legacy(BigInteger.valueOf(11 * 2 + 35))))).contains("chain id 11"));
    assertTrue(refuse(List.of(block(1010, 1, dynamicFee(CHAIN, BigInteger.TWO)))).contains("y parity"));
    assertTrue(refuse(List.of(block(1010, 1, legacy(BigInteger.valueOf(30))))).contains("neither 27/28"));
  }

  @Test
  void unprotectedLegacyTransactionsFitAnyChain() {
    SpanBatch span = SpanBatchConversion.fromSingularBatches(
        List.of(block(1010, 1, legacy(BigInteger.valueOf(28)))), PARAMS, true);
    assertEquals(BitList.of(false), span.txs().protectedBits());
    assertEquals(BitList.of(true), span.txs().yParityBits());
  }
}
