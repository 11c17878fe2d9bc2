package dev.opsim.protocol.channel;

import dev.opsim.protocol.DecodeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;

/**
 * The payload of a batcher transaction: its calldata, or one decoded blob (protocol-reference 5.2, 5.4).
 * Version 0 is {@code 0x00 ++ frame ++ frame ++ ...}.
 */
public final class BatcherTxData {
  /** Derivation version 0: one or more frames back to back. */
  public static final int VERSION_FRAMES = 0;
  /** Derivation version 1: an alt-DA commitment (experimental, not frames). */
  public static final int VERSION_ALT_DA = 1;

  private BatcherTxData() {}

  /**
   * Parses version-0 batcher data into its frames, as op-node's {@code ParseFrames}: the version byte must be 0,
   * frames follow back to back until the data is exhausted, and there must be at least one. Any malformed
   * frame rejects the whole payload, since the spec drops every frame of such a transaction (5.2).
   */
  public static List<Frame> parse(byte[] data) throws DecodeException {
    if (data == null || data.length == 0) {
      throw new DecodeException("batcher data is empty");
    }
    int version = data[0] & 0xFF;
    if (version != VERSION_FRAMES) {
      String what = version == VERSION_ALT_DA ? " (an alt-DA commitment, not frames)" : "";
      throw new DecodeException("batcher data version at offset 0 is " + version + what + ", expected 0");
    }
    FrameReader reader = new FrameReader(data, 1);
    List<Frame> frames = new ArrayList<>();
    while (reader.hasMore()) {
      frames.add(reader.next());
    }
    if (frames.isEmpty()) {
      throw new DecodeException("batcher data holds a version byte but no frame");
    }
    return List.copyOf(frames);
  }

  public static List<Frame> parse(Bytes data) throws DecodeException {
    return parse(data.toArrayUnsafe());
  }

  /** {@code 0x00 ++ frames}; at least one frame, since a payload without frames is invalid. */
  public static Bytes encode(List<Frame> frames) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("batcher data needs at least one frame");
    }
    int size = 1;
    for (Frame f : frames) {
      size = Math.addExact(size, f.encodedSize());
    }
    byte[] out = new byte[size];
    out[0] = VERSION_FRAMES;
    int p = 1;
    for (Frame f : frames) {
      p = f.writeTo(out, p);
    }
    return Bytes.wrap(out);
  }

  /**
   * op-node's {@code ForceCloseTxData}: the batcher data that closes a channel, given the frames of it already
   * posted. If none of them closed the channel: an empty frame 0 with {@code is_last}. Otherwise: an empty,
   * non-closing frame for every number below the first closing frame that was not seen (just {@code 0x00}
   * when none is missing, which derivation will ignore).
   *
   * @throws IllegalArgumentException for an empty list or frames of different channels
   */
  public static Bytes forceClose(List<Frame> seen) {
    if (seen.isEmpty()) {
      throw new IllegalArgumentException("force-close needs at least one frame of the channel");
    }
    ChannelId id = seen.get(0).channelId();
    Set<Integer> numbers = new HashSet<>();
    boolean closed = false;
    int closeNumber = 0;
    for (int i = 0; i < seen.size(); i++) {
      Frame f = seen.get(i);
      if (!f.channelId().equals(id)) {
        throw new IllegalArgumentException("frame " + i + " is of channel " + f.channelId() + ", not " + id);
      }
      if (!closed && f.isLast()) {
        closeNumber = f.frameNumber();
        closed = true;
      }
      numbers.add(f.frameNumber());
    }
    List<Frame> fill = new ArrayList<>();
    if (!closed) {
      fill.add(new Frame(id, 0, Bytes.EMPTY, true));
    } else {
      for (int n = 0; n <= closeNumber; n++) {
        if (!numbers.contains(n)) {
          fill.add(new Frame(id, n, Bytes.EMPTY, false));
        }
      }
    }
    return fill.isEmpty() ? Bytes.of(VERSION_FRAMES) : encode(fill);
  }
}
