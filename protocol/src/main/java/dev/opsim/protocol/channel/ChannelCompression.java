package dev.opsim.protocol.channel;

import dev.opsim.protocol.DecodeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.tuweni.bytes.Bytes;

/**
 * Channel compression (protocol-reference 5.5): zlib before Fjord; from Fjord also {@code 0x01 ++ brotli}.
 *
 * <p>Decompression follows op-node's {@code BatchReader}: the format is told by the first byte (low nibble 8 or
 * 15: zlib; {@code 0x01}: brotli, only when allowed; anything else is rejected), and the output is read only up
 * to MAX_RLP_BYTES_PER_CHANNEL. Reaching the cap is not an error: op-node's RLP stream simply cannot read past
 * it, so the batches that lie wholly within the first cap bytes are used and the rest of the channel is not.
 * Likewise a decompressor error only ends the stream: batches decoded from the bytes delivered before it stay
 * valid. {@link #decompress} therefore returns the delivered prefix and how it ended, and throws only when
 * op-node cannot even open the stream (unknown first byte, brotli before Fjord, bad zlib header).
 */
public final class ChannelCompression {
  /** Channel version byte of a brotli channel (Fjord). */
  public static final int CHANNEL_VERSION_BROTLI = 0x01;
  /** op-node's batcher compresses zlib channels at best compression. */
  public static final int ZLIB_LEVEL = Deflater.BEST_COMPRESSION;
  /** op-node's batcher default brotli quality ("brotli" = "brotli-10"). */
  public static final int BROTLI_QUALITY = 10;

  // zlib CMF values; low nibbles 8 and 15 are never a channel version byte (protocol-reference 5.5).
  private static final int ZLIB_CM_DEFLATE = 8;
  private static final int ZLIB_CM_RESERVED = 15;

  private ChannelCompression() {}

  /** Compresses channel content the way op-node's batcher does (zlib level 9, brotli quality 10). */
  public static Bytes compress(Bytes content, CompressionAlgorithm algorithm) {
    return switch (algorithm) {
      case ZLIB -> zlib(content.toArrayUnsafe());
      case BROTLI -> BrotliCodec.compress(content.toArrayUnsafe());
    };
  }

  private static Bytes zlib(byte[] content) {
    Deflater deflater = new Deflater(ZLIB_LEVEL);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
      try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
        z.write(content);
      }
      return Bytes.wrap(out.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("in-memory zlib compression failed", e);
    } finally {
      deflater.end();
    }
  }

  /** Which format a channel uses, told from its first byte; the rules of op-node's {@code BatchReader}. */
  public static CompressionAlgorithm detect(Bytes channel, ChannelRules rules) throws DecodeException {
    if (channel.isEmpty()) {
      throw new DecodeException("channel is empty");
    }
    int first = channel.get(0) & 0xFF;
    int nibble = first & 0x0F;
    if (nibble == ZLIB_CM_DEFLATE || nibble == ZLIB_CM_RESERVED) {
      return CompressionAlgorithm.ZLIB;
    }
    if (first == CHANNEL_VERSION_BROTLI) {
      if (!rules.brotliAllowed()) {
        throw new DecodeException("brotli channel (version byte 0x01 at offset 0) before Fjord");
      }
      return CompressionAlgorithm.BROTLI;
    }
    throw new DecodeException(String.format("unknown channel compression: first byte 0x%02x at offset 0", first));
  }

  /**
   * Decompresses a channel up to {@code rules.maxRlpBytesPerChannel()} bytes, never holding more than that.
   *
   * @throws DecodeException when the stream cannot be opened: empty, unknown first byte, brotli not allowed,
   *     or a zlib header op-node's zlib reader refuses (method not deflate, window over 32 KiB, bad check bits,
   *     a preset dictionary other than the empty one, DICTID 1)
   * @throws IllegalStateException when a brotli channel arrives and the brotli native library could not be
   *     loaded on this platform (the data is not at fault, so it is not reported as bad data)
   */
  public static Decompressed decompress(Bytes channel, ChannelRules rules) throws DecodeException {
    CompressionAlgorithm algorithm = detect(channel, rules);
    byte[] in = channel.toArrayUnsafe();
    int cap = (int) rules.maxRlpBytesPerChannel();
    return switch (algorithm) {
      case ZLIB -> ZlibDecompressor.decompress(in, cap);
      case BROTLI -> BrotliCodec.decompress(in, cap);
    };
  }
}
