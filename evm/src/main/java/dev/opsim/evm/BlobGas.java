package dev.opsim.evm;

import java.math.BigInteger;

/** EIP-4844 blob gas constants and pricing (Cancun values). */
public final class BlobGas {
  public static final long GAS_PER_BLOB = 131072;
  public static final int MAX_BLOBS_PER_BLOCK = 6;
  public static final BigInteger UPDATE_FRACTION = BigInteger.valueOf(3338477);
  public static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  private BlobGas() {}

  /** EIP-4844 fake_exponential: factor · e^(numerator / denominator) by Taylor expansion, integer arithmetic. */
  public static BigInteger fakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
    BigInteger i = BigInteger.ONE;
    BigInteger output = BigInteger.ZERO;
    BigInteger accum = factor.multiply(denominator);
    while (accum.signum() > 0) {
      output = output.add(accum);
      accum = accum.multiply(numerator).divide(denominator.multiply(i));
      i = i.add(BigInteger.ONE);
    }
    return output.divide(denominator);
  }
}
