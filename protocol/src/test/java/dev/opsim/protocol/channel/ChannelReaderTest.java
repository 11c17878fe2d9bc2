package dev.opsim.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.junit.jupiter.api.Test;

class ChannelReaderTest {
  private static ChannelContent read(String hex) {
    return ChannelReader.readBatches(Bytes.fromHexString(hex));
  }

  private static Bytes rlp(Bytes... payloads) {
    Bytes out = Bytes.EMPTY;
    for (Bytes p : payloads) {
      out = Bytes.concatenate(out, RLP.encodeValue(p));
    }
    return out;
  }

  @Test
  void readsByteStringsBackToBack() {
    Bytes a = Bytes.fromHexString("0x00aabb");
    Bytes b = Bytes.wrap(new byte[100]);
    b = Bytes.concatenate(Bytes.of(1), b);
    ChannelContent c = ChannelReader.readBatches(rlp(a, b));
    assertTrue(c.complete());
    assertEquals(List.of(a, b), c.batches());
  }

  @Test
  void singleByteAndEmptyStringsArePayloadsForTheBatchDecoderToJudge() {
    // go-ethereum's Stream.Bytes returns a single byte below 0x80 as itself, and 0x80 as an empty string.
    ChannelContent c = read("0x0580");
    assertTrue(c.complete());
    assertEquals(List.of(Bytes.of(5), Bytes.EMPTY), c.batches());
  }

  @Test
  void anRlpListEndsTheChannel() {
    ChannelContent c = read("0x8300aabb" + "c3010203" + "8100");
    assertEquals(List.of(Bytes.fromHexString("0x00aabb")), c.batches());
    assertFalse(c.complete());
    assertTrue(c.stopReason().contains("list"), c.stopReason());
  }

  @Test
  void nonCanonicalHeadersEndTheChannel() {
    for (String bad : List.of("8105", "b803aabbcc", "b90038" + "00".repeat(56), "b800")) {
      ChannelContent c = read("0x820102" + bad);
      assertEquals(List.of(Bytes.of(1, 2)), c.batches(), bad);
      assertFalse(c.complete(), bad);
      assertTrue(c.stopReason().contains("non-canonical"), c.stopReason());
    }
    // The shortest long form is fine.
    ChannelContent ok = read("0xb838" + "01".repeat(56));
    assertTrue(ok.complete());
    assertEquals(56, ok.batches().get(0).size());
  }

  @Test
  void truncatedStringsAndHeadersEndTheChannel() {
    for (String bad : List.of("83aabb", "b9", "b901", "bf", "bbffffffff")) {
      ChannelContent c = read("0x820102" + bad);
      assertEquals(List.of(Bytes.of(1, 2)), c.batches(), bad);
      assertFalse(c.complete(), bad);
    }
    // An 8-byte length above 2^63 is compared unsigned, not read as negative.
    ChannelContent huge = read("0xbfff00000000000000" + "00");
    assertEquals(List.of(), huge.batches());
  }

  @Test
  void aBatchEndingExactlyAtTheCapIsKeptOneByteOverIsNot() throws DecodeException {
    // go-ethereum's rlp.Stream with an input limit: a value may use the remaining bytes exactly.
    Bytes batch = Bytes.concatenate(Bytes.of(0), Bytes.wrap(new byte[999]));
    Bytes content = rlp(batch, batch, batch);
    int each = RLP.encodeValue(batch).size();
    assertEquals(1003, each);
    Bytes channel = ChannelCompression.compress(content, CompressionAlgorithm.ZLIB);
    assertEquals(3, ChannelReader.read(channel, new ChannelRules(3 * each, false)).batches().size());
    assertTrue(ChannelReader.read(channel, new ChannelRules(3 * each, false)).complete());
    ChannelContent two = ChannelReader.read(channel, new ChannelRules(2 * each, false));
    assertEquals(2, two.batches().size());
    assertFalse(two.complete());
    assertEquals(1, ChannelReader.read(channel, new ChannelRules(2 * each - 1, false)).batches().size());
  }

  @Test
  void readFramesAssemblesOneChannel() throws DecodeException {
    ChannelId id = ChannelId.fromHex("0x0102030405060708090a0b0c0d0e0f10");
    Bytes content = rlp(Bytes.fromHexString("0x00c0"), Bytes.fromHexString("0x01c0"));
    Bytes channel = ChannelCompression.compress(content, CompressionAlgorithm.ZLIB);
    int half = channel.size() / 2;
    Frame f0 = new Frame(id, 0, channel.slice(0, half), false);
    Frame f1 = new Frame(id, 1, channel.slice(half), true);
    Frame junk = new Frame(id, 0, Bytes.of(9, 9), false);
    ChannelContent c = ChannelReader.readFrames(List.of(f1, f0, junk), ChannelRules.BEDROCK);
    assertTrue(c.complete(), c.stopReason());
    assertEquals(List.of(Bytes.fromHexString("0x00c0"), Bytes.fromHexString("0x01c0")), c.batches());

    assertThrows(DecodeException.class, () -> ChannelReader.readFrames(List.of(), ChannelRules.BEDROCK));
    assertThrows(DecodeException.class, () -> ChannelReader.readFrames(List.of(f0), ChannelRules.BEDROCK));
    Frame other = new Frame(ChannelId.wrap(new byte[16]), 1, channel.slice(half), true);
    assertThrows(DecodeException.class, () -> ChannelReader.readFrames(List.of(f0, other), ChannelRules.BEDROCK));
  }

  @Property(tries = 300)
  void encodedPayloadListsReadBack(@ForAll("payloads") List<Bytes> payloads) {
    ChannelContent c = ChannelReader.readBatches(rlp(payloads.toArray(Bytes[]::new)));
    assertTrue(c.complete(), c.stopReason());
    assertEquals(payloads, c.batches());
  }

  @Property(tries = 200)
  void compressedChannelsReadBack(@ForAll("payloads") List<Bytes> payloads, @ForAll boolean brotli)
      throws DecodeException {
    Bytes channel = ChannelCompression.compress(rlp(payloads.toArray(Bytes[]::new)),
        brotli ? CompressionAlgorithm.BROTLI : CompressionAlgorithm.ZLIB);
    ChannelContent c = ChannelReader.read(channel, ChannelRules.FJORD);
    assertTrue(c.complete(), c.stopReason());
    assertEquals(payloads, c.batches());
  }

  @Property(tries = 500)
  void randomStreamsGiveAPrefixOfWhatTheyHold(@ForAll byte[] random) {
    assertReadsAPrefix(random);
  }

  private static void assertReadsAPrefix(byte[] random) {
    ChannelContent c = ChannelReader.readBatches(Bytes.wrap(random));
    Bytes reencoded = rlp(c.batches().toArray(Bytes[]::new));
    // Whatever was read is exactly the canonical encoding of a prefix of the input.
    assertTrue(reencoded.size() <= random.length);
    assertEquals(Bytes.wrap(random).slice(0, reencoded.size()), reencoded);
    assertEquals(c.complete(), reencoded.size() == random.length);
  }

  @Property(tries = 300)
  void mutatedStreamsGiveAPrefixOfWhatTheyHold(
      @ForAll("payloads") List<Bytes> payloads, @ForAll int kind, @ForAll int where, @ForAll byte value) {
    assertReadsAPrefix(FrameTest.mutate(rlp(payloads.toArray(Bytes[]::new)).toArray(), Math.floorMod(kind, 3),
        Math.floorMod(where, 100_000), value));
  }

  @Provide
  Arbitrary<List<Bytes>> payloads() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(Bytes::wrap).list().ofMaxSize(8);
  }
}
