package dev.opsim.protocol.channel;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.channel.Decompressed.End;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
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

  private static final int ZLIB_CM_DEFLATE = 8;
  private static final int ZLIB_CM_RESERVED = 15;
  private static final int ZLIB_FDICT = 0x20;
  private static final int INFLATE_CHUNK = 64 * 1024;
  // op-node's brotli reader is fed 4,095 bytes first (what a 4 KiB bufio holds after the version byte was
  // peeked and discarded), then 32 KiB at a time. Feeding the same chunks keeps what a corrupt stream yields
  // before its error as close to op-node as the decoder allows; for valid streams chunking makes no difference.
  private static final int BROTLI_FIRST_CHUNK = 4095;
  private static final int BROTLI_CHUNK = 32 * 1024;

  private ChannelCompression() {}

  /** Compresses channel content the way op-node's batcher does (zlib level 9, brotli quality 10). */
  public static Bytes compress(Bytes content, CompressionAlgorithm algorithm) {
    return switch (algorithm) {
      case ZLIB -> zlib(content.toArrayUnsafe());
      case BROTLI -> brotli(content.toArrayUnsafe());
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

  private static Bytes brotli(byte[] content) {
    requireBrotli();
    try {
      byte[] compressed = Encoder.compress(content, new Encoder.Parameters().setQuality(BROTLI_QUALITY));
      byte[] out = new byte[compressed.length + 1];
      out[0] = CHANNEL_VERSION_BROTLI;
      System.arraycopy(compressed, 0, out, 1, compressed.length);
      return Bytes.wrap(out);
    } catch (IOException e) {
      throw new IllegalStateException("brotli compression failed", e);
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
   *     preset dictionary)
   * @throws IllegalStateException when a brotli channel arrives and the brotli native library could not be
   *     loaded on this platform (the data is not at fault, so it is not reported as bad data)
   */
  public static Decompressed decompress(Bytes channel, ChannelRules rules) throws DecodeException {
    CompressionAlgorithm algorithm = detect(channel, rules);
    byte[] in = channel.toArrayUnsafe();
    int cap = (int) rules.maxRlpBytesPerChannel();
    return switch (algorithm) {
      case ZLIB -> inflate(in, cap);
      case BROTLI -> unbrotli(in, cap);
    };
  }

  private static Decompressed inflate(byte[] in, int cap) throws DecodeException {
    // The header checks of Go's zlib.NewReader, which op-node calls before reading anything.
    if (in.length < 2) {
      throw new DecodeException("zlib header truncated: " + in.length + " byte(s)");
    }
    int cmf = in[0] & 0xFF;
    int flg = in[1] & 0xFF;
    if ((cmf & 0x0F) != ZLIB_CM_DEFLATE || (cmf >>> 4) > 7 || ((cmf << 8) | flg) % 31 != 0) {
      throw new DecodeException(String.format("invalid zlib header 0x%02x%02x at offset 0", cmf, flg));
    }
    if ((flg & ZLIB_FDICT) != 0) {
      throw new DecodeException("zlib header at offset 0 asks for a preset dictionary");
    }
    // Raw inflate after the header, and the adler32 trailer checked here: the JDK's zlib mode would report a
    // bad checksum as an exception that hides the last bytes it produced, while Go's reader delivers them.
    Inflater inflater = new Inflater(true);
    BoundedOutput out = new BoundedOutput(cap, in.length * 4);
    try {
      inflater.setInput(in, 2, in.length - 2);
      while (!inflater.finished()) {
        int room = out.reserve(INFLATE_CHUNK);
        byte[] target = room == 0 ? new byte[1] : out.array();
        int offset = room == 0 ? 0 : out.size();
        long before = inflater.getBytesWritten();
        int n;
        try {
          n = inflater.inflate(target, offset, Math.max(room, 1));
        } catch (DataFormatException e) {
          if (room > 0) {
            out.advance((int) (inflater.getBytesWritten() - before));
          }
          return new Decompressed(CompressionAlgorithm.ZLIB, out.toBytes(), End.CORRUPT,
              "corrupt deflate data after " + out.size() + " output bytes: " + e.getMessage());
        }
        if (room == 0 && n > 0) {
          return new Decompressed(CompressionAlgorithm.ZLIB, out.toBytes(), End.CAPPED,
              "stopped at the cap of " + cap + " bytes");
        }
        out.advance(n);
        if (n == 0 && !inflater.finished()) {
          // No progress: the input is used up (a truncated or flushed-only stream) or, defensively, anything else.
          if (inflater.needsInput()) {
            return new Decompressed(CompressionAlgorithm.ZLIB, out.toBytes(), End.TRUNCATED,
                "input ended inside the deflate stream, after " + out.size() + " output bytes");
          }
          return new Decompressed(CompressionAlgorithm.ZLIB, out.toBytes(), End.CORRUPT,
              "deflate stream stalled after " + out.size() + " output bytes");
        }
      }
      int trailerAt = in.length - inflater.getRemaining();
      return zlibTrailer(in, trailerAt, out.toBytes());
    } finally {
      inflater.end();
    }
  }

  private static Decompressed zlibTrailer(byte[] in, int at, Bytes data) {
    if (in.length - at < 4) {
      return new Decompressed(CompressionAlgorithm.ZLIB, data, End.TRUNCATED,
          "input ended inside the zlib adler32 checksum at offset " + at);
    }
    long stated = (in[at] & 0xFFL) << 24 | (in[at + 1] & 0xFF) << 16 | (in[at + 2] & 0xFF) << 8 | (in[at + 3] & 0xFF);
    Adler32 adler = new Adler32();
    adler.update(data.toArrayUnsafe());
    if (adler.getValue() != stated) {
      return new Decompressed(CompressionAlgorithm.ZLIB, data, End.CORRUPT,
          String.format("zlib adler32 mismatch at offset %d: stated %08x, computed %08x", at, stated,
              adler.getValue()));
    }
    // Bytes after the trailer are never read by Go's zlib reader, so they are not an error.
    return new Decompressed(CompressionAlgorithm.ZLIB, data, End.COMPLETE, "");
  }

  private static Decompressed unbrotli(byte[] in, int cap) {
    requireBrotli();
    BoundedOutput out = new BoundedOutput(cap, in.length * 4);
    DecoderJNI.Wrapper decoder;
    try {
      decoder = new DecoderJNI.Wrapper(BROTLI_CHUNK);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a brotli decoder", e);
    }
    try {
      ByteBuffer input = decoder.getInputBuffer();
      int pos = 1;
      int chunk = BROTLI_FIRST_CHUNK;
      while (true) {
        if (decoder.hasOutput() || decoder.getStatus() == DecoderJNI.Status.NEEDS_MORE_OUTPUT) {
          if (!out.append(decoder.pull())) {
            return new Decompressed(CompressionAlgorithm.BROTLI, out.toBytes(), End.CAPPED,
                "stopped at the cap of " + cap + " bytes");
          }
          continue;
        }
        switch (decoder.getStatus()) {
          case DONE -> {
            if (pos < in.length) {
              return brotliEnd(out, End.CORRUPT, (in.length - pos) + " bytes after the end of the brotli stream");
            }
            return new Decompressed(CompressionAlgorithm.BROTLI, out.toBytes(), End.COMPLETE, "");
          }
          case NEEDS_MORE_INPUT -> {
            if (pos == in.length) {
              return brotliEnd(out, End.TRUNCATED, "input ended inside the brotli stream");
            }
            int n = Math.min(chunk, in.length - pos);
            input.clear();
            input.put(in, pos, n);
            pos += n;
            chunk = BROTLI_CHUNK;
            decoder.push(n);
          }
          case OK -> decoder.push(0);
          case ERROR -> {
            // The wrapper also reports ERROR for bytes after the end of the stream inside the last chunk.
            return brotliEnd(out, End.CORRUPT,
                "corrupt brotli stream, or extra bytes after it, before input offset " + pos);
          }
          case NEEDS_MORE_OUTPUT -> throw new AssertionError("handled above");
        }
      }
    } finally {
      decoder.destroy();
    }
  }

  private static Decompressed brotliEnd(BoundedOutput out, End end, String why) {
    return new Decompressed(CompressionAlgorithm.BROTLI, out.toBytes(), end,
        why + " (after " + out.size() + " output bytes)");
  }

  private static void requireBrotli() {
    if (!Brotli4jLoader.isAvailable()) {
      throw new IllegalStateException(
          "the brotli native library (brotli4j) is not available on this platform; brotli channels (Fjord) "
              + "cannot be read or written",
          Brotli4jLoader.getUnavailabilityCause());
    }
  }
}
