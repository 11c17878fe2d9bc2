package dev.opsim.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hex;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class FrameTest {
  // protocol-reference 5.4 worked example: a calldata batcher tx with one closing frame of 3 data bytes.
  private static final String SPEC_EXAMPLE =
      "0x00" + "00000000000000000000000000000001" + "0000" + "00000003" + "aabbcc" + "01";

  @Test
  void parsesTheSpecWorkedExample() throws DecodeException {
    byte[] tx = Hex.decode(SPEC_EXAMPLE);
    assertEquals(27, tx.length);
    List<Frame> frames = BatcherTxData.parse(tx);
    assertEquals(1, frames.size());
    Frame f = frames.get(0);
    assertEquals(ChannelId.fromHex("0x00000000000000000000000000000001"), f.channelId());
    assertEquals(0, f.frameNumber());
    assertEquals(Bytes.fromHexString("0xaabbcc"), f.data());
    assertTrue(f.isLast());
    assertEquals(Bytes.wrap(tx), BatcherTxData.encode(frames));
    assertEquals(Bytes.wrap(tx).slice(1), f.encode());
  }

  @Test
  void parsesFramesBackToBack() throws DecodeException {
    ChannelId id = ChannelId.fromHex("0xdeadbeefdeadbeefdeadbeefdeadbeef");
    Frame a = Frame.of(id, 7, new byte[] {1, 2}, false);
    Frame b = Frame.of(id, 8, new byte[0], true);
    Bytes tx = BatcherTxData.encode(List.of(a, b));
    assertEquals(1 + 25 + 23, tx.size());
    assertEquals(List.of(a, b), BatcherTxData.parse(tx));
  }

  @Test
  void rejectsBadVersionsAndEmptyData() {
    assertRejected(new byte[0], "empty");
    assertRejected(Hex.decode("0x00"), "no frame");
    byte[] altDa = Hex.decode(SPEC_EXAMPLE);
    altDa[0] = 1;
    assertRejected(altDa, "alt-DA");
    byte[] unknown = Hex.decode(SPEC_EXAMPLE);
    unknown[0] = 2;
    assertRejected(unknown, "version");
  }

  @Test
  void rejectsIsLastOtherThanZeroOrOne() {
    byte[] tx = Hex.decode(SPEC_EXAMPLE);
    tx[26] = 2;
    assertRejected(tx, "is_last");
  }

  @Test
  void rejectsTruncatedFramesAnywhere() {
    byte[] tx = Hex.decode(SPEC_EXAMPLE);
    for (int n = 2; n < tx.length; n++) {
      assertRejected(Arrays.copyOf(tx, n), "truncated");
    }
  }

  @Test
  void oneBadFrameRejectsTheWholePayload() {
    // protocol-reference 5.2: a frame that fails to parse drops all frames of the transaction.
    byte[] good = Hex.decode(SPEC_EXAMPLE);
    byte[] tx = new byte[good.length * 2 - 1];
    System.arraycopy(good, 0, tx, 0, good.length);
    System.arraycopy(good, 1, tx, good.length, good.length - 1);
    tx[tx.length - 1] = 7;
    assertRejected(tx, "is_last");
  }

  @Test
  void rejectsADataLengthAboveTheLimitBeforeLookingForTheData() {
    byte[] tx = Hex.decode(SPEC_EXAMPLE);
    // 1,000,001 = 0x000f4241; the data is absent, but the limit is what must be reported.
    tx[19] = 0x00;
    tx[20] = 0x0f;
    tx[21] = 0x42;
    tx[22] = 0x41;
    assertRejected(tx, "exceeds");
    tx[19] = (byte) 0xff;
    assertRejected(tx, "exceeds");
  }

  @Test
  void acceptsADataLengthOfExactlyTheLimit() throws DecodeException {
    Frame f = Frame.of(ChannelId.wrap(new byte[16]), 1, new byte[Frame.MAX_DATA_LENGTH], false);
    assertEquals(List.of(f), BatcherTxData.parse(BatcherTxData.encode(List.of(f))));
    assertThrows(IllegalArgumentException.class,
        () -> Frame.of(ChannelId.wrap(new byte[16]), 1, new byte[Frame.MAX_DATA_LENGTH + 1], false));
  }

  @Test
  void singleFrameDecodeRejectsExtraBytes() {
    Bytes encoded = Bytes.wrap(Hex.decode(SPEC_EXAMPLE)).slice(1);
    DecodeException e = assertThrows(DecodeException.class, () -> Frame.decode(Bytes.concatenate(encoded,
        Bytes.of(0))));
    assertTrue(e.getMessage().contains("after the frame"), e.getMessage());
  }

  @Test
  void frameValuesAreCheckedAndCopied() {
    ChannelId id = ChannelId.wrap(new byte[16]);
    assertThrows(IllegalArgumentException.class, () -> Frame.of(id, -1, new byte[0], false));
    assertThrows(IllegalArgumentException.class, () -> Frame.of(id, 65536, new byte[0], false));
    assertThrows(IllegalArgumentException.class, () -> ChannelId.wrap(new byte[15]));
    byte[] data = {1, 2, 3};
    Frame f = Frame.of(id, 0, data, false);
    data[0] = 9;
    assertEquals(Bytes.of(1, 2, 3), f.data());
    assertThrows(IllegalArgumentException.class, () -> BatcherTxData.encode(List.of()));
  }

  private static void assertRejected(byte[] tx, String messagePart) {
    DecodeException e = assertThrows(DecodeException.class, () -> BatcherTxData.parse(tx));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @Property(tries = 300)
  void frameRoundTrips(@ForAll("frames") Frame frame) throws DecodeException {
    assertEquals(frame, Frame.decode(frame.encode()));
    assertEquals(frame.encodedSize(), frame.encode().size());
  }

  @Property(tries = 300)
  void batcherDataRoundTrips(@ForAll("frameLists") List<Frame> frames) throws DecodeException {
    Bytes tx = BatcherTxData.encode(frames);
    assertEquals(frames, BatcherTxData.parse(tx));
    assertEquals(tx, BatcherTxData.encode(BatcherTxData.parse(tx)));
  }

  @Property(tries = 500)
  void parsingRandomBytesGivesFramesOrDecodeException(@ForAll byte[] random, @ForAll boolean versionZero) {
    byte[] tx = random.clone();
    if (versionZero && tx.length > 0) {
      tx[0] = 0;
    }
    parseQuietly(tx);
  }

  @Property(tries = 500)
  void parsingMutatedPayloadsGivesFramesOrDecodeException(
      @ForAll("frameLists") List<Frame> frames,
      @ForAll @IntRange(min = 0, max = 2) int kind,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll byte value) {
    byte[] tx = mutate(BatcherTxData.encode(frames).toArray(), kind, where, value);
    parseQuietly(tx);
  }

  /** kind 0: overwrite one byte; 1: truncate; 2: extend. */
  static byte[] mutate(byte[] in, int kind, int where, byte value) {
    return switch (kind) {
      case 0 -> {
        byte[] out = in.clone();
        if (out.length > 0) {
          out[where % out.length] ^= (byte) (value == 0 ? 1 : value);
        }
        yield out;
      }
      case 1 -> Arrays.copyOf(in, in.length == 0 ? 0 : where % in.length);
      default -> {
        byte[] out = Arrays.copyOf(in, in.length + 1 + where % 40);
        Arrays.fill(out, in.length, out.length, value);
        yield out;
      }
    };
  }

  private static void parseQuietly(byte[] tx) {
    try {
      List<Frame> frames = BatcherTxData.parse(tx);
      assertTrue(!frames.isEmpty());
      assertEquals(Bytes.wrap(tx), BatcherTxData.encode(frames));
    } catch (DecodeException expected) {
      // rejected input is fine
    }
  }

  @Provide
  Arbitrary<Frame> frames() {
    return FrameArbitraries.frames(300);
  }

  @Provide
  Arbitrary<List<Frame>> frameLists() {
    return FrameArbitraries.frames(200).list().ofMinSize(1).ofMaxSize(6);
  }
}
