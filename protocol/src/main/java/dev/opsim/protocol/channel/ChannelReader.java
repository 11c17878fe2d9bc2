package dev.opsim.protocol.channel;

import dev.opsim.protocol.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * Reads the batches out of a channel (protocol-reference 5.5, op-node {@code BatchReader} and
 * {@code ChannelInReader}). The decompressed content is a sequence of RLP byte strings, one per batch, read in
 * order until the data ends or something is wrong; whatever went wrong ends the channel, and the batches read
 * before it stay valid. Specifically, reading stops (keeping what was read) at:
 *
 * <ul>
 *   <li>the end of the data that lies within MAX_RLP_BYTES_PER_CHANNEL (a batch reaching past the cap is lost);
 *   <li>the end of what the decompressor delivered before an error (a batch cut by it is lost);
 *   <li>an RLP list where a byte string is expected, and a non-canonical string header (go-ethereum's
 *       {@code rlp.Stream.Bytes} rules: {@code 0x81 xx} with {@code xx < 0x80}, a long form for fewer than 56
 *       bytes, a length with a leading zero byte), which is how trailing garbage after the batches ends up.
 * </ul>
 *
 * <p>What a consumer does with each payload, including the difference between a batch that does not decode (ends
 * the channel) and one that decodes but fails conversion (dropped alone), is in {@link ChannelContent}.
 */
public final class ChannelReader {
  private ChannelReader() {}

  /** Splits decompressed channel content into batch payloads; never fails, see {@link ChannelContent}. */
  public static ChannelContent readBatches(Bytes content) {
    byte[] in = content.toArrayUnsafe();
    List<Bytes> batches = new ArrayList<>();
    int pos = 0;
    while (pos < in.length) {
      int start = pos;
      int b = in[pos] & 0xFF;
      if (b < 0x80) {
        batches.add(Bytes.of(b));
        pos++;
        continue;
      }
      if (b >= 0xC0) {
        return stopped(batches, String.format("RLP list (0x%02x) at offset %d where a batch string is expected", b,
            start));
      }
      long length;
      int header;
      if (b < 0xB8) {
        length = b - 0x80;
        header = 1;
      } else {
        int lengthOfLength = b - 0xB7;
        if (in.length - pos - 1 < lengthOfLength) {
          return stopped(batches, "RLP string length truncated at offset " + start);
        }
        if (in[pos + 1] == 0 && lengthOfLength > 1) {
          return stopped(batches, "non-canonical RLP length (leading zero) at offset " + start);
        }
        length = 0;
        for (int i = 1; i <= lengthOfLength; i++) {
          length = length << 8 | (in[pos + i] & 0xFF);
        }
        if (Long.compareUnsigned(length, 56) < 0) {
          return stopped(batches, "non-canonical RLP long-form length " + length + " at offset " + start);
        }
        header = 1 + lengthOfLength;
      }
      long available = in.length - pos - header;
      if (Long.compareUnsigned(length, available) > 0) {
        return stopped(batches, "batch at offset " + start + " declares " + Long.toUnsignedString(length)
            + " bytes, only " + available + " follow");
      }
      int n = (int) length;
      if (n == 1 && (in[pos + header] & 0xFF) < 0x80) {
        return stopped(batches, "non-canonical RLP single byte at offset " + start);
      }
      // A copy, so the payloads do not pin (or share) the whole decompressed buffer.
      batches.add(Bytes.wrap(Arrays.copyOfRange(in, pos + header, pos + header + n)));
      pos += header + n;
    }
    return new ChannelContent(batches, true, "");
  }

  /**
   * Decompresses a channel's bytes and reads its batches.
   *
   * @throws DecodeException when the compressed stream cannot be opened (see {@link ChannelCompression})
   */
  public static ChannelContent read(Bytes channelData, ChannelRules rules) throws DecodeException {
    Decompressed decompressed = ChannelCompression.decompress(channelData, rules);
    ChannelContent content = readBatches(decompressed.data());
    // Where the input simply ran out, every delivered byte is usable; only cap and corruption cut data off.
    boolean cut = switch (decompressed.end()) {
      case COMPLETE, TRUNCATED -> false;
      case CAPPED, CORRUPT -> true;
    };
    if (!cut && content.complete()) {
      return content;
    }
    String cause = decompressed.end() == Decompressed.End.CAPPED
        ? "decompressed data capped at " + rules.maxRlpBytesPerChannel() + " bytes"
        : decompressed.detail();
    String reason = content.complete() ? cause : content.stopReason() + "; " + cause;
    return new ChannelContent(content.batches(), false, reason);
  }

  /** Reads the batches of a complete channel. */
  public static ChannelContent read(Channel channel, ChannelRules rules) throws DecodeException {
    return read(channel.data(), rules);
  }

  /**
   * Assembles the given frames of one channel (by the rules of {@link Channel#add}, so duplicates and frames past
   * the end are ignored), then decompresses it and reads its batches.
   *
   * @throws DecodeException when there are no frames, a frame names another channel, the frames do not make a
   *     complete channel, or the compressed stream cannot be opened
   */
  public static ChannelContent readFrames(List<Frame> frames, ChannelRules rules) throws DecodeException {
    if (frames.isEmpty()) {
      throw new DecodeException("no frames");
    }
    Channel channel = Channel.open(frames.get(0).channelId());
    for (int i = 0; i < frames.size(); i++) {
      if (channel.add(frames.get(i)) == FrameAdmission.OTHER_CHANNEL) {
        throw new DecodeException("frame " + i + " belongs to channel " + frames.get(i).channelId() + ", not "
            + channel.id());
      }
    }
    if (!channel.isReady()) {
      throw new DecodeException("channel " + channel.id() + " is incomplete: " + channel.frameCount()
          + " frames held, " + (channel.isClosed() ? "closed" : "no closing frame"));
    }
    return read(channel, rules);
  }

  private static ChannelContent stopped(List<Bytes> batches, String reason) {
    return new ChannelContent(batches, false, reason);
  }
}
