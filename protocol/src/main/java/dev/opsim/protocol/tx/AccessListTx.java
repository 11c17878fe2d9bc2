package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * EIP-2930 transaction, type 1:
 * {@code 0x01 ++ rlp([chainId, nonce, gasPrice, gas, to, value, data, accessList, yParity, r, s])}.
 */
public record AccessListTx(
    BigInteger chainId,
    long nonce,
    BigInteger gasPrice,
    long gas,
    Address to,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList,
    BigInteger v,
    BigInteger r,
    BigInteger s) implements Transaction {
  public AccessListTx {
    Rlp.checkUint256(chainId, "chainId");
    Rlp.checkUint256(gasPrice, "gasPrice");
    Rlp.checkUint256(value, "value");
    data = Rlp.copyOf(Objects.requireNonNull(data, "data"));
    accessList = List.copyOf(accessList);
    Rlp.checkUint256(v, "v");
    Rlp.checkUint256(r, "r");
    Rlp.checkUint256(s, "s");
  }

  @Override
  public int type() {
    return ACCESS_LIST_TYPE;
  }

  @Override
  public Bytes encode() {
    return Rlp.typed(ACCESS_LIST_TYPE, w -> {
      writeUnsignedFields(w);
      Rlp.writeUint(w, v);
      Rlp.writeUint(w, r);
      Rlp.writeUint(w, s);
    });
  }

  /** The EIP-2718 payload the sender signs: {@code type ++ rlp(fields without the signature)}. */
  public Bytes signingPayload() {
    return Rlp.typed(ACCESS_LIST_TYPE, this::writeUnsignedFields);
  }

  private void writeUnsignedFields(RLPWriter w) {
    Rlp.writeUint(w, chainId);
    Rlp.writeUint64(w, nonce);
    Rlp.writeUint(w, gasPrice);
    Rlp.writeUint64(w, gas);
    Rlp.writeOptionalAddress(w, to);
    Rlp.writeUint(w, value);
    w.writeValue(data);
    AccessListEntry.writeList(w, accessList);
  }

  static AccessListTx decodePayload(Bytes payload) throws DecodeException {
    return Rlp.decodeList(payload, "access list tx (type 1)", f -> new AccessListTx(
        Rlp.readUint256(f, "chainId"),
        Rlp.readUint64(f, "nonce"),
        Rlp.readUint256(f, "gasPrice"),
        Rlp.readUint64(f, "gas"),
        Rlp.readOptionalAddress(f, "to"),
        Rlp.readUint256(f, "value"),
        Rlp.readBytes(f, "data"),
        AccessListEntry.readList(f, "accessList"),
        Rlp.readUint256(f, "yParity"),
        Rlp.readUint256(f, "r"),
        Rlp.readUint256(f, "s")));
  }
}
