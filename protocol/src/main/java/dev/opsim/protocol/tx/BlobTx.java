package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * EIP-4844 transaction, type 3, in its canonical (block) form without the network sidecar:
 * {@code 0x03 ++ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList,
 * maxFeePerBlobGas, blobVersionedHashes, yParity, r, s])}. {@code to} is required. Batchers post these on L1
 * (protocol-reference 5.3); they never appear in L2 batches.
 */
public record BlobTx(
    BigInteger chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gas,
    Address to,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList,
    BigInteger maxFeePerBlobGas,
    List<Hash> blobVersionedHashes,
    BigInteger v,
    BigInteger r,
    BigInteger s) implements Transaction {
  public BlobTx {
    Rlp.checkUint256(chainId, "chainId");
    Rlp.checkUint256(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Rlp.checkUint256(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "a blob tx always has a recipient");
    Rlp.checkUint256(value, "value");
    data = Rlp.copyOf(Objects.requireNonNull(data, "data"));
    accessList = List.copyOf(accessList);
    Rlp.checkUint256(maxFeePerBlobGas, "maxFeePerBlobGas");
    blobVersionedHashes = List.copyOf(blobVersionedHashes);
    Rlp.checkUint256(v, "v");
    Rlp.checkUint256(r, "r");
    Rlp.checkUint256(s, "s");
  }

  @Override
  public int type() {
    return BLOB_TYPE;
  }

  @Override
  public Bytes encode() {
    return Rlp.typed(BLOB_TYPE, w -> {
      writeUnsignedFields(w);
      Rlp.writeUint(w, v);
      Rlp.writeUint(w, r);
      Rlp.writeUint(w, s);
    });
  }

  /** The EIP-2718 payload the sender signs: {@code type ++ rlp(fields without the signature)}. */
  public Bytes signingPayload() {
    return Rlp.typed(BLOB_TYPE, this::writeUnsignedFields);
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
    Rlp.writeUint(w, maxFeePerBlobGas);
    w.writeList(blobVersionedHashes, (h, hash) -> h.writeValue(hash.bytes()));
  }

  static BlobTx decodePayload(Bytes payload) throws DecodeException {
    return Rlp.decodeList(payload, "blob tx (type 3)", f -> new BlobTx(
        Rlp.readUint256(f, "chainId"),
        Rlp.readUint64(f, "nonce"),
        Rlp.readUint256(f, "maxPriorityFeePerGas"),
        Rlp.readUint256(f, "maxFeePerGas"),
        Rlp.readUint64(f, "gas"),
        Rlp.readAddress(f, "to"),
        Rlp.readUint256(f, "value"),
        Rlp.readBytes(f, "data"),
        AccessListEntry.readList(f, "accessList"),
        Rlp.readUint256(f, "maxFeePerBlobGas"),
        Rlp.readList(f, "blobVersionedHashes", h -> Rlp.readHash(h, "blob versioned hash")),
        Rlp.readUint256(f, "yParity"),
        Rlp.readUint256(f, "r"),
        Rlp.readUint256(f, "s")));
  }
}
