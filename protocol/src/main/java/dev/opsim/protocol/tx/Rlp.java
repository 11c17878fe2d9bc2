package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * Strict RLP over Tuweni, with the rules go-ethereum's decoder applies to typed structs: canonical lengths and
 * integers (Tuweni's strict mode), exact field counts, integers within their declared width, fixed-size byte
 * strings of exactly their size, and nothing after the value ({@link #decodeLeadingList} allows bytes after it). Tuweni reports problems with unchecked
 * exceptions and silently ignores trailing bytes; {@link #decodeList} turns both into {@link DecodeException}.
 *
 * <p>Tuweni's {@code writeLong} mis-encodes values of 2^63 and above, so uint64 values are written with
 * {@link #writeUint64}. Tuweni's {@code ConcatenatedBytes} (what {@code RLP.encodeList} and
 * {@code Bytes.concatenate} return) fails on some slice/concatenate combinations in 2.7.2, so encoders here return
 * flat arrays ({@link #encodeList}, {@link #typed}) and decoders flatten their input first ({@link #copyOf}).
 */
public final class Rlp {
  private static final int UINT256_BITS = 256;

  private Rlp() {}

  /** A flat copy of {@code bytes}: an independent array, never a Tuweni {@code ConcatenatedBytes}. */
  public static Bytes copyOf(Bytes bytes) {
    return Bytes.wrap(bytes.toArray());
  }

  /** {@code bytes} backed by one array (no copy when it already is one). */
  public static Bytes flat(Bytes bytes) {
    return Bytes.wrap(bytes.toArrayUnsafe());
  }

  /** An RLP list written by {@code fields}, as flat bytes. */
  public static Bytes encodeList(Consumer<RLPWriter> fields) {
    return flat(RLP.encodeList(fields));
  }

  /** {@code type ++ rlp(list)}: an EIP-2718 typed payload, as flat bytes. */
  public static Bytes typed(int type, Consumer<RLPWriter> fields) {
    byte[] list = RLP.encodeList(fields).toArrayUnsafe();
    byte[] out = new byte[list.length + 1];
    out[0] = (byte) type;
    System.arraycopy(list, 0, out, 1, list.length);
    return Bytes.wrap(out);
  }

  /** A field that does not fit its declared shape; caught by {@link #decodeList} and reported with context. */
  public static final class FieldException extends RuntimeException {
    public FieldException(String message) {
      super(message, null, false, false);
    }
  }

  /** Code that reads the fields of one RLP list; may throw {@link FieldException} or Tuweni's exceptions. */
  @FunctionalInterface
  public interface ListBody<T> {
    T read(RLPReader list);
  }

  /**
   * Decodes {@code encoded}, which must be exactly one RLP list, with {@code body}. The body must consume
   * every element of the list (extra elements are an error, as in go-ethereum's struct decoding).
   *
   * @param what names the structure in error messages, e.g. "dynamic fee tx"
   */
  public static <T> T decodeList(Bytes encoded, String what, ListBody<T> body) throws DecodeException {
    return decodeList(encoded, what, body, false);
  }

  /**
   * Like {@link #decodeList}, but bytes after the list are ignored, as go-ethereum's {@code rlp.Decode} on a
   * reader leaves them unread. The list itself is checked as strictly. Not for transactions, which must be
   * exactly one value.
   */
  public static <T> T decodeLeadingList(Bytes encoded, String what, ListBody<T> body) throws DecodeException {
    return decodeList(encoded, what, body, true);
  }

  private static <T> T decodeList(Bytes encoded, String what, ListBody<T> body, boolean allowTrailing)
      throws DecodeException {
    if (encoded.isEmpty()) {
      throw new DecodeException(what + ": empty input");
    }
    int[] failedAt = {0};
    try {
      return RLP.decode(flat(encoded), reader -> {
        if (!reader.nextIsList()) {
          throw new FieldException("expected an RLP list, found a string");
        }
        T value = reader.readList(list -> {
          T read = body.read(list);
          if (!list.isComplete()) {
            throw new FieldException("the list has more elements than expected");
          }
          return read;
        });
        if (!allowTrailing && !reader.isComplete()) {
          failedAt[0] = reader.position();
          throw new FieldException(reader.remaining() + " bytes follow the RLP list");
        }
        return value;
      });
    } catch (FieldException e) {
      throw new DecodeException(what + ": " + e.getMessage() + atOffset(failedAt[0]), e);
    } catch (RLPException e) {
      throw new DecodeException(what + ": malformed RLP: " + e.getMessage(), e);
    }
  }

  private static String atOffset(int offset) {
    return offset > 0 ? " (at offset " + offset + ")" : "";
  }

  /** Reads a list of elements, each read by {@code element}, to the end of that list. */
  public static <T> List<T> readList(RLPReader reader, String field, Function<RLPReader, T> element) {
    requireMore(reader, field);
    try {
      if (!reader.nextIsList()) {
        throw new FieldException(field + " must be an RLP list");
      }
      return reader.readListContents(element);
    } catch (RLPException e) {
      throw new FieldException(field + ": " + e.getMessage());
    }
  }

  /** A uint64 (at most 8 bytes, canonical). */
  public static long readUint64(RLPReader reader, String field) {
    Bytes value = readScalar(reader, field);
    if (value.size() > 8) {
      throw new FieldException(field + " does not fit in 64 bits (" + value.size() + " bytes)");
    }
    return value.toLong();
  }

  /** An unsigned integer of at most {@code maxBits} bits (canonical). */
  public static BigInteger readUint(RLPReader reader, String field, int maxBits) {
    Bytes value = readScalar(reader, field);
    BigInteger result = value.toUnsignedBigInteger();
    if (result.bitLength() > maxBits) {
      throw new FieldException(field + " does not fit in " + maxBits + " bits");
    }
    return result;
  }

  /** A uint256 (at most 32 bytes, canonical). */
  public static BigInteger readUint256(RLPReader reader, String field) {
    return readUint(reader, field, UINT256_BITS);
  }

  /** An RLP string holding an integer: no leading zero bytes (zero is the empty string). */
  private static Bytes readScalar(RLPReader reader, String field) {
    Bytes value = readBytes(reader, field);
    if (!value.isEmpty() && value.get(0) == 0) {
      throw new FieldException(field + " has leading zero bytes (non-canonical integer)");
    }
    return value;
  }

  /** Any byte string. */
  public static Bytes readBytes(RLPReader reader, String field) {
    requireMore(reader, field);
    try {
      if (reader.nextIsList()) {
        throw new FieldException(field + " must be an RLP string, found a list");
      }
      return reader.readValue();
    } catch (RLPException e) {
      throw new FieldException(field + ": " + e.getMessage());
    }
  }

  /** A 20-byte address. */
  public static Address readAddress(RLPReader reader, String field) {
    Bytes value = readBytes(reader, field);
    if (value.size() != Address.SIZE) {
      throw new FieldException(field + " must be 20 bytes, got " + value.size());
    }
    return Address.wrap(value);
  }

  /** A 20-byte address or the empty string (contract creation), which gives {@code null}. */
  public static Address readOptionalAddress(RLPReader reader, String field) {
    Bytes value = readBytes(reader, field);
    if (value.isEmpty()) {
      return null;
    }
    if (value.size() != Address.SIZE) {
      throw new FieldException(field + " must be empty or 20 bytes, got " + value.size());
    }
    return Address.wrap(value);
  }

  /** A 32-byte hash. */
  public static Hash readHash(RLPReader reader, String field) {
    Bytes value = readBytes(reader, field);
    if (value.size() != 32) {
      throw new FieldException(field + " must be 32 bytes, got " + value.size());
    }
    return Hash.wrap(value);
  }

  private static void requireMore(RLPReader reader, String field) {
    if (reader.isComplete()) {
      throw new FieldException("missing field " + field);
    }
  }

  /** Writes a uint64 as a minimal big-endian RLP string. */
  public static void writeUint64(RLPWriter writer, long value) {
    writer.writeValue(Bytes.ofUnsignedLong(value).trimLeadingZeros());
  }

  /** Writes a non-negative integer as a minimal big-endian RLP string. */
  public static void writeUint(RLPWriter writer, BigInteger value) {
    writer.writeValue(Bytes.wrap(unsignedBytes(value)));
  }

  /** Writes an address, or the empty string for {@code null}. */
  public static void writeOptionalAddress(RLPWriter writer, Address address) {
    writer.writeValue(address == null ? Bytes.EMPTY : address.bytes());
  }

  /** The minimal big-endian bytes of a non-negative integer (empty for zero). */
  static byte[] unsignedBytes(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative integer " + value);
    }
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] raw = value.toByteArray();
    if (raw[0] == 0) {
      byte[] trimmed = new byte[raw.length - 1];
      System.arraycopy(raw, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return raw;
  }

  /** Checks a record component: non-null, non-negative, at most {@code maxBits} bits. */
  public static BigInteger checkUint(BigInteger value, String field, int maxBits) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is null");
    }
    if (value.signum() < 0 || value.bitLength() > maxBits) {
      throw new IllegalArgumentException(field + " must be an unsigned " + maxBits + "-bit integer, got " + value);
    }
    return value;
  }

  /** {@link #checkUint(BigInteger, String, int)} for 256 bits. */
  public static BigInteger checkUint256(BigInteger value, String field) {
    return checkUint(value, field, UINT256_BITS);
  }
}
