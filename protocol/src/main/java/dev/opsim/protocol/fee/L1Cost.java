package dev.opsim.protocol.fee;

import java.math.BigInteger;

/**
 * The L1 data fee of one transaction and the "L1 gas used" a receipt reports with it (protocol-reference 7.2).
 * For Bedrock/Regolith the gas includes the overhead; for Ecotone it is the calldata gas; for Fjord it is the
 * estimated size times 16 / 1e6.
 */
public record L1Cost(BigInteger l1GasUsed, BigInteger fee) {
  /** What deposits and empty input cost. */
  public static final L1Cost ZERO = new L1Cost(BigInteger.ZERO, BigInteger.ZERO);

  public L1Cost {
    if (l1GasUsed == null || fee == null) {
      throw new IllegalArgumentException("L1 cost fields must not be null");
    }
    if (l1GasUsed.signum() < 0 || fee.signum() < 0) {
      throw new IllegalArgumentException("L1 cost fields are never negative: " + l1GasUsed + ", " + fee);
    }
  }
}
