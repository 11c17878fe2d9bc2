package dev.opsim.protocol;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A 20-byte account address. */
public record Address(Bytes bytes) {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(Bytes.wrap(new byte[SIZE]));

  /** Offset added to a contract's L1 address when it sends a deposit (protocol reference 1.2). */
  private static final BigInteger ALIAS_OFFSET = new BigInteger("1111000000000000000000000000000000001111", 16);
  private static final BigInteger ADDRESS_SPACE = BigInteger.ONE.shiftLeft(160);

  public Address {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + (bytes == null ? "null" : bytes.size()));
    }
  }

  public static Address wrap(byte[] value) {
    return new Address(Bytes.wrap(value.clone()));
  }

  public static Address wrap(Bytes value) {
    return new Address(Bytes.wrap(value.toArray()));
  }

  public static Address fromHex(String hex) {
    return wrap(Hex.decode(hex));
  }

  /** The low 20 bytes of a 32-byte word (an ABI-encoded or log-topic address). */
  public static Address fromWord(Bytes32 word) {
    return wrap(word.slice(12, SIZE));
  }

  /** This address left-padded to a 32-byte word. */
  public Bytes32 toWord() {
    return Bytes32.leftPad(bytes);
  }

  /** The L2 alias of an L1 contract address: {@code (address + 0x1111…1111) mod 2^160}. */
  public Address applyL1ToL2Alias() {
    return fromBig(new BigInteger(1, bytes.toArrayUnsafe()).add(ALIAS_OFFSET).mod(ADDRESS_SPACE));
  }

  /** The inverse of {@link #applyL1ToL2Alias()}. */
  public Address undoL1ToL2Alias() {
    return fromBig(new BigInteger(1, bytes.toArrayUnsafe()).subtract(ALIAS_OFFSET).mod(ADDRESS_SPACE));
  }

  private static Address fromBig(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[SIZE];
    int len = Math.min(raw.length, SIZE);
    System.arraycopy(raw, raw.length - len, out, SIZE - len, len);
    return new Address(Bytes.wrap(out));
  }

  public byte[] toArray() {
    return bytes.toArray();
  }

  @Override
  public String toString() {
    return bytes.toHexString();
  }
}
