package dev.opsim.protocol.channel;

import org.apache.tuweni.bytes.Bytes;

/**
 * The decompressed bytes of a channel, up to the cap, and how reading them ended.
 *
 * @param algorithm the format found from the first byte
 * @param data what the decompressor delivered, at most the cap
 * @param end why reading stopped
 * @param detail what went wrong or where the input ended; empty for {@link End#COMPLETE}
 */
public record Decompressed(CompressionAlgorithm algorithm, Bytes data, End end, String detail) {
  public enum End {
    /** The stream ended properly (zlib: with a matching checksum) within the cap. */
    COMPLETE,
    /**
     * The input ended before the compressed stream did; {@code data} is everything it yielded. Normal for real
     * channels: op-batcher has posted zlib channels that end with a sync flush, without the final block and the
     * checksum (the OP Mainnet transaction in the fixtures is one). op-node reads them all the same.
     */
    TRUNCATED,
    /** The stream has more than the cap; {@code data} is its first cap bytes. */
    CAPPED,
    /**
     * The decompressor reported an error (corrupt data, zlib checksum mismatch, bytes after the end of a brotli
     * stream); {@code data} is what it delivered before that, which op-node still reads batches from.
     */
    CORRUPT
  }

  public Decompressed {
    if (algorithm == null || data == null || end == null || detail == null) {
      throw new IllegalArgumentException("null component");
    }
  }
}
