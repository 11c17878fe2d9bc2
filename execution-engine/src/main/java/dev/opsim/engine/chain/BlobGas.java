package dev.opsim.engine.chain;

import java.math.BigInteger;

/** EIP-4844 blob gas accounting with the Cancun parameters. */
public final class BlobGas {
  public static final long GAS_PER_BLOB = 1L << 17;
  public static final long TARGET_BLOB_GAS_PER_BLOCK = 393_216;
  public static final long MAX_BLOB_GAS_PER_BLOCK = 786_432;
  public static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;
  public static final BigInteger BLOB_BASE_FEE_UPDATE_FRACTION = BigInteger.valueOf(3_338_477);

  private BlobGas() {}

  /** {@code calc_excess_blob_gas}: the excess of a block whose parent had these values (0 and 0 before Cancun). */
  public static long excessBlobGas(long parentExcessBlobGas, long parentBlobGasUsed) {
    // uint64 arithmetic wrapping like geth's eip4844.CalcExcessBlobGas; valid chains never come near 2^64
    long sum = parentExcessBlobGas + parentBlobGasUsed;
    if (Long.compareUnsigned(sum, TARGET_BLOB_GAS_PER_BLOCK) < 0) {
      return 0;
    }
    return sum - TARGET_BLOB_GAS_PER_BLOCK;
  }

  /** {@code get_base_fee_per_blob_gas}: the blob base fee for a block with this excess blob gas. */
  public static BigInteger blobBaseFee(long excessBlobGas) {
    return fakeExponential(MIN_BLOB_BASE_FEE, new BigInteger(Long.toUnsignedString(excessBlobGas)),
        BLOB_BASE_FEE_UPDATE_FRACTION);
  }

  /** EIP-4844 {@code fake_exponential}: integer approximation of {@code factor * e ** (numerator / denominator)}. */
  public static BigInteger fakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
    BigInteger output = BigInteger.ZERO;
    BigInteger accum = factor.multiply(denominator);
    for (int i = 1; accum.signum() > 0; i++) {
      output = output.add(accum);
      accum = accum.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(denominator);
  }
}
