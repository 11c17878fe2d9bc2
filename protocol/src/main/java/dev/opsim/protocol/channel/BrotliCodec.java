package dev.opsim.protocol.channel;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.opsim.protocol.channel.Decompressed.End;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.tuweni.bytes.Bytes;

/**
 * Brotli channels (Fjord) through brotli4j's native codec. Decoding drives the streaming decoder directly so that
 * output is taken chunk by chunk and reading stops at the cap; the native side holds at most the brotli window.
 */
final class BrotliCodec {
  // op-node's brotli reader is fed 4,095 bytes first (what a 4 KiB bufio holds after the version byte was
  // peeked and discarded), then 32 KiB at a time. Feeding the same chunks keeps what a corrupt stream yields
  // before its error as close to op-node as the decoder allows; for valid streams chunking makes no difference.
  private static final int FIRST_CHUNK = 4095;
  private static final int CHUNK = 32 * 1024;

  private BrotliCodec() {}

  /** {@code 0x01 ++ brotli(content)} at op-node's default quality. */
  static Bytes compress(byte[] content) {
    requireAvailable();
    try {
      Encoder.Parameters quality = new Encoder.Parameters().setQuality(ChannelCompression.BROTLI_QUALITY);
      byte[] compressed = Encoder.compress(content, quality);
      byte[] out = new byte[compressed.length + 1];
      out[0] = ChannelCompression.CHANNEL_VERSION_BROTLI;
      System.arraycopy(compressed, 0, out, 1, compressed.length);
      return Bytes.wrap(out);
    } catch (IOException e) {
      throw new IllegalStateException("brotli compression failed", e);
    }
  }

  /** Decodes {@code in} from offset 1 (after the version byte), up to {@code cap} output bytes. */
  static Decompressed decompress(byte[] in, int cap) {
    requireAvailable();
    BoundedOutput out = new BoundedOutput(cap, in.length * 4L);
    DecoderJNI.Wrapper decoder;
    try {
      decoder = new DecoderJNI.Wrapper(CHUNK);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a brotli decoder", e);
    }
    try {
      ByteBuffer input = decoder.getInputBuffer();
      int pos = 1;
      int chunk = FIRST_CHUNK;
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
            chunk = CHUNK;
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

  static void requireAvailable() {
    if (!Brotli4jLoader.isAvailable()) {
      throw new IllegalStateException(
          "the brotli native library (brotli4j) is not available on this platform; brotli channels (Fjord) "
              + "cannot be read or written",
          Brotli4jLoader.getUnavailabilityCause());
    }
  }
}
