package dev.opsim.protocol.channel;

import dev.opsim.protocol.DecodeException;
import org.apache.tuweni.bytes.Bytes;

/** Reads frames back to back from a byte array, as op-node's {@code Frame.UnmarshalBinary} does. */
final class FrameReader {
  private final byte[] in;
  private int pos;
  private int count;

  FrameReader(byte[] in, int start) {
    this.in = in;
    this.pos = start;
  }

  boolean hasMore() {
    return pos < in.length;
  }

  int remaining() {
    return in.length - pos;
  }

  int offset() {
    return pos;
  }

  /** Reads the next frame; offsets in messages are positions in the whole input. */
  Frame next() throws DecodeException {
    int start = pos;
    String where = "frame " + count + " at offset " + start;
    need(ChannelId.SIZE + 2 + 4, where, "header");
    byte[] id = new byte[ChannelId.SIZE];
    System.arraycopy(in, pos, id, 0, ChannelId.SIZE);
    pos += ChannelId.SIZE;
    int number = (in[pos] & 0xFF) << 8 | (in[pos + 1] & 0xFF);
    pos += 2;
    long length = (in[pos] & 0xFFL) << 24 | (in[pos + 1] & 0xFF) << 16 | (in[pos + 2] & 0xFF) << 8
        | (in[pos + 3] & 0xFF);
    pos += 4;
    // Check the declared length against the spec limit before looking for that many bytes (5.4).
    if (length > Frame.MAX_DATA_LENGTH) {
      throw new DecodeException(where + ": frame_data_length " + length + " exceeds " + Frame.MAX_DATA_LENGTH);
    }
    need((int) length, where, "frame_data of " + length + " bytes");
    // Frame copies its data; Tuweni refuses an empty slice at the very end of an array.
    Bytes data = length == 0 ? Bytes.EMPTY : Bytes.wrap(in, pos, (int) length);
    pos += (int) length;
    need(1, where, "is_last");
    int isLast = in[pos] & 0xFF;
    if (isLast > 1) {
      throw new DecodeException(where + ": is_last byte at offset " + pos + " is " + isLast + ", must be 0 or 1");
    }
    pos++;
    count++;
    return new Frame(new ChannelId(Bytes.wrap(id)), number, data, isLast == 1);
  }

  private void need(int n, String where, String what) throws DecodeException {
    if (in.length - pos < n) {
      throw new DecodeException(
          where + ": truncated " + what + " at offset " + pos + " (" + (in.length - pos) + " bytes left)");
    }
  }
}
