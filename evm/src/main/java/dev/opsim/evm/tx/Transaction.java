package dev.opsim.evm.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * An already decoded transaction with its recovered sender. {@code type}: 0 legacy, 1 EIP-2930, 2 EIP-1559,
 * 3 EIP-4844. Types 0 and 1 use {@code gasPrice}; types 2 and 3 use the two fee caps. {@code nonce} is uint64.
 * {@code to} is null for a contract creation.
 */
public record Transaction(
    int type,
    Address sender,
    long nonce,
    long gasLimit,
    BigInteger gasPrice,
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas,
    Address to,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList,
    List<Hash> blobVersionedHashes,
    BigInteger maxFeePerBlobGas) {
  public Transaction {
    if (type < 0 || type > 3) {
      throw new IllegalArgumentException("unknown transaction type " + type);
    }
    if (sender == null || value == null || data == null) {
      throw new IllegalArgumentException("sender, value and data are required");
    }
    if (type < 2 && gasPrice == null) {
      throw new IllegalArgumentException("type " + type + " needs gasPrice");
    }
    if (type >= 2 && (maxFeePerGas == null || maxPriorityFeePerGas == null)) {
      throw new IllegalArgumentException("type " + type + " needs the EIP-1559 fee caps");
    }
    if (type == 3 && maxFeePerBlobGas == null) {
      throw new IllegalArgumentException("a blob transaction needs maxFeePerBlobGas");
    }
    accessList = accessList == null ? List.of() : List.copyOf(accessList);
    blobVersionedHashes = blobVersionedHashes == null ? List.of() : List.copyOf(blobVersionedHashes);
  }

  public boolean isCreate() {
    return to == null;
  }

  /** The most the sender may pay per gas: gasPrice, or maxFeePerGas. */
  public BigInteger feeCap() {
    return type >= 2 ? maxFeePerGas : gasPrice;
  }

  /** What the coinbase earns per gas above the base fee. */
  public BigInteger priorityFee(BigInteger baseFee) {
    if (type >= 2) {
      return maxPriorityFeePerGas.min(maxFeePerGas.subtract(baseFee));
    }
    return gasPrice.subtract(baseFee);
  }

  public BigInteger effectiveGasPrice(BigInteger baseFee) {
    return baseFee.add(priorityFee(baseFee));
  }
}
