package dev.opsim.protocol.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Span batch wire rules (protocol-reference 5.7) and limits, one malformation at a time. */
class SpanBatchCodecTest {
  /** Legacy tx data {@code rlp([1, 1, ""])}. */
  private static final Bytes LEGACY_DATA = Bytes.fromHexString("0xc3010180");

  /** Writes span batch data field by field. */
  private static final class SpanWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    SpanWriter() {
      out.write(1);
    }

    SpanWriter varint(long value) {
      Uvarint.write(out, value);
      return this;
    }

    SpanWriter bytes(String hex) {
      out.writeBytes(Bytes.fromHexString(hex).toArrayUnsafe());
      return this;
    }

    SpanWriter bytes(Bytes value) {
      out.writeBytes(value.toArrayUnsafe());
      return this;
    }

    SpanWriter zeros(int count) {
      out.writeBytes(new byte[count]);
      return this;
    }

    /** rel_timestamp 0, l1_origin_num 0, zero checks. */
    SpanWriter prefix() {
      return varint(0).varint(0).zeros(40);
    }

    Bytes done() {
      return Bytes.wrap(out.toByteArray());
    }
  }

  /** One block holding one non-creation tx with {@code txData} (legacy ones get an unprotected bit). */
  private static Bytes oneTx(Bytes txData) {
    SpanWriter w = new SpanWriter().prefix().varint(1).bytes("01").varint(1)
        .bytes("00").bytes("01").zeros(64).zeros(20).bytes(txData).varint(7).varint(21000);
    if (SpanTxData.isLegacy(txData)) {
      w.bytes("00");
    }
    return w.done();
  }

  private static String reject(Bytes input) {
    return assertThrows(DecodeException.class, () -> BatchCodec.decode(input)).getMessage();
  }

  private static String reject(Bytes input, int limit) {
    return assertThrows(DecodeException.class, () -> BatchCodec.decode(input, limit)).getMessage();
  }

  @Test
  void decodesAHandWrittenBatch() throws DecodeException {
    SpanBatch span = (SpanBatch) BatchCodec.decode(oneTx(LEGACY_DATA));
    assertEquals(1, span.blockCount());
    assertEquals(List.of(1), span.blockTxCounts());
    assertEquals(List.of(7L), span.txs().nonces());
    assertEquals(List.of(21000L), span.txs().gases());
    assertTrue(span.txs().yParityBits().get(0));
    assertEquals(LEGACY_DATA, span.txs().datas().getFirst());
    assertEquals(oneTx(LEGACY_DATA), BatchCodec.encode(span));
  }

  @Test
  void rejectsEmptyDataAndUnknownVersions() {
    assertTrue(reject(Bytes.EMPTY).contains("empty"));
    assertTrue(reject(Bytes.fromHexString("0x02")).contains("unknown batch version 2"));
    assertTrue(reject(Bytes.fromHexString("0xff00")).contains("unknown batch version 255"));
  }

  @Test
  void rejectsAnEmptySpan() {
    assertTrue(reject(new SpanWriter().prefix().varint(0).done()).contains("empty span batch"));
  }

  @Test
  void rejectsCountsAboveTheElementLimit() {
    assertTrue(reject(new SpanWriter().prefix().varint(10_000_001).done()).contains("block_count 10000001 exceeds"));
    String perBlock = reject(new SpanWriter().prefix().varint(1).bytes("00").varint(10_000_001).done());
    assertTrue(perBlock.contains("block_tx_counts[0] 10000001 exceeds"), perBlock);
    String total = reject(new SpanWriter().prefix().varint(2).bytes("00").varint(6_000_000).varint(6_000_000).done());
    assertTrue(total.contains("total tx count 12000000 exceeds"), total);
    assertTrue(reject(new SpanWriter().prefix().varint(-1L).done()).contains("18446744073709551615 exceeds"));
  }

  @Test
  void largeCountsWithoutTheirBytesFailFastWithoutAllocating() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      // 9,999,999 blocks need 1,250,000 bytes of origin bits that are not there
      assertTrue(reject(new SpanWriter().prefix().varint(9_999_999).done()).contains("origin_bits needs at least"));
      // 10,000,000 txs in one block need 1,250,000 bytes of creation bits
      String txs = reject(new SpanWriter().prefix().varint(1).bytes("00").varint(10_000_000).done());
      assertTrue(txs.contains("contract_creation_bits needs at least"), txs);
      // 64 signature bytes per tx are checked before the list is made
      String sigs = reject(new SpanWriter().prefix().varint(1).bytes("00").varint(16).bytes("0000").bytes("0000")
          .zeros(100).done());
      assertTrue(sigs.contains("tx_sigs needs at least 1024 bytes"), sigs);
    });
  }

  @Test
  void theLimitIsAParameter() throws Exception {
    Bytes mainnet = BatchFixtures.mainnetSpanBatch(); // 27 blocks, 209 txs
    assertTrue(reject(mainnet, 26).contains("block_count 27 exceeds the span batch limit of 26"));
    assertTrue(reject(mainnet, 208).contains("total tx count 209 exceeds"));
    assertEquals(209, ((SpanBatch) BatchCodec.decode(mainnet, 209)).txs().count());
    assertEquals(209, ((SpanBatch) BatchCodec.decode(mainnet, SpanBatchLimits.MAX_SPAN_BATCH_SIZE)).txs().count());
  }

  @Test
  void rejectsSetPaddingBits() {
    // 3 blocks: only the low 3 bits of the origin bit byte may be set
    String message = reject(new SpanWriter().prefix().varint(3).bytes("08").varint(0).varint(0).varint(0).done());
    assertTrue(message.contains("origin_bits has bits set above its 3 bits"), message);
    // a protected bit list for 1 legacy tx with bit 1 set
    Bytes valid = oneTx(LEGACY_DATA);
    byte[] bad = valid.toArray();
    bad[bad.length - 1] = 0x02;
    assertTrue(reject(Bytes.wrap(bad)).contains("protected_bits has bits set"));
  }

  @Test
  void acceptsNonMinimalVarintsLikeGoReadUvarint() throws DecodeException {
    // op-node reads every span varint with binary.ReadUvarint, which takes 0x80 0x00 as 0 and 0x85 0x00 as 5.
    Bytes data = new SpanWriter().bytes("8000").bytes("8500").zeros(40).bytes("8100").bytes("00").bytes("8000")
        .done();
    SpanBatch span = (SpanBatch) BatchCodec.decode(data);
    assertEquals(0, span.relTimestamp());
    assertEquals(5, span.l1OriginNum());
    assertEquals(1, span.blockCount());
    assertEquals(List.of(0), span.blockTxCounts());
    assertEquals(data.size() - 4, BatchCodec.encode(span).size());
  }

  @Test
  void rejectsOverflowingVarints() {
    assertTrue(reject(new SpanWriter().varint(5).bytes("ffffffffffffffffff02").done())
        .contains("l1_origin_num overflows"));
  }

  @Test
  void acceptsTheLargestUint64s() throws DecodeException {
    Bytes data = new SpanWriter().varint(-1L).varint(-1L).zeros(40).varint(1).bytes("00").varint(0)
        .done();
    SpanBatch span = (SpanBatch) BatchCodec.decode(data);
    assertEquals(-1L, span.relTimestamp());
    assertEquals("18446744073709551615", Long.toUnsignedString(span.l1OriginNum()));
    assertEquals(data, BatchCodec.encode(span));
  }

  /**
   * Only the framing of a tx data entry is checked here (op-node ReadTxData); unknown types and bad fields (which
   * this test used to expect here too) decode and fail at conversion, see SpanTxDataAtConversionTest.
   */
  @Test
  void rejectsTxDataThatIsNotAnRlpList() {
    assertTrue(reject(oneTx(Bytes.fromHexString("0x820102"))).contains("must be an RLP list"));
    assertTrue(reject(oneTx(Bytes.fromHexString("0xf803010180"))).contains("should use the short form"));
    assertTrue(reject(oneTx(Bytes.fromHexString("0xf9000401018080"))).contains("leading zero"));
  }

  @Test
  void typeFourTxDataIsAccepted() throws DecodeException {
    Bytes setCode = new SpanTxData.SetCodeData(BigInteger.ONE, BigInteger.ONE, BigInteger.TWO, Bytes.EMPTY,
        List.of(), List.of()).encode();
    SpanBatch span = (SpanBatch) BatchCodec.decode(oneTx(setCode));
    assertEquals(4, span.txs().txType(0));
    assertEquals(0, span.txs().protectedBits().length());
  }

  @Test
  void everyTruncationOfARealBatchIsRejected() {
    Bytes full = BatchFixtures.sepoliaSpanBatch();
    for (int size = 0; size < full.size(); size++) {
      Bytes truncated = full.slice(0, size);
      assertThrows(DecodeException.class, () -> BatchCodec.decode(truncated), "truncated to " + size);
    }
  }

  @Test
  void bytesAfterTheBatchAreIgnoredAsInOpNode() throws DecodeException {
    Bytes full = BatchFixtures.sepoliaSpanBatch();
    byte[] withTail = new byte[full.size() + 3];
    System.arraycopy(full.toArrayUnsafe(), 0, withTail, 0, full.size());
    withTail[full.size()] = (byte) 0xff;
    assertEquals(BatchCodec.decode(full), BatchCodec.decode(Bytes.wrap(withTail)));
  }

  @Test
  void errorsNameTheOffset() {
    Bytes data = new SpanWriter().prefix().varint(1).bytes("00").varint(1).bytes("00").bytes("00").zeros(64)
        .zeros(20).bytes("0x80").done();
    String message = reject(data);
    // version 1 + varints 2 + checks 40 + count 1 + bits 1 + tx count 1 + bits 2 + sig 64 + to 20 = 132
    assertTrue(message.contains("tx_datas[0]") && message.contains("at offset 132"), message);
  }
}
