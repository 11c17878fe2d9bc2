package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * EIP-7702 transaction, type 4 (Isthmus on L2, protocol-reference 13): {@code 0x04 ++ rlp([chainId, nonce,
 * maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList, authorizationList, yParity, r, s])}.
 * {@code to} is required.
 */
public record SetCodeTx(
    BigInteger chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gas,
    Address to,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList,
    List<SetCodeAuthorization> authorizationList,
    BigInteger v,
    BigInteger r,
    BigInteger s) implements Transaction {
  public SetCodeTx {
    Rlp.checkUint256(chainId, "chainId");
    Rlp.checkUint256(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Rlp.checkUint256(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "a set-code tx always has a recipient");
    Rlp.checkUint256(value, "value");
    data = Rlp.copyOf(Objects.requireNonNull(data, "data"));
    accessList = List.copyOf(accessList);
    authorizationList = List.copyOf(authorizationList);
    Rlp.checkUint256(v, "v");
    Rlp.checkUint256(r, "r");
    Rlp.checkUint256(s, "s");
  }

  @Override
  public int type() {
    return SET_CODE_TYPE;
  }

  @Override
  public Bytes encode() {
    return Rlp.typed(SET_CODE_TYPE, w -> {
      writeUnsignedFields(w);
      Rlp.writeUint(w, v);
      Rlp.writeUint(w, r);
      Rlp.writeUint(w, s);
    });
  }

  /** The EIP-2718 payload the sender signs: {@code type ++ rlp(fields without the signature)}. */
  public Bytes signingPayload() {
    return Rlp.typed(SET_CODE_TYPE, this::writeUnsignedFields);
  }

  private void writeUnsignedFields(RLPWriter w) {
    Rlp.writeUint(w, chainId);
    Rlp.writeUint64(w, nonce);
    Rlp.writeUint(w, maxPriorityFeePerGas);
    Rlp.writeUint(w, maxFeePerGas);
    Rlp.writeUint64(w, gas);
    w.writeValue(to.bytes());
    Rlp.writeUint(w, value);
    w.writeValue(data);
    AccessListEntry.writeList(w, accessList);
    SetCodeAuthorization.writeList(w, authorizationList);
  }

  static SetCodeTx decodePayload(Bytes payload) throws DecodeException {
    return Rlp.decodeList(payload, "set code tx (type 4)", f -> new SetCodeTx(
        Rlp.readUint256(f, "chainId"),
        Rlp.readUint64(f, "nonce"),
        Rlp.readUint256(f, "maxPriorityFeePerGas"),
        Rlp.readUint256(f, "maxFeePerGas"),
        Rlp.readUint64(f, "gas"),
        Rlp.readAddress(f, "to"),
        Rlp.readUint256(f, "value"),
        Rlp.readBytes(f, "data"),
        AccessListEntry.readList(f, "accessList"),
        SetCodeAuthorization.readList(f, "authorizationList"),
        Rlp.readUint256(f, "yParity"),
        Rlp.readUint256(f, "r"),
        Rlp.readUint256(f, "s")));
  }
}
