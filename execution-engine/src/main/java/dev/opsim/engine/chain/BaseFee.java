package dev.opsim.engine.chain;

import java.math.BigInteger;

/** The EIP-1559 base fee update (protocol-reference 7.1), as a pure function of the parent's values. */
public final class BaseFee {
  /** The base fee of the first London block (EIP-1559 INITIAL_BASE_FEE), also geth's genesis default. */
  public static final BigInteger INITIAL_BASE_FEE = BigInteger.valueOf(1_000_000_000L);

  private BaseFee() {}

  /**
   * The base fee of the child of a block with these values. Integer divisions happen in geth's order
   * ({@code baseFee * delta / target / denominator}); an increase is at least 1 wei, a decrease never goes below 0.
   */
  public static BigInteger next(long parentGasLimit, long parentGasUsed, BigInteger parentBaseFee,
      Eip1559Params params) {
    long target = Long.divideUnsigned(parentGasLimit, params.elasticity());
    if (parentGasUsed == target) {
      return parentBaseFee;
    }
    BigInteger denominator = BigInteger.valueOf(params.denominator());
    if (target == 0) {
      // a zero gas limit target makes the ratio undefined; geth divides by zero here, we keep the fee
      return parentBaseFee;
    }
    BigInteger targetBig = unsigned(target);
    if (Long.compareUnsigned(parentGasUsed, target) > 0) {
      BigInteger delta = unsigned(parentGasUsed).subtract(targetBig);
      BigInteger change = parentBaseFee.multiply(delta).divide(targetBig).divide(denominator);
      return parentBaseFee.add(change.max(BigInteger.ONE));
    }
    BigInteger delta = targetBig.subtract(unsigned(parentGasUsed));
    BigInteger change = parentBaseFee.multiply(delta).divide(targetBig).divide(denominator);
    return parentBaseFee.subtract(change).max(BigInteger.ZERO);
  }

  private static BigInteger unsigned(long value) {
    return new BigInteger(Long.toUnsignedString(value));
  }
}
