package dev.opsim.engine.eth;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The L1 data fee of a non-deposit transaction on an OP chain as op-geth's receipts report it (protocol-reference
 * 7): {@code l1GasPrice} (the L1 base fee), {@code l1GasUsed}, {@code l1Fee}; before Ecotone {@code l1FeeScalar}
 * (a decimal string such as "0.684"); from Ecotone {@code l1BlobBaseFee}, {@code l1BaseFeeScalar},
 * {@code l1BlobBaseFeeScalar}.
 */
public record L1FeeFields(
    BigInteger l1GasPrice,
    BigInteger l1GasUsed,
    BigInteger l1Fee,
    Optional<String> l1FeeScalar,
    Optional<BigInteger> l1BlobBaseFee,
    OptionalLong l1BaseFeeScalar,
    OptionalLong l1BlobBaseFeeScalar) {

  public L1FeeFields {
    Objects.requireNonNull(l1GasPrice, "l1GasPrice");
    Objects.requireNonNull(l1GasUsed, "l1GasUsed");
    Objects.requireNonNull(l1Fee, "l1Fee");
    Objects.requireNonNull(l1FeeScalar, "l1FeeScalar");
    Objects.requireNonNull(l1BlobBaseFee, "l1BlobBaseFee");
    Objects.requireNonNull(l1BaseFeeScalar, "l1BaseFeeScalar");
    Objects.requireNonNull(l1BlobBaseFeeScalar, "l1BlobBaseFeeScalar");
  }

  /** The Ecotone-and-later form. */
  public static L1FeeFields ecotone(BigInteger l1BaseFee, BigInteger l1GasUsed, BigInteger l1Fee,
      BigInteger l1BlobBaseFee, long baseFeeScalar, long blobBaseFeeScalar) {
    return new L1FeeFields(l1BaseFee, l1GasUsed, l1Fee, Optional.empty(), Optional.of(l1BlobBaseFee),
        OptionalLong.of(baseFeeScalar), OptionalLong.of(blobBaseFeeScalar));
  }
}
