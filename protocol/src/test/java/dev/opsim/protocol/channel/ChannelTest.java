package dev.opsim.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class ChannelTest {
  private static final ChannelId ID = ChannelId.wrap(idBytes(0xff));

  private static byte[] idBytes(int first) {
    byte[] id = new byte[16];
    id[0] = (byte) first;
    return id;
  }

  private static Frame frame(int number, boolean last, String data) {
    return Frame.of(ID, number, data.getBytes(StandardCharsets.US_ASCII), last);
  }

  /** One row of op-node's TestFrameValidity (channel_test.go): frames, whether each is refused, size after each. */
  private static void frameValidity(boolean holocene, List<Frame> frames, List<Boolean> refused, List<Long> sizes) {
    Channel ch = holocene ? Channel.strict(ID) : Channel.open(ID);
    for (int i = 0; i < frames.size(); i++) {
      FrameAdmission admission = ch.add(frames.get(i));
      assertEquals(refused.get(i), !admission.added(), "frame " + i + ": " + admission);
      assertEquals(sizes.get(i), ch.size(), "size after frame " + i);
    }
  }

  @Test
  void wrongChannel() {
    frameValidity(false, List.of(Frame.of(ChannelId.wrap(idBytes(0xee)), 0, new byte[0], false)), List.of(true),
        List.of(0L));
  }

  @Test
  void doubleClose() {
    frameValidity(false, List.of(frame(2, true, "four"), frame(1, true, "")), List.of(false, true),
        List.of(204L, 204L));
  }

  @Test
  void duplicateFrame() {
    frameValidity(false, List.of(frame(2, false, "four"), frame(2, false, "seven__")), List.of(false, true),
        List.of(204L, 204L));
  }

  @Test
  void duplicateClosingFrames() {
    frameValidity(false, List.of(frame(2, true, "four"), frame(2, true, "seven__")), List.of(false, true),
        List.of(204L, 204L));
  }

  @Test
  void framePastClosing() {
    frameValidity(false, List.of(frame(2, true, "four"), frame(10, false, "seven__")), List.of(false, true),
        List.of(204L, 204L));
  }

  @Test
  void pruneAfterCloseFrame() {
    frameValidity(false, List.of(frame(10, false, "seven__"), frame(2, true, "four")), List.of(false, false),
        List.of(207L, 204L));
  }

  @Test
  void multipleValidFrames() {
    frameValidity(false, List.of(frame(10, false, "seven__"), frame(2, false, "four")), List.of(false, false),
        List.of(207L, 411L));
  }

  @Test
  void holoceneNonFirst() {
    frameValidity(true, List.of(frame(2, false, "four")), List.of(true), List.of(0L));
  }

  @Test
  void holoceneOutOfOrder() {
    frameValidity(true, List.of(frame(0, false, "four"), frame(2, false, "seven__")), List.of(false, true),
        List.of(204L, 204L));
  }

  @Test
  void holoceneInOrder() {
    frameValidity(true, List.of(frame(0, false, "four"), frame(1, false, "seven__"), frame(2, true, "2_")),
        List.of(false, false, false), List.of(204L, 411L, 613L));
  }

  @Test
  void pruningForgetsTheSizeOfKeptFramesAsOpNodeDoes() {
    // op-node's AddFrame subtracts the size of every held frame when a closing frame prunes, kept ones too.
    Channel ch = Channel.open(ID);
    ch.add(frame(0, false, "aa"));
    ch.add(frame(5, false, "bbb"));
    assertEquals(405, ch.size());
    assertEquals(FrameAdmission.ADDED, ch.add(frame(2, true, "c")));
    assertEquals(201, ch.size(), "only the closing frame is counted after the prune");
    assertEquals(2, ch.frameCount(), "frames 0 and 2 are held, 5 is dropped");
    assertEquals(FrameAdmission.ADDED, ch.add(frame(1, false, "dd")));
    assertEquals(403, ch.size());
    assertTrue(ch.isReady());
    assertEquals(Bytes.wrap("aaddc".getBytes(StandardCharsets.US_ASCII)), ch.data());
  }

  @Test
  void closingWithoutPruneKeepsTheFullSize() {
    Channel ch = Channel.open(ID);
    ch.add(frame(0, false, "aa"));
    ch.add(frame(1, true, "b"));
    assertEquals(202 + 201, ch.size());
  }

  @Test
  void readinessNeedsTheClosingFrameAndNoGap() {
    Channel ch = Channel.open(ID);
    assertFalse(ch.isReady());
    ch.add(frame(0, false, "first"));
    assertFalse(ch.isReady());
    ch.add(frame(2, true, "third"));
    assertFalse(ch.isReady());
    assertThrows(IllegalStateException.class, ch::data);
    assertEquals(FrameAdmission.PAST_END, ch.add(frame(3, false, "x")));
    assertEquals(FrameAdmission.ALREADY_CLOSED, ch.add(frame(1, true, "x")));
    assertEquals(FrameAdmission.DUPLICATE, ch.add(frame(0, false, "altfirst")));
    ch.add(frame(1, false, "second"));
    assertTrue(ch.isReady());
    assertEquals(Bytes.wrap("firstsecondthird".getBytes(StandardCharsets.US_ASCII)), ch.data());
  }

  @Test
  void aSingleEmptyClosingFrameIsAnEmptyReadyChannel() {
    Channel ch = Channel.open(ID);
    ch.add(frame(0, true, ""));
    assertTrue(ch.isReady());
    assertEquals(Bytes.EMPTY, ch.data());
  }

  @Property(tries = 200)
  void anyArrivalOrderAssemblesTheSameData(
      @ForAll @IntRange(min = 1, max = 12) int count, @ForAll long seed) {
    Random random = new Random(seed);
    List<Frame> frames = new ArrayList<>();
    ByteBuilder expected = new ByteBuilder();
    for (int n = 0; n < count; n++) {
      byte[] data = new byte[random.nextInt(20)];
      random.nextBytes(data);
      expected.add(data);
      frames.add(Frame.of(ID, n, data, n == count - 1));
    }
    List<Frame> shuffled = new ArrayList<>(frames);
    Collections.shuffle(shuffled, random);
    // Later copies of each number with other data must not change the result: the first copy wins.
    List<Frame> copies = new ArrayList<>();
    for (Frame f : frames) {
      copies.add(Frame.of(ID, f.frameNumber(), new byte[] {42}, f.isLast()));
    }
    Collections.shuffle(copies, random);
    shuffled.addAll(copies);
    Channel ch = Channel.open(ID);
    for (Frame f : shuffled) {
      ch.add(f);
    }
    assertTrue(ch.isReady());
    assertEquals(Bytes.wrap(expected.toArray()), ch.data());
  }

  private static final class ByteBuilder {
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    void add(byte[] b) {
      out.writeBytes(b);
    }

    byte[] toArray() {
      return out.toByteArray();
    }
  }
}
