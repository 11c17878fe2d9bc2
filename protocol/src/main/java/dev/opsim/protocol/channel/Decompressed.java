package dev.opsim.protocol.channel;

import org.apache.tuweni.bytes.Bytes;

/**
 * The decompressed bytes of a channel, up to the cap, and how reading them ended.
 *
 * @param algorithm the format found from the first byte
 * @param data what the decompressor delivered, at most the cap
 * @param end why reading stopped
 * @param detail what went wrong, for {@link End#BROKEN}; a short note otherwise
 */
public record Decompressed(CompressionAlgorithm algorithm, Bytes data, End end, String detail) {
  public enum End {
    /** The stream ended properly (zlib: with a matching checksum) within the cap. */
    COMPLETE,
    /** The stream has more than the cap; {@code data} is its first cap bytes. */
    CAPPED,
    /**
     * The decompressor reported an error (corrupt, truncated, bad checksum, extra bytes after a brotli stream);
     * {@code data} is what it delivered before that, which op-node still reads batches from.
     */
    BROKEN
  }

  public Decompressed {
    if (algorithm == null || data == null || end == null || detail == null) {
      throw new IllegalArgumentException("null component");
    }
  }
}
