package dev.opsim.protocol.channel;

import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/**
 * The frames of one channel being assembled (protocol-reference 5.8 step 4, op-node {@code channel.go}). Frames
 * may arrive in any order unless the channel is {@linkplain #strict strict} (Holocene, 5.11). Timeouts, the
 * choice among several channels and bank-wide pruning belong to the channel bank, which keeps these per channel.
 *
 * <p>Not thread-safe; one derivation pipeline owns it.
 */
public final class Channel {
  /** Bank accounting per frame on top of its data ("count the tagging info as 200", op-node params.go). */
  public static final int FRAME_SIZE_OVERHEAD = 200;

  private final ChannelId id;
  private final boolean strictOrder;
  private final Map<Integer, Frame> frames = new HashMap<>();
  private boolean closed;
  private int endFrameNumber;
  private int highestFrameNumber;
  private long size;

  private Channel(ChannelId id, boolean strictOrder) {
    if (id == null) {
      throw new IllegalArgumentException("channel id is null");
    }
    this.id = id;
    this.strictOrder = strictOrder;
  }

  /** A channel that accepts frames in any order (Bedrock to Granite). */
  public static Channel open(ChannelId id) {
    return new Channel(id, false);
  }

  /** A channel that accepts only frame numbers 0, 1, 2, ... in order (Holocene). */
  public static Channel strict(ChannelId id) {
    return new Channel(id, true);
  }

  /**
   * Offers a frame. The checks and their order are consensus rules (op-node {@code Channel.AddFrame}): a frame
   * of another channel, a second closing frame, a frame number already held, a frame at or after a known end,
   * and (strict channels) a frame out of order are ignored. A closing frame drops held frames numbered above it.
   */
  public FrameAdmission add(Frame frame) {
    if (!frame.channelId().equals(id)) {
      return FrameAdmission.OTHER_CHANNEL;
    }
    int number = frame.frameNumber();
    if (frame.isLast() && closed) {
      return FrameAdmission.ALREADY_CLOSED;
    }
    if (frames.containsKey(number)) {
      return FrameAdmission.DUPLICATE;
    }
    if (closed && number >= endFrameNumber) {
      return FrameAdmission.PAST_END;
    }
    if (strictOrder && number != frames.size()) {
      return FrameAdmission.OUT_OF_ORDER;
    }
    if (frame.isLast()) {
      endFrameNumber = number;
      closed = true;
      if (endFrameNumber < highestFrameNumber) {
        frames.keySet().removeIf(n -> n > endFrameNumber);
        // op-node and kona both subtract the size of every held frame here, also of those they keep, so the
        // size restarts from the closing frame. The bank prunes by this number, so we reproduce it exactly.
        size = 0;
        highestFrameNumber = endFrameNumber;
      }
    }
    highestFrameNumber = Math.max(highestFrameNumber, number);
    frames.put(number, frame);
    size += frameSize(frame);
    return FrameAdmission.ADDED;
  }

  /** The bank's size of one frame: its data plus {@link #FRAME_SIZE_OVERHEAD}. */
  public static long frameSize(Frame frame) {
    return (long) frame.data().size() + FRAME_SIZE_OVERHEAD;
  }

  /** Closed, and frames 0 through the closing frame all present. */
  public boolean isReady() {
    if (!closed || frames.size() != endFrameNumber + 1) {
      return false;
    }
    for (int n = 0; n <= endFrameNumber; n++) {
      if (!frames.containsKey(n)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The channel's compressed bytes: the frame data in frame-number order.
   *
   * @throws IllegalStateException unless {@link #isReady()}
   */
  public Bytes data() {
    if (!isReady()) {
      throw new IllegalStateException("channel " + id + " is not complete");
    }
    long total = 0;
    for (int n = 0; n <= endFrameNumber; n++) {
      total += frames.get(n).data().size();
    }
    // 65,536 frames of at most 1,000,000 bytes can exceed an array; such a channel is far above any cap.
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("channel " + id + " holds " + total + " bytes, too many for one array");
    }
    byte[] out = new byte[(int) total];
    int p = 0;
    for (int n = 0; n <= endFrameNumber; n++) {
      Bytes d = frames.get(n).data();
      System.arraycopy(d.toArrayUnsafe(), 0, out, p, d.size());
      p += d.size();
    }
    return Bytes.wrap(out);
  }

  /**
   * The bank's accounting size: the data of the held frames plus {@link #FRAME_SIZE_OVERHEAD} each, except that,
   * as in op-node, frames held before a pruning closing frame are no longer counted (see {@link #add}). Strict
   * (Holocene) channels never prune, so for them this is exact; Holocene drops a channel once it exceeds
   * MAX_RLP_BYTES_PER_CHANNEL (protocol-reference 5.11), the pre-Holocene bank sums it over its channels.
   */
  public long size() {
    return size;
  }

  public ChannelId id() {
    return id;
  }

  public boolean isClosed() {
    return closed;
  }

  public boolean isStrict() {
    return strictOrder;
  }

  /** The number of frames held. */
  public int frameCount() {
    return frames.size();
  }

  /** The highest frame number held (0 when empty). */
  public int highestFrameNumber() {
    return highestFrameNumber;
  }
}
