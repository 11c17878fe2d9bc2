package dev.opsim.engine.genesis;

import dev.opsim.engine.chain.Eip1559Params;
import dev.opsim.engine.chain.HeaderShape;
import dev.opsim.protocol.config.Fork;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rules a chain runs under, from the {@code config} object of its {@code genesis.json}. With an
 * {@code optimism} object it is an OP L2 (op-geth rules), without one an Ethereum L1.
 *
 * <p>On OP chains an Ethereum fork whose own field is absent follows its OP counterpart (protocol-reference 6.3:
 * Canyon = Shanghai, Ecotone = Cancun, Isthmus = Prague), and London follows {@code bedrockBlock}, so a genesis
 * that only names the OP forks still gets the right header shape; when both are given the Ethereum field wins,
 * as in op-geth (superchain configs set them equal).
 *
 * @param londonBlock absent = London never activates
 * @param terminalTotalDifficulty present for merged (proof-of-stake) chains
 */
public record ChainConfig(
    BigInteger chainId,
    OptionalLong londonBlock,
    OptionalLong shanghaiTime,
    OptionalLong cancunTime,
    OptionalLong pragueTime,
    Optional<BigInteger> terminalTotalDifficulty,
    Optional<OptimismParams> optimism) {

  public ChainConfig {
    if (chainId == null || londonBlock == null || shanghaiTime == null || cancunTime == null || pragueTime == null
        || terminalTotalDifficulty == null || optimism == null) {
      throw new IllegalArgumentException("chain config fields must not be null (absent ones are empty)");
    }
    if (chainId.signum() <= 0) {
      throw new IllegalArgumentException("chainId must be positive, got " + chainId);
    }
  }

  public boolean isOptimism() {
    return optimism.isPresent();
  }

  /** Whether the block at this number and timestamp runs under {@code fork}'s rules. */
  public boolean isActive(EthereumFork fork, long number, long timestamp) {
    return switch (fork) {
      case LONDON -> atOrAfter(effective(londonBlock, bedrockBlock()), number);
      case SHANGHAI -> atOrAfter(effective(shanghaiTime, opForkTime(Fork.CANYON)), timestamp);
      case CANCUN -> atOrAfter(effective(cancunTime, opForkTime(Fork.ECOTONE)), timestamp);
      case PRAGUE -> atOrAfter(effective(pragueTime, opForkTime(Fork.ISTHMUS)), timestamp);
    };
  }

  /** Whether an OP fork is active at this L2 timestamp; always false on L1. */
  public boolean isActive(Fork fork, long timestamp) {
    return atOrAfter(opForkTime(fork), timestamp);
  }

  /** Whether the block is at or after Bedrock (OP chains only). */
  public boolean isBedrock(long number) {
    return atOrAfter(bedrockBlock(), number);
  }

  /** Post-merge rules (zero difficulty and nonce, no ommers): every OP chain, and L1 chains with a TTD. */
  public boolean isPostMerge() {
    return isOptimism() || terminalTotalDifficulty.isPresent();
  }

  /** The optional header fields a block at this number and timestamp must carry, and no others. */
  public HeaderShape headerShape(long number, long timestamp) {
    if (isActive(EthereumFork.PRAGUE, number, timestamp)) {
      return HeaderShape.PRAGUE;
    }
    if (isActive(EthereumFork.CANCUN, number, timestamp)) {
      return HeaderShape.CANCUN;
    }
    if (isActive(EthereumFork.SHANGHAI, number, timestamp)) {
      return HeaderShape.SHANGHAI;
    }
    if (isActive(EthereumFork.LONDON, number, timestamp)) {
      return HeaderShape.LONDON;
    }
    return HeaderShape.LEGACY;
  }

  /**
   * The constant EIP-1559 parameters for a block at this timestamp: L1 2 and 8; OP the chain's elasticity and
   * denominator, the Canyon denominator from Canyon (protocol-reference 7.1; falls back to the plain denominator
   * if the config has none). From Holocene the parent header's extraData overrides these (see
   * {@code HeaderValidator.expectedBaseFee}).
   */
  public Eip1559Params eip1559Params(long timestamp) {
    if (optimism.isEmpty()) {
      return Eip1559Params.ETHEREUM;
    }
    OptimismParams op = optimism.get();
    long denominator = isActive(Fork.CANYON, timestamp)
        ? op.eip1559DenominatorCanyon().orElse(op.eip1559Denominator())
        : op.eip1559Denominator();
    return new Eip1559Params(op.eip1559Elasticity(), denominator);
  }

  private OptionalLong bedrockBlock() {
    return optimism.map(OptimismParams::bedrockBlock).orElse(OptionalLong.empty());
  }

  private OptionalLong opForkTime(Fork fork) {
    if (optimism.isEmpty()) {
      return OptionalLong.empty();
    }
    Long time = optimism.get().forkTimes().get(fork);
    return time == null ? OptionalLong.empty() : OptionalLong.of(time);
  }

  private static OptionalLong effective(OptionalLong own, OptionalLong fallback) {
    return own.isPresent() ? own : fallback;
  }

  private static boolean atOrAfter(OptionalLong activation, long value) {
    return activation.isPresent() && Long.compareUnsigned(value, activation.getAsLong()) >= 0;
  }
}
