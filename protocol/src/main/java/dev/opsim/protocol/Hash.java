package dev.opsim.protocol;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A 32-byte hash (block hash, tx hash, source hash, storage slot, root). */
public record Hash(Bytes32 bytes) {
  public static final Hash ZERO = new Hash(Bytes32.ZERO);

  public Hash {
    if (bytes == null) {
      throw new IllegalArgumentException("hash bytes are null");
    }
  }

  /** Wraps exactly 32 bytes (copied). */
  public static Hash wrap(byte[] value) {
    if (value.length != 32) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + value.length);
    }
    return new Hash(Bytes32.wrap(value.clone()));
  }

  public static Hash wrap(Bytes value) {
    if (value.size() != 32) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + value.size());
    }
    return new Hash(Bytes32.wrap(value.toArray()));
  }

  public static Hash fromHex(String hex) {
    return wrap(Hex.decode(hex));
  }

  /** The 32-byte big-endian encoding of an unsigned 64-bit number. */
  public static Hash ofLong(long value) {
    return new Hash(Bytes32.leftPad(Bytes.ofUnsignedLong(value)));
  }

  public byte[] toArray() {
    return bytes.toArray();
  }

  /** The first {@code n} bytes, as span batches' parent and origin checks use. */
  public Bytes prefix(int n) {
    return bytes.slice(0, n);
  }

  @Override
  public String toString() {
    return bytes.toHexString();
  }
}
