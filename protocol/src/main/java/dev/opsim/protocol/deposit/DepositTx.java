package dev.opsim.protocol.deposit;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A deposited transaction, EIP-2718 type {@code 0x7E} (protocol-reference 2.1):
 * {@code 0x7E ++ rlp([sourceHash, from, to, mint, value, gas, isSystemTx, data])}. {@code to} is empty for a
 * contract creation. {@code mint} and {@code value} are uint256 wei, {@code gas} a uint64.
 */
public record DepositTx(
    Hash sourceHash,
    Address from,
    Optional<Address> to,
    BigInteger mint,
    BigInteger value,
    long gas,
    boolean isSystemTx,
    Bytes data) {

  public static final int TYPE = 0x7E;
  private static final int FIELDS = 8;
  private static final int UINT256_BYTES = 32;

  public DepositTx {
    if (sourceHash == null || from == null || to == null || data == null) {
      throw new IllegalArgumentException("deposit fields must not be null (to is Optional.empty() for creation)");
    }
    checkUint256("mint", mint);
    checkUint256("value", value);
    data = Bytes.wrap(data.toArray());
  }

  public boolean isCreation() {
    return to.isEmpty();
  }

  /** The typed encoding {@code 0x7E ++ rlp([...])}, the bytes a block's transaction list and the tx hash use. */
  public byte[] encode() {
    byte[] rlp = Rlp.encodeList(List.of(
        sourceHash.bytes(),
        from.bytes(),
        to.map(Address::bytes).orElse(Bytes.EMPTY),
        uint(mint),
        uint(value),
        Rlp.uint(gas),
        isSystemTx ? Bytes.of(1) : Bytes.EMPTY,
        data));
    byte[] out = new byte[rlp.length + 1];
    out[0] = (byte) TYPE;
    System.arraycopy(rlp, 0, out, 1, rlp.length);
    return out;
  }

  /** The transaction hash: keccak256 of {@link #encode()}. */
  public Hash hash() {
    return Keccak.hash(encode());
  }

  /**
   * Decodes a typed deposit. Strict: type byte {@code 0x7E}, canonical RLP spanning the input exactly, exactly
   * eight byte-string fields, a 32-byte source hash, 20-byte {@code from}, empty or 20-byte {@code to}, minimal
   * integers (mint and value at most 32 bytes, gas at most 8), and {@code isSystemTx} either empty (false) or
   * {@code 0x01} (true) as op-geth's RLP booleans.
   */
  public static DepositTx decode(byte[] encoded) throws DecodeException {
    if (encoded == null || encoded.length == 0) {
      throw new DecodeException("deposit tx: empty input");
    }
    if ((encoded[0] & 0xFF) != TYPE) {
      throw new DecodeException("deposit tx: type byte at offset 0 is 0x"
          + Integer.toHexString(encoded[0] & 0xFF) + ", expected 0x7e");
    }
    List<Bytes> f = Rlp.decodeStringList(encoded, 1, "deposit tx");
    if (f.size() != FIELDS) {
      throw new DecodeException("deposit tx: expected " + FIELDS + " RLP fields, got " + f.size());
    }
    Bytes source = f.get(0);
    if (source.size() != 32) {
      throw new DecodeException("deposit tx: sourceHash (field 0) is " + source.size() + " bytes, expected 32");
    }
    Bytes from = f.get(1);
    if (from.size() != Address.SIZE) {
      throw new DecodeException("deposit tx: from (field 1) is " + from.size() + " bytes, expected 20");
    }
    Bytes to = f.get(2);
    if (!to.isEmpty() && to.size() != Address.SIZE) {
      throw new DecodeException("deposit tx: to (field 2) is " + to.size() + " bytes, expected 20 or empty");
    }
    BigInteger mint = decodeUint(f.get(3), UINT256_BYTES, "mint (field 3)");
    BigInteger value = decodeUint(f.get(4), UINT256_BYTES, "value (field 4)");
    long gas = decodeUint(f.get(5), 8, "gas (field 5)").longValue();
    Bytes system = f.get(6);
    boolean isSystemTx;
    if (system.isEmpty()) {
      isSystemTx = false;
    } else if (system.size() == 1 && system.get(0) == 1) {
      isSystemTx = true;
    } else {
      throw new DecodeException("deposit tx: isSystemTx (field 6) is " + system.toHexString()
          + ", expected empty (false) or 0x01 (true)");
    }
    return new DepositTx(
        Hash.wrap(source),
        Address.wrap(from),
        to.isEmpty() ? Optional.empty() : Optional.of(Address.wrap(to)),
        mint,
        value,
        gas,
        isSystemTx,
        f.get(7));
  }

  private static BigInteger decodeUint(Bytes raw, int maxBytes, String what) throws DecodeException {
    if (raw.size() > maxBytes) {
      throw new DecodeException("deposit tx: " + what + " is " + raw.size() + " bytes, at most " + maxBytes);
    }
    if (!raw.isEmpty() && raw.get(0) == 0) {
      throw new DecodeException("deposit tx: " + what + " has a leading zero byte (non-canonical integer)");
    }
    return raw.toUnsignedBigInteger();
  }

  private static Bytes uint(BigInteger value) {
    return Bytes.wrap(value.toByteArray()).trimLeadingZeros();
  }

  private static void checkUint256(String name, BigInteger value) {
    if (value == null || value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException(name + " must be a uint256, got " + value);
    }
  }
}
