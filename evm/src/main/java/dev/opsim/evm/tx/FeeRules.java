package dev.opsim.evm.tx;

import dev.opsim.protocol.Address;
import java.math.BigInteger;

/**
 * Where a normal transaction's fees go. {@link Ethereum}: the base fee is burned and the priority fee goes to the
 * coinbase. {@link Optimism} (protocol-reference 7, op-geth {@code core/state_transition.go}): the L1 data fee of
 * this transaction is charged up front with the gas and counted in the balance check, and credited to the
 * L1FeeVault; the base-fee part {@code gasUsed*baseFee} is credited to the BaseFeeVault instead of being burned;
 * the priority fee still goes to the coinbase. Deposits never go through these rules.
 */
public sealed interface FeeRules {
  /** Ethereum's rules (state tests, L1). */
  FeeRules ETHEREUM = new Ethereum();

  /** The L1 data fee charged to the sender on top of gas; zero for Ethereum. */
  BigInteger l1Cost();

  /** OP rules for one transaction; {@code l1Cost} is its precomputed L1 data fee in wei (0 allowed). */
  static FeeRules optimism(BigInteger l1Cost) {
    return new Optimism(l1Cost);
  }

  /** Ethereum mainnet fee handling. */
  record Ethereum() implements FeeRules {
    @Override
    public BigInteger l1Cost() {
      return BigInteger.ZERO;
    }
  }

  /** OP Stack fee handling with this transaction's L1 data fee (protocol-reference 7.2, 7.6). */
  record Optimism(BigInteger l1Cost) implements FeeRules {
    /** BaseFeeVault predeploy, receives {@code gasUsed*baseFee} (protocol-reference 1.1, 7.6). */
    public static final Address BASE_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
    /** L1FeeVault predeploy, receives the L1 data fee (protocol-reference 1.1, 7.6). */
    public static final Address L1_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001a");

    public Optimism {
      if (l1Cost == null || l1Cost.signum() < 0 || l1Cost.bitLength() > 256) {
        throw new IllegalArgumentException("l1Cost must be a uint256, got " + l1Cost);
      }
    }
  }
}
