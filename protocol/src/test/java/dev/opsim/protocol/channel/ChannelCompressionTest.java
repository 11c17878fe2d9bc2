package dev.opsim.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.channel.Decompressed.End;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ChannelCompressionTest {
  private static final ChannelRules SMALL_FJORD = new ChannelRules(1_000_000, true);

  static Bytes withBrotliVersion(Bytes raw) {
    return Bytes.concatenate(Bytes.of(ChannelCompression.CHANNEL_VERSION_BROTLI), raw);
  }

  @TestFactory
  Stream<DynamicTest> brotliVectors() throws Exception {
    JsonNode vectors = new ObjectMapper().readTree(Fixtures.text("op/channels/brotli-vectors.json")).get("vectors");
    assertEquals(2, vectors.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : vectors) {
      tests.add(DynamicTest.dynamicTest(v.get("name").asText(), () -> {
        Bytes channel = withBrotliVersion(Bytes.fromHexString(v.get("compressed").asText()));
        Bytes expected = Bytes.fromHexString(v.get("decompressed").asText());
        Decompressed d = ChannelCompression.decompress(channel, ChannelRules.FJORD);
        assertEquals(CompressionAlgorithm.BROTLI, d.algorithm());
        assertEquals(End.COMPLETE, d.end(), d.detail());
        assertEquals(expected, d.data());
        DecodeException e = assertThrows(DecodeException.class,
            () -> ChannelCompression.decompress(channel, ChannelRules.BEDROCK));
        assertTrue(e.getMessage().contains("before Fjord"), e.getMessage());
      }));
    }
    return tests.stream();
  }

  @Test
  void singularBatchBrotliChannelHoldsOneVersionZeroBatch() throws Exception {
    JsonNode v = new ObjectMapper().readTree(Fixtures.text("op/channels/brotli-vectors.json")).get("vectors").get(1);
    assertEquals("singular-batch-channel", v.get("name").asText());
    Bytes channel = withBrotliVersion(Bytes.fromHexString(v.get("compressed").asText()));
    assertEquals(12_479 + 1, channel.size());
    ChannelContent content = ChannelReader.read(channel, ChannelRules.FJORD);
    assertTrue(content.complete(), content.stopReason());
    assertEquals(1, content.batches().size());
    Bytes batch = content.batches().get(0);
    assertEquals(0, batch.get(0), "singular batch (version 0)");
    // The decompressed 12,506 bytes are that one RLP string.
    assertEquals(12_506, RLP.encodeValue(batch).size());
  }

  @Test
  void firstByteTellsTheFormatAsOpNodeDoes() throws DecodeException {
    for (int b = 0; b < 256; b++) {
      Bytes channel = Bytes.of(b, 0, 0, 0);
      int nibble = b & 0x0F;
      if (nibble == 8 || nibble == 15) {
        assertEquals(CompressionAlgorithm.ZLIB, ChannelCompression.detect(channel, ChannelRules.BEDROCK));
      } else if (b == 1) {
        assertEquals(CompressionAlgorithm.BROTLI, ChannelCompression.detect(channel, ChannelRules.FJORD));
        assertThrows(DecodeException.class, () -> ChannelCompression.detect(channel, ChannelRules.BEDROCK));
      } else {
        assertThrows(DecodeException.class, () -> ChannelCompression.detect(channel, ChannelRules.FJORD));
      }
    }
    assertThrows(DecodeException.class, () -> ChannelCompression.detect(Bytes.EMPTY, ChannelRules.FJORD));
  }

  @Test
  void zlibHeadersGoRefusesAreRejected() {
    // 0x78 alone; method 15 (reserved, detected as zlib but not deflate); window 2^16 (CINFO 8); bad check
    // bits; preset dictionary (FDICT) with its DICTID cut short (see ZlibPresetDictionaryTest). All but the bad-check
    // case have valid check bits.
    for (String header : List.of("0x78", "0x7f07", "0x881c", "0x7800", "0x78bb")) {
      Bytes channel = Bytes.concatenate(Bytes.fromHexString(header), Bytes.fromHexString("0x0300"));
      assertThrows(DecodeException.class, () -> ChannelCompression.decompress(channel, ChannelRules.FJORD), header);
    }
  }

  @Property(tries = 60)
  void zlibRoundTrips(@ForAll @Size(max = 20_000) byte[] random, @ForAll boolean compressible) throws Exception {
    roundTrip(content(random, compressible), CompressionAlgorithm.ZLIB);
  }

  @Property(tries = 40)
  void brotliRoundTrips(@ForAll @Size(max = 20_000) byte[] random, @ForAll boolean compressible) throws Exception {
    roundTrip(content(random, compressible), CompressionAlgorithm.BROTLI);
  }

  private static Bytes content(byte[] random, boolean compressible) {
    if (!compressible) {
      return Bytes.wrap(random);
    }
    byte[] out = random.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (out[i] & 0x03);
    }
    return Bytes.wrap(out);
  }

  private static void roundTrip(Bytes content, CompressionAlgorithm algorithm) throws DecodeException {
    Bytes compressed = ChannelCompression.compress(content, algorithm);
    Decompressed d = ChannelCompression.decompress(compressed, ChannelRules.FJORD);
    assertEquals(algorithm, d.algorithm());
    assertEquals(End.COMPLETE, d.end(), d.detail());
    assertEquals(content, d.data());
  }

  @Test
  void capIsInclusiveAndStopsReadingBeyondIt() throws DecodeException {
    Bytes content = Bytes.wrap(new Random(7).ints(5000, 0, 4).collect(
        ByteArrayOutputStream::new, ByteArrayOutputStream::write, (a, b) -> a.writeBytes(b.toByteArray()))
        .toByteArray());
    for (CompressionAlgorithm algorithm : CompressionAlgorithm.values()) {
      Bytes compressed = ChannelCompression.compress(content, algorithm);
      Decompressed exact = ChannelCompression.decompress(compressed, new ChannelRules(5000, true));
      assertEquals(End.COMPLETE, exact.end(), algorithm + ": " + exact.detail());
      assertEquals(content, exact.data());
      Decompressed capped = ChannelCompression.decompress(compressed, new ChannelRules(4999, true));
      assertEquals(End.CAPPED, capped.end(), algorithm.toString());
      assertEquals(content.slice(0, 4999), capped.data());
      Decompressed tiny = ChannelCompression.decompress(compressed, new ChannelRules(1, true));
      assertEquals(End.CAPPED, tiny.end(), algorithm.toString());
      assertEquals(content.slice(0, 1), tiny.data());
    }
  }

  @Test
  void zlibBombStopsAtTheCapWithoutAllocatingTheWholeOutput() throws DecodeException {
    // 100 MB of zeros, about 100 KB compressed; read with the pre-Fjord cap of 10 MB.
    Bytes bomb = zlibOfZeros(100_000_000);
    assertTrue(bomb.size() < 200_000);
    long before = allocatedBytes();
    Decompressed d = ChannelCompression.decompress(bomb, ChannelRules.BEDROCK);
    long allocated = allocatedBytes() - before;
    assertEquals(End.CAPPED, d.end());
    assertEquals(10_000_000, d.data().size());
    assertTrue(allocated < 40_000_000, "allocated " + allocated + " bytes to read 10 MB");
  }

  @Test
  void brotliBombStopsAtTheCapWithoutAllocatingTheWholeOutput() throws Exception {
    Bytes bomb = withBrotliVersion(
        Bytes.wrap(Encoder.compress(new byte[100_000_000], new Encoder.Parameters().setQuality(1))));
    assertTrue(bomb.size() < 200_000, "bomb is " + bomb.size());
    long before = allocatedBytes();
    Decompressed d = ChannelCompression.decompress(bomb, new ChannelRules(10_000_000, true));
    long allocated = allocatedBytes() - before;
    assertEquals(End.CAPPED, d.end());
    assertEquals(10_000_000, d.data().size());
    assertTrue(allocated < 40_000_000, "allocated " + allocated + " bytes to read 10 MB");
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static Bytes zlibOfZeros(int n) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      byte[] zeros = new byte[1 << 20];
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      for (int written = 0; written < n; written += zeros.length) {
        deflater.setInput(zeros, 0, Math.min(zeros.length, n - written));
        while (!deflater.needsInput()) {
          out.write(buf, 0, deflater.deflate(buf));
        }
      }
      deflater.finish();
      while (!deflater.finished()) {
        out.write(buf, 0, deflater.deflate(buf));
      }
      return Bytes.wrap(out.toByteArray());
    } finally {
      deflater.end();
    }
  }

  @Test
  void flushedButUnclosedZlibStreamYieldsAllItsData() throws DecodeException {
    // What op-batcher has posted: the zlib writer flushed (sync flush) but never closed.
    byte[] content = "a channel whose zlib writer was flushed, not closed".repeat(50).getBytes();
    Deflater deflater = new Deflater(9);
    byte[] buf = new byte[10_000];
    deflater.setInput(content);
    int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
    deflater.end();
    Decompressed d = ChannelCompression.decompress(Bytes.wrap(buf, 0, n), ChannelRules.BEDROCK);
    assertEquals(End.TRUNCATED, d.end());
    assertEquals(Bytes.wrap(content), d.data());
  }

  @Test
  void zlibChecksumMismatchStillDeliversTheData() throws DecodeException {
    Bytes content = Bytes.wrap("checksummed".repeat(30).getBytes());
    byte[] compressed = ChannelCompression.compress(content, CompressionAlgorithm.ZLIB).toArray();
    compressed[compressed.length - 1] ^= 1;
    Decompressed d = ChannelCompression.decompress(Bytes.wrap(compressed), ChannelRules.BEDROCK);
    assertEquals(End.CORRUPT, d.end());
    assertTrue(d.detail().contains("adler32"), d.detail());
    assertEquals(content, d.data());
  }

  @Test
  void bytesAfterTheZlibTrailerAreIgnoredAsGoDoes() throws DecodeException {
    Bytes content = Bytes.wrap("trailing".repeat(30).getBytes());
    Bytes compressed = Bytes.concatenate(ChannelCompression.compress(content, CompressionAlgorithm.ZLIB),
        Bytes.fromHexString("0xdeadbeef"));
    Decompressed d = ChannelCompression.decompress(compressed, ChannelRules.BEDROCK);
    assertEquals(End.COMPLETE, d.end());
    assertEquals(content, d.data());
  }

  @Test
  void bytesAfterTheBrotliStreamAreAnErrorAfterTheData() throws DecodeException {
    Bytes content = Bytes.wrap("trailing".repeat(30).getBytes());
    Bytes compressed = Bytes.concatenate(ChannelCompression.compress(content, CompressionAlgorithm.BROTLI),
        Bytes.fromHexString("0xdeadbeef"));
    Decompressed d = ChannelCompression.decompress(compressed, ChannelRules.FJORD);
    assertEquals(End.CORRUPT, d.end());
    assertEquals(content, d.data());
  }

  @Test
  void batchesBeforeACorruptDeflateBlockAreDelivered() throws DecodeException {
    // zlib header, a non-final stored block holding two RLP batches, then a block of reserved type 3.
    Bytes batches = Bytes.concatenate(RLP.encodeValue(Bytes.fromHexString("0x00aabbcc")),
        RLP.encodeValue(Bytes.wrap(new byte[300])));
    int len = batches.size();
    Bytes stream = Bytes.concatenate(Bytes.fromHexString("0x7801"),
        Bytes.of(0x00, len & 0xFF, len >>> 8, ~len & 0xFF, (~len >>> 8) & 0xFF), batches, Bytes.of(0x07, 0, 0));
    Decompressed d = ChannelCompression.decompress(stream, ChannelRules.BEDROCK);
    assertEquals(End.CORRUPT, d.end(), d.detail());
    assertEquals(batches, d.data());
    ChannelContent content = ChannelReader.read(stream, ChannelRules.BEDROCK);
    assertEquals(2, content.batches().size());
    assertTrue(!content.complete());
  }

  @Property(tries = 60)
  void truncatedStreamsDeliverAPrefixOfTheContent(
      @ForAll boolean brotli, @ForAll @IntRange(min = 1, max = 1000) int permille, @ForAll long seed)
      throws DecodeException {
    Random random = new Random(seed);
    byte[] content = new byte[20_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) random.nextInt(16);
    }
    CompressionAlgorithm algorithm = brotli ? CompressionAlgorithm.BROTLI : CompressionAlgorithm.ZLIB;
    Bytes compressed = ChannelCompression.compress(Bytes.wrap(content), algorithm);
    int keep = Math.max(3, (int) ((long) compressed.size() * permille / 1000) - 1);
    Decompressed d = ChannelCompression.decompress(compressed.slice(0, keep), ChannelRules.FJORD);
    assertTrue(d.data().size() <= content.length);
    assertEquals(Bytes.wrap(content).slice(0, d.data().size()), d.data(), d.end() + " " + d.detail());
  }

  @Property(tries = 300)
  void decompressingRandomBytesGivesAValueOrDecodeException(@ForAll byte[] random, @ForAll byte first) {
    byte[] channel = random.clone();
    if (channel.length > 0) {
      channel[0] = first;
    }
    decompressQuietly(channel);
  }

  @Property(tries = 200)
  void decompressingMutatedStreamsGivesAValueOrDecodeException(
      @ForAll @Size(max = 3000) byte[] random,
      @ForAll boolean brotli,
      @ForAll @IntRange(min = 0, max = 2) int kind,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll byte value) {
    Bytes compressed = ChannelCompression.compress(content(random, true),
        brotli ? CompressionAlgorithm.BROTLI : CompressionAlgorithm.ZLIB);
    decompressQuietly(FrameTest.mutate(compressed.toArray(), kind, where, value));
  }

  private static void decompressQuietly(byte[] channel) {
    try {
      Decompressed d = ChannelCompression.decompress(Bytes.wrap(channel), SMALL_FJORD);
      assertTrue(d.data().size() <= SMALL_FJORD.maxRlpBytesPerChannel());
      ChannelReader.readBatches(d.data());
    } catch (DecodeException expected) {
      // rejected input is fine
    }
  }
}
