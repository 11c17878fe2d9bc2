package dev.opsim.protocol.channel;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.channel.Decompressed.End;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.tuweni.bytes.Bytes;

/**
 * Reads a zlib channel the way op-node's Go {@code zlib} reader does: the same header checks up front, then every
 * byte the inflater delivers, up to the cap, whatever ends the stream (see {@link ChannelCompression}).
 */
final class ZlibDecompressor {
  private static final int CM_DEFLATE = 8;
  private static final int FDICT = 0x20;
  private static final long EMPTY_DICTIONARY_ADLER32 = 1;
  private static final int CHUNK = 64 * 1024;

  private ZlibDecompressor() {}

  static Decompressed decompress(byte[] in, int cap) throws DecodeException {
    // The header checks of Go's zlib.NewReader, which op-node calls before reading anything.
    if (in.length < 2) {
      throw new DecodeException("zlib header truncated: " + in.length + " byte(s)");
    }
    int cmf = in[0] & 0xFF;
    int flg = in[1] & 0xFF;
    if ((cmf & 0x0F) != CM_DEFLATE || (cmf >>> 4) > 7 || ((cmf << 8) | flg) % 31 != 0) {
      throw new DecodeException(String.format("invalid zlib header 0x%02x%02x at offset 0", cmf, flg));
    }
    int deflateStart = 2;
    if ((flg & FDICT) != 0) {
      // Go's zlib.NewReader(r) (no dictionary) reads the DICTID and accepts only adler32 of the empty
      // dictionary, 1 (RFC 1950 2.2); fewer than 4 bytes is io.ErrUnexpectedEOF, another value ErrDictionary.
      if (in.length < 6) {
        throw new DecodeException("zlib header at offset 0 sets FDICT but the input ends inside the 4-byte DICTID");
      }
      long dictId = (in[2] & 0xFFL) << 24 | (in[3] & 0xFF) << 16 | (in[4] & 0xFF) << 8 | (in[5] & 0xFF);
      if (dictId != EMPTY_DICTIONARY_ADLER32) {
        throw new DecodeException(String.format(
            "zlib header at offset 0 asks for a preset dictionary (DICTID %08x at offset 2); only the empty one, "
                + "00000001, is accepted", dictId));
      }
      deflateStart = 6;
    }
    // Raw inflate after the header checked above, and the adler32 trailer checked here, so that a stream that
    // stops without its trailer (flush-only batcher channels) is told apart from a bad checksum, and neither
    // costs a delivered byte, as with Go's reader.
    Inflater inflater = new Inflater(true);
    BoundedOutput out = new BoundedOutput(cap, in.length * 4L);
    try {
      inflater.setInput(in, deflateStart, in.length - deflateStart);
      while (!inflater.finished()) {
        int room = out.reserve(CHUNK);
        byte[] target = room == 0 ? new byte[1] : out.array();
        int offset = room == 0 ? 0 : out.size();
        long before = inflater.getBytesWritten();
        int n;
        try {
          n = inflater.inflate(target, offset, Math.max(room, 1));
        } catch (DataFormatException e) {
          // The JDK counts what this failed call wrote in getBytesWritten; Go's flate also flushes it.
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
}
