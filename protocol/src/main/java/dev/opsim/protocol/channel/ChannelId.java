package dev.opsim.protocol.channel;

import dev.opsim.protocol.Hex;
import org.apache.tuweni.bytes.Bytes;

/** The opaque 16-byte identifier of a channel; batchers pick it at random (protocol-reference 5.4). */
public record ChannelId(Bytes bytes) {
  public static final int SIZE = 16;

  public ChannelId {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException("a channel id is 16 bytes, got " + (bytes == null ? "null" : bytes.size()));
    }
    bytes = Bytes.wrap(bytes.toArray());
  }

  public static ChannelId wrap(byte[] value) {
    return new ChannelId(Bytes.wrap(value));
  }

  public static ChannelId fromHex(String hex) {
    return wrap(Hex.decode(hex));
  }

  public byte[] toArray() {
    return bytes.toArray();
  }

  @Override
  public String toString() {
    return bytes.toHexString();
  }
}
