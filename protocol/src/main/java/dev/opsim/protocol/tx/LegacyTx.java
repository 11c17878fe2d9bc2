package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A pre-EIP-2718 transaction: {@code rlp([nonce, gasPrice, gas, to, value, data, v, r, s])}, {@code to} empty for a
 * contract creation. EIP-155 protected transactions carry the chain id in {@code v = chainId * 2 + 35 + yParity};
 * unprotected ones have {@code v = 27 + yParity}.
 */
public record LegacyTx(
    long nonce,
    BigInteger gasPrice,
    long gas,
    Address to,
    BigInteger value,
    Bytes data,
    BigInteger v,
    BigInteger r,
    BigInteger s) implements Transaction {
  private static final BigInteger V_27 = BigInteger.valueOf(27);
  private static final BigInteger V_28 = BigInteger.valueOf(28);
  private static final BigInteger V_35 = BigInteger.valueOf(35);

  public LegacyTx {
    Rlp.checkUint256(gasPrice, "gasPrice");
    Rlp.checkUint256(value, "value");
    data = Rlp.copyOf(Objects.requireNonNull(data, "data"));
    Rlp.checkUint256(v, "v");
    Rlp.checkUint256(r, "r");
    Rlp.checkUint256(s, "s");
  }

  /** The {@code v} of a signature with y parity {@code yParity}: EIP-155 form when {@code chainId} is present. */
  public static BigInteger vFor(int yParity, Optional<BigInteger> chainId) {
    if (yParity != 0 && yParity != 1) {
      throw new IllegalArgumentException("y parity must be 0 or 1, got " + yParity);
    }
    return chainId
        .map(id -> id.shiftLeft(1).add(V_35).add(BigInteger.valueOf(yParity)))
        .orElse(V_27.add(BigInteger.valueOf(yParity)));
  }

  @Override
  public int type() {
    return LEGACY_TYPE;
  }

  /** The EIP-155 chain id {@code (v - 35) / 2} when {@code v >= 35}; empty for 27/28 (and for other small v). */
  public Optional<BigInteger> chainId() {
    return v.compareTo(V_35) >= 0 ? Optional.of(v.subtract(V_35).shiftRight(1)) : Optional.empty();
  }

  /** Whether {@code v} is the EIP-155 form (span batches' protected bit). */
  public boolean isProtected() {
    return chainId().isPresent();
  }

  /**
   * The signature's y parity: {@code v - 27} for 27/28, {@code (v - 35) mod 2} for EIP-155.
   *
   * @throws IllegalStateException for any other {@code v}, which no valid signature has
   */
  public int yParity() {
    if (v.equals(V_27) || v.equals(V_28)) {
      return v.intValue() - 27;
    }
    if (isProtected()) {
      return v.subtract(V_35).testBit(0) ? 1 : 0;
    }
    throw new IllegalStateException("legacy tx v=" + v + " is neither 27/28 nor EIP-155 (>= 35)");
  }

  @Override
  public Bytes encode() {
    return Rlp.encodeList(w -> {
      Rlp.writeUint64(w, nonce);
      Rlp.writeUint(w, gasPrice);
      Rlp.writeUint64(w, gas);
      Rlp.writeOptionalAddress(w, to);
      Rlp.writeUint(w, value);
      w.writeValue(data);
      Rlp.writeUint(w, v);
      Rlp.writeUint(w, r);
      Rlp.writeUint(w, s);
    });
  }

  static LegacyTx decodeRlp(Bytes encoded) throws DecodeException {
    return Rlp.decodeList(encoded, "legacy tx", f -> new LegacyTx(
        Rlp.readUint64(f, "nonce"),
        Rlp.readUint256(f, "gasPrice"),
        Rlp.readUint64(f, "gas"),
        Rlp.readOptionalAddress(f, "to"),
        Rlp.readUint256(f, "value"),
        Rlp.readBytes(f, "data"),
        Rlp.readUint256(f, "v"),
        Rlp.readUint256(f, "r"),
        Rlp.readUint256(f, "s")));
  }
}
