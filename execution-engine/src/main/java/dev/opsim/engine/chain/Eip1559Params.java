package dev.opsim.engine.chain;

/**
 * The two EIP-1559 parameters: the target is {@code gasLimit / elasticity}, and the base fee moves by at most
 * {@code 1 / denominator} per block. L1: 2 and 8; OP: per chain (6 and 50, 250 from Canyon; protocol-reference 7.1).
 */
public record Eip1559Params(long elasticity, long denominator) {
  public static final Eip1559Params ETHEREUM = new Eip1559Params(2, 8);

  public Eip1559Params {
    if (elasticity <= 0 || denominator <= 0) {
      throw new IllegalArgumentException("EIP-1559 elasticity and denominator must be positive, got "
          + elasticity + " and " + denominator);
    }
  }
}
