package dev.opsim.protocol.channel;

/** How a channel's content is compressed (protocol-reference 5.5). */
public enum CompressionAlgorithm {
  /** RFC 1950 zlib stream; the only format before Fjord. Its first byte has low nibble 8 (or 15, reserved). */
  ZLIB,
  /** From Fjord: channel version byte {@code 0x01} followed by an RFC 7932 brotli stream. */
  BROTLI
}
