package dev.opsim.protocol.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.channel.ChannelContent;
import dev.opsim.protocol.channel.ChannelReader;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * op-node's {@code ReadTxData} only frames a {@code tx_datas} entry (an optional type byte of at most 0x7f, then
 * one RLP list of at most 10 MB); the entry's type and fields are checked in {@code DeriveSpanBatch}
 * ({@code recoverV}, {@code fullTxs}), whose failure drops that batch while the channel reader goes on to the next
 * batch. Here: {@link BatchCodec#decode} frames, {@link SpanBatchConversion} checks and throws
 * {@link InvalidBatchException}.
 */
class SpanTxDataAtConversionTest {
  private static final SpanBatchParams SEPOLIA =
      new SpanBatchParams(BatchFixtures.OP_SEPOLIA_GENESIS_TIME, 2, BigInteger.valueOf(11155420));
  private static final SpanBatchParams PARAMS = new SpanBatchParams(0, 2, BigInteger.TEN);

  /** One block holding one non-creation tx with {@code txData}, then {@code protectedBits} (hex). */
  private static Bytes oneTx(String txData, String protectedBits) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Bytes.fromHexString("0x01" + "0000" + "00".repeat(40) + "01" + "01" + "01" + "00" + "01"
        + "00".repeat(64) + "00".repeat(20)).toArrayUnsafe());
    out.writeBytes(Bytes.fromHexString(txData).toArrayUnsafe());
    out.writeBytes(Bytes.fromHexString("0x07" + "88a401" + protectedBits).toArrayUnsafe());
    return Bytes.wrap(out.toByteArray());
  }

  private static List<SingularBatch> expand(SpanBatch span, SpanBatchParams params) throws InvalidBatchException {
    return SpanBatchConversion.toSingularBatches(span, params, n -> Optional.of(Hash.ofLong(n)));
  }

  /** The reviewer's case: the real Sepolia span batch with the type byte of tx_datas[0] (offset 905) set to 3. */
  @Test
  void unknownTxTypeInARealBatchDecodesAndFailsOnlyAtConversion() throws DecodeException {
    Bytes original = BatchFixtures.sepoliaSpanBatch();
    assertEquals(0x02, original.get(905) & 0xFF);
    byte[] mutated = original.toArray();
    mutated[905] = 0x03;
    SpanBatch span = assertInstanceOf(SpanBatch.class, BatchCodec.decode(Bytes.wrap(mutated)));
    SpanBatch unchanged = (SpanBatch) BatchCodec.decode(original);
    assertEquals(84, span.blockCount());
    assertEquals(9, span.txs().count());
    assertEquals(3, span.txs().txType(0));
    assertEquals(unchanged.txs().protectedBits(), span.txs().protectedBits());
    assertEquals(Bytes.wrap(mutated), BatchCodec.encode(span));
    InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> expand(span, SEPOLIA));
    assertTrue(e.getMessage().contains("span tx 0") && e.getMessage().contains("0x3"), e.getMessage());
    assertEquals(84, expand(unchanged, SEPOLIA).size());
  }

  @Test
  void unsupportedTypesAndBadFieldsDecodeAndFailAtConversion() throws DecodeException {
    for (String[] c : new String[][] {
        {"0x03c0", "type 0x3"}, {"0x7ec0", "type 0x7e"}, {"0x01c0", "missing field value"},
        {"0xc401018080", "more elements"}, {"0xc20101", "missing field data"}, {"0xc3000180", "leading zero"},
        {"0x02c401018080", "missing field accessList"}}) {
      String protectedBits = c[0].startsWith("0xc") ? "00" : "";
      SpanBatch span = assertInstanceOf(SpanBatch.class, BatchCodec.decode(oneTx(c[0], protectedBits)), c[0]);
      InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> expand(span, PARAMS), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
    }
  }

  /** op-node decodeTxDatas counts an entry as legacy by txType == 0, so a 0x00 type byte takes a protected bit. */
  @Test
  void anExplicitTypeZeroEntryTakesAProtectedBitAndFailsAtConversion() throws DecodeException {
    SpanBatch span = assertInstanceOf(SpanBatch.class, BatchCodec.decode(oneTx("0x00c3010180", "00")));
    assertEquals(1, span.txs().protectedBits().length());
    assertEquals(0, span.txs().txType(0));
    assertThrows(InvalidBatchException.class, () -> expand(span, PARAMS));
    assertThrows(DecodeException.class, () -> BatchCodec.decode(oneTx("0x00c3010180", "")));
  }

  @Test
  void framingIsStillCheckedWhenDecoding() {
    for (String[] c : new String[][] {
        {"0x820102", "must be an RLP list"}, {"0x0380", "must be an RLP list"},
        {"0xf803010180", "should use the short form"}, {"0xf9000401018080", "leading zero"},
{"0xfb0100000000c0", "larger than 10000000"}}) {
      DecodeException e = assertThrows(DecodeException.class, () -> BatchCodec.decode(oneTx(c[0], "00")), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
    }
  }

  @Test
  void anUnknownL1OriginIsAnInvalidBatch() throws DecodeException {
    SpanBatch span = (SpanBatch) BatchCodec.decode(oneTx("0xc3010180", "00"));
    InvalidBatchException e = assertThrows(InvalidBatchException.class,
        () -> SpanBatchConversion.toSingularBatches(span, PARAMS, n -> Optional.empty()));
    assertTrue(e.getMessage().contains("epoch 0"), e.getMessage());
  }

  /** ChannelContent contract: a batch failing conversion is dropped; the next batch of the channel still counts. */
  @Test
  void theChannelGoesOnAfterABatchThatFailsConversion() throws DecodeException {
    Bytes bad = oneTx("0x03c0", "");
    Bytes good = oneTx("0xc3010180", "00");
    ChannelContent content = ChannelReader.readBatches(Bytes.concatenate(rlpString(bad), rlpString(good)));
    assertTrue(content.complete());
    assertEquals(List.of(bad, good), content.batches());
    SpanBatch first = (SpanBatch) BatchCodec.decode(content.batches().get(0));
    assertThrows(InvalidBatchException.class, () -> expand(first, PARAMS));
    SpanBatch second = (SpanBatch) BatchCodec.decode(content.batches().get(1));
    assertEquals(1, expand(second, PARAMS).size());
  }

  private static Bytes rlpString(Bytes payload) {
    if (payload.size() < 56 || payload.size() > 255) {
      throw new IllegalArgumentException("test helper handles short payloads only");
    }
    return Bytes.concatenate(Bytes.of(0xb8, payload.size()), payload);
  }
}
