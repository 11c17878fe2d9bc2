package dev.opsim.protocol.channel;

import dev.opsim.protocol.DecodeException;
import org.apache.tuweni.bytes.Bytes;

/**
 * One piece of a channel, as carried by batcher transactions (protocol-reference 5.4):
 * {@code channel_id(16) ++ frame_number(u16 BE) ++ frame_data_length(u32 BE) ++ frame_data ++ is_last(1)}.
 *
 * <p>A value of this type is always encodable and parseable: the frame number fits 16 bits and the data is at
 * most {@link #MAX_DATA_LENGTH} bytes.
 */
public record Frame(ChannelId channelId, int frameNumber, Bytes data, boolean isLast) {
  /** Fixed bytes around the data: 16 + 2 + 4 + 1. */
  public static final int OVERHEAD = 23;
  /** op-node's {@code MaxFrameLen}: a longer {@code frame_data_length} makes the frame invalid. */
  public static final int MAX_DATA_LENGTH = 1_000_000;
  public static final int MAX_FRAME_NUMBER = 0xFFFF;

  public Frame {
    if (channelId == null || data == null) {
      throw new IllegalArgumentException("a frame needs a channel id and data");
    }
    if (frameNumber < 0 || frameNumber > MAX_FRAME_NUMBER) {
      throw new IllegalArgumentException("frame number must fit 16 bits, got " + frameNumber);
    }
    if (data.size() > MAX_DATA_LENGTH) {
      throw new IllegalArgumentException("frame data is " + data.size() + " bytes, at most " + MAX_DATA_LENGTH);
    }
    data = Bytes.wrap(data.toArray());
  }

  public static Frame of(ChannelId channelId, int frameNumber, byte[] data, boolean isLast) {
    return new Frame(channelId, frameNumber, Bytes.wrap(data), isLast);
  }

  /** The number of bytes {@link #encode()} produces. */
  public int encodedSize() {
    return OVERHEAD + data.size();
  }

  public Bytes encode() {
    byte[] out = new byte[encodedSize()];
    writeTo(out, 0);
    return Bytes.wrap(out);
  }

  /** Writes the encoding at {@code offset}; returns the offset just after it. */
  int writeTo(byte[] out, int offset) {
    int p = offset;
    System.arraycopy(channelId.bytes().toArrayUnsafe(), 0, out, p, ChannelId.SIZE);
    p += ChannelId.SIZE;
    out[p++] = (byte) (frameNumber >>> 8);
    out[p++] = (byte) frameNumber;
    int length = data.size();
    out[p++] = (byte) (length >>> 24);
    out[p++] = (byte) (length >>> 16);
    out[p++] = (byte) (length >>> 8);
    out[p++] = (byte) length;
    System.arraycopy(data.toArrayUnsafe(), 0, out, p, length);
    p += length;
    out[p++] = (byte) (isLast ? 1 : 0);
    return p;
  }

  /** Parses exactly one frame that fills {@code encoded}. */
  public static Frame decode(Bytes encoded) throws DecodeException {
    FrameReader reader = new FrameReader(encoded.toArrayUnsafe(), 0);
    Frame frame = reader.next();
    if (reader.hasMore()) {
      throw new DecodeException(
          "frame: " + reader.remaining() + " bytes after the frame, at offset " + reader.offset());
    }
    return frame;
  }

  @Override
  public String toString() {
    return "Frame[" + channelId + ":" + frameNumber + ", " + data.size() + " bytes" + (isLast ? ", last]" : "]");
  }
}
