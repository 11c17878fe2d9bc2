package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * EIP-1559 transaction, type 2: {@code 0x02 ++ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to,
 * value, data, accessList, yParity, r, s])}.
 */
public record DynamicFeeTx(
    BigInteger chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gas,
    Address to,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList,
    BigInteger v,
    BigInteger r,
    BigInteger s) implements Transaction {
  public DynamicFeeTx {
    Rlp.checkUint256(chainId, "chainId");
    Rlp.checkUint256(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Rlp.checkUint256(maxFeePerGas, "maxFeePerGas");
    Rlp.checkUint256(value, "value");
    data = Rlp.copyOf(Objects.requireNonNull(data, "data"));
    accessList = List.copyOf(accessList);
    Rlp.checkUint256(v, "v");
    Rlp.checkUint256(r, "r");
    Rlp.checkUint256(s, "s");
  }

  @Override
  public int type() {
    return DYNAMIC_FEE_TYPE;
  }

  @Override
  public Bytes encode() {
    return Rlp.typed(DYNAMIC_FEE_TYPE, w -> {
      writeUnsignedFields(w);
      Rlp.writeUint(w, v);
      Rlp.writeUint(w, r);
      Rlp.writeUint(w, s);
    });
  }

  /** The EIP-2718 payload the sender signs: {@code type ++ rlp(fields without the signature)}. */
  public Bytes signingPayload() {
    return Rlp.typed(DYNAMIC_FEE_TYPE, this::writeUnsignedFields);
  }

  private void writeUnsignedFields(RLPWriter w) {
    Rlp.writeUint(w, chainId);
    Rlp.writeUint64(w, nonce);
    Rlp.writeUint(w, maxPriorityFeePerGas);
    Rlp.writeUint(w, maxFeePerGas);
    Rlp.writeUint64(w, gas);
    Rlp.writeOptionalAddress(w, to);
    Rlp.writeUint(w, value);
    w.writeValue(data);
    AccessListEntry.writeList(w, accessList);
  }

  static DynamicFeeTx decodePayload(Bytes payload) throws DecodeException {
    return Rlp.decodeList(payload, "dynamic fee tx (type 2)", f -> new DynamicFeeTx(
        Rlp.readUint256(f, "chainId"),
        Rlp.readUint64(f, "nonce"),
        Rlp.readUint256(f, "maxPriorityFeePerGas"),
        Rlp.readUint256(f, "maxFeePerGas"),
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
