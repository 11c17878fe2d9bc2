package dev.opsim.protocol.batch;

import dev.opsim.protocol.DecodeException;
import org.apache.tuweni.bytes.Bytes;

/**
 * A cursor over batch bytes that reports every shortfall as a {@link DecodeException} naming the field and the
 * offset (counted from the start of the batch data, version byte included). Callers check that a run of fixed-size
 * items is present with {@link #require} before allocating room for them.
 */
final class ByteReader {
  private final Bytes data;
  private final String what;
  private int position;

  ByteReader(Bytes data, int start, String what) {
    this.data = data;
    this.position = start;
    this.what = what;
  }

  int offset() {
    return position;
  }

  int remaining() {
    return data.size() - position;
  }

  DecodeException error(String message) {
    return error(message, position);
  }

  DecodeException error(String message, int at) {
    return new DecodeException(what + ": " + message + " at offset " + at);
  }

  /** Fails unless at least {@code count} more bytes are present. */
  void require(long count, String field) throws DecodeException {
    if (count > remaining()) {
      throw error(field + " needs at least " + count + " bytes, only " + remaining() + " remain");
    }
  }

  int peek(String field) throws DecodeException {
    require(1, field);
    return data.get(position) & 0xFF;
  }

  int readByte(String field) throws DecodeException {
    int value = peek(field);
    position++;
    return value;
  }

  /** The next {@code count} bytes (a view of the input, not a copy). */
  Bytes read(int count, String field) throws DecodeException {
    require(count, field);
    Bytes slice = data.slice(position, count);
    position += count;
    return slice;
  }

  /** The bytes from {@code start} to the current position. */
  Bytes since(int start) {
    return data.slice(start, position - start);
  }
}
