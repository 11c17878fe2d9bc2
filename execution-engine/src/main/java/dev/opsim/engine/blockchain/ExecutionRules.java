package dev.opsim.engine.blockchain;

import dev.opsim.engine.genesis.ChainConfig;
import dev.opsim.engine.genesis.EthereumFork;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.StandardPrecompiles;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.fee.L1FeeFormula;

/**
 * Which rules a block runs under, from the chain config: the EVM fork (Shanghai or Cancun; earlier forks are not
 * supported by the engine) and, on OP chains, the OP upgrades that change transaction processing.
 */
public final class ExecutionRules {
  private final ChainConfig config;
  private final EvmSpec shanghai = EvmSpec.forName("Shanghai");
  private final EvmSpec cancun = EvmSpec.forName("Cancun");
  private final PrecompileRegistry shanghaiPrecompiles = StandardPrecompiles.forSpec(shanghai);
  private final PrecompileRegistry cancunPrecompiles = StandardPrecompiles.forSpec(cancun);

  public ExecutionRules(ChainConfig config) {
    this.config = config;
  }

  public ChainConfig config() {
    return config;
  }

  public boolean isOptimism() {
    return config.isOptimism();
  }

  public boolean isCancun(long number, long timestamp) {
    return config.isActive(EthereumFork.CANCUN, number, timestamp);
  }

  /**
   * @throws UnsupportedForkException before Shanghai: opsim runs post-merge chains from Shanghai (OP: Canyon) on
   */
  public EvmSpec evmSpec(long number, long timestamp) throws UnsupportedForkException {
    if (config.isActive(EthereumFork.PRAGUE, number, timestamp)) {
      throw new UnsupportedForkException("Prague (OP: Isthmus) rules are not supported yet (block " + number + ")");
    }
    if (isCancun(number, timestamp)) {
      return cancun;
    }
    if (config.isActive(EthereumFork.SHANGHAI, number, timestamp)) {
      return shanghai;
    }
    throw new UnsupportedForkException("block " + number + " at time " + timestamp
        + " is before Shanghai (OP: Canyon); opsim executes Shanghai and Cancun blocks only");
  }

  public PrecompileRegistry precompiles(EvmSpec spec) {
    return spec == cancun ? cancunPrecompiles : shanghaiPrecompiles;
  }

  public boolean isRegolith(long timestamp) {
    return config.isActive(Fork.REGOLITH, timestamp);
  }

  public boolean isCanyon(long timestamp) {
    return config.isActive(Fork.CANYON, timestamp);
  }

  /** The L1 data fee function for a non-deposit transaction on an OP chain (protocol-reference 7.2). */
  public L1FeeFormula l1FeeFormula(long timestamp) {
    if (config.isActive(Fork.FJORD, timestamp)) {
      return L1FeeFormula.FJORD;
    }
    if (config.isActive(Fork.ECOTONE, timestamp)) {
      return L1FeeFormula.ECOTONE;
    }
    return isRegolith(timestamp) ? L1FeeFormula.REGOLITH : L1FeeFormula.BEDROCK;
  }
}
