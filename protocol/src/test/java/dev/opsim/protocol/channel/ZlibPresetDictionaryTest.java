package dev.opsim.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.batch.BatchCodec;
import dev.opsim.protocol.batch.SingularBatch;
import dev.opsim.protocol.channel.Decompressed.End;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * A zlib header with FDICT set (RFC 1950 2.2): Go's {@code zlib.NewReader(r)}, which op-node calls with no
 * dictionary, reads the 4-byte DICTID and accepts it when it equals {@code adler32(nil) == 1}, then inflates from
 * offset 6; any other DICTID is {@code zlib.ErrDictionary}, and fewer than 4 bytes is {@code io.ErrUnexpectedEOF}.
 */
class ZlibPresetDictionaryTest {
  /** The reviewer's channel: header 0x7820 (FDICT), DICTID 00000001, a raw deflate stream, adler32 f39d06c9. */
  private static final Bytes REVIEWER_CHANNEL =
      Bytes.fromHexString("0x7820000000013bcbf0c36b010301c04a504513f38bc34d4c0700f39d06c9");

  /** Batch data written by hand: version 0, rlp([0x00*32, 5, 0x00*32, 1000, [0x02c0]]). */
  private static final Bytes SINGULAR_BATCH = Bytes.fromHexString(
      "0x00f84aa0" + "00".repeat(32) + "05a0" + "00".repeat(32) + "8203e8c38202c0");

  @Test
  void dictIdOneIsAcceptedLikeGoZlibNewReaderWithoutDictionary() throws DecodeException {
    Decompressed d = ChannelCompression.decompress(REVIEWER_CHANNEL, ChannelRules.FJORD);
    assertEquals(End.COMPLETE, d.end(), d.detail());
    assertEquals(CompressionAlgorithm.ZLIB, d.algorithm());
    // The stream holds 0xcd ++ the 77 bytes of SINGULAR_BATCH.
    assertEquals(Bytes.concatenate(Bytes.of(0xcd), SINGULAR_BATCH), d.data());
  }

  /**
   * The reviewer's channel puts its 77-byte batch behind the header 0xcd (0x80 + 77), which in RLP is a list
   * header (strings over 55 bytes take the long form 0xb8 0x4d), so op-node's channel reader (rlp.Stream.Bytes)
   * stops at it with no batch. The bytes behind the header are a valid singular batch.
   */
  @Test
  void reviewerChannelHoldsABatchBehindAListHeader() throws DecodeException {
    ChannelContent content = ChannelReader.read(REVIEWER_CHANNEL, ChannelRules.FJORD);
    assertEquals(List.of(), content.batches());
    assertTrue(content.stopReason().contains("RLP list (0xcd)"), content.stopReason());
    SingularBatch batch = assertInstanceOf(SingularBatch.class, BatchCodec.decode(SINGULAR_BATCH));
    assertEquals(5, batch.epochNum());
    assertEquals(1000, batch.timestamp());
    assertEquals(List.of(Bytes.fromHexString("0x02c0")), batch.transactions());
  }

  @Test
  void presetDictionaryChannelWithACorrectStringHeaderYieldsTheSingularBatch() throws DecodeException {
    Bytes content = Bytes.concatenate(Bytes.fromHexString("0xb84d"), SINGULAR_BATCH);
    ChannelContent read = ChannelReader.read(zlibWithDictId(content, 1), ChannelRules.FJORD);
    assertTrue(read.complete(), read.stopReason());
    assertEquals(List.of(SINGULAR_BATCH), read.batches());
    assertInstanceOf(SingularBatch.class, BatchCodec.decode(read.batches().getFirst()));
  }

  @Test
  void anyOtherDictIdIsRejectedAsGoReportsErrDictionary() {
    Bytes content = Bytes.fromHexString("0x8100");
    for (long dictId : new long[] {0, 2, 0x01000000L, 0xffffffffL}) {
      DecodeException e = assertThrows(DecodeException.class,
          () -> ChannelCompression.decompress(zlibWithDictId(content, dictId), ChannelRules.FJORD));
      assertTrue(e.getMessage().contains("dictionary"), e.getMessage());
    }
  }

  @Test
  void truncatedDictIdIsRejectedAsGoReportsUnexpectedEof() {
    for (String channel : List.of("0x7820", "0x782000", "0x7820000000")) {
      DecodeException e = assertThrows(DecodeException.class,
          () -> ChannelCompression.decompress(Bytes.fromHexString(channel), ChannelRules.FJORD), channel);
      assertTrue(e.getMessage().contains("DICTID"), e.getMessage());
    }
  }

  /** header 0x7820 (deflate, 32 KiB window, FDICT, check bits valid) ++ DICTID ++ raw deflate ++ adler32. */
  private static Bytes zlibWithDictId(Bytes content, long dictId) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(content.toArrayUnsafe());
    deflater.finish();
    byte[] buf = new byte[content.size() + 64];
    int n = deflater.deflate(buf);
    deflater.end();
    Adler32 adler = new Adler32();
    adler.update(content.toArrayUnsafe());
    return Bytes.concatenate(Bytes.fromHexString("0x7820"), Bytes.ofUnsignedInt(dictId), Bytes.wrap(buf, 0, n),
        Bytes.ofUnsignedInt(adler.getValue()));
  }
}
