package dev.opsim.engine.eth;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.AccessListEntry;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/**
 * The message of an {@code eth_call} / {@code eth_estimateGas} (geth's TransactionArgs after CallDefaults).
 * {@code gas} is always set here: the caller's value, else the RPC gas cap. The fee fields are as given: when none
 * is set the call runs with gas price 0 and the block's base fee treated as 0 (geth's NoBaseFee for calls); the
 * backend decides everything EVM-related from these fields.
 *
 * @param from the sender, {@link Address#ZERO} when the request named none (as geth)
 * @param to the recipient, empty for a contract creation
 * @param nonce the nonce to check, empty to skip the nonce check (as geth's eth_call)
 */
public record CallRequest(
    Address from,
    Optional<Address> to,
    long gas,
    Optional<BigInteger> gasPrice,
    Optional<BigInteger> maxFeePerGas,
    Optional<BigInteger> maxPriorityFeePerGas,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList,
    Optional<BigInteger> maxFeePerBlobGas,
    List<Hash> blobVersionedHashes,
    OptionalLong nonce) {

  public CallRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(value, "value");
    data = Bytes.wrap(Objects.requireNonNull(data, "data").toArray());
    accessList = List.copyOf(accessList);
    Objects.requireNonNull(maxFeePerBlobGas, "maxFeePerBlobGas");
    blobVersionedHashes = List.copyOf(blobVersionedHashes);
    Objects.requireNonNull(nonce, "nonce");
  }

  /** The same request with another gas limit (what eth_estimateGas varies). */
  public CallRequest withGas(long newGas) {
    return new CallRequest(from, to, newGas, gasPrice, maxFeePerGas, maxPriorityFeePerGas, value, data, accessList,
        maxFeePerBlobGas, blobVersionedHashes, nonce);
  }

  /** The fee cap the sender pays per gas at most: maxFeePerGas, else gasPrice, else 0 (geth's estimator). */
  public BigInteger feeCap() {
    return maxFeePerGas.or(() -> gasPrice).orElse(BigInteger.ZERO);
  }
}
