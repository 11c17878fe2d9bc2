package dev.opsim.engine.eth;

import java.math.BigInteger;

/**
 * Limits and defaults of the eth methods, geth's defaults unless noted.
 *
 * @param rpcGasCap gas for calls that name none, and the top of eth_estimateGas' search (geth --rpc.gascap 50M)
 * @param estimateGasErrorRatio the relative gap at which eth_estimateGas stops searching (geth 0.015); 0 finds
 *     the exact minimum
 * @param maxLogBlockRange the largest fromBlock..toBlock span eth_getLogs serves (error -32005 above)
 * @param maxLogResults the most logs eth_getLogs returns (error -32005 above)
 * @param maxFeeHistoryBlocks eth_feeHistory's block count is cut to this (geth 1024)
 * @param minSuggestedPriorityFee OP chains: the tip suggested when the last block had room (op-geth 0.001 gwei)
 * @param gasPriceBlocks L1 chains: recent blocks the oracle samples (geth 20)
 * @param gasPricePercentile L1 chains: percentile of the sampled tips (geth 60)
 * @param maxGasPrice the oracle's cap (geth 500 gwei)
 * @param ignoreGasPrice L1 chains: tips below this are not sampled (geth 2 wei)
 * @param defaultGasPrice L1 chains: the tip before any block has one (geth's miner default 1 mwei)
 */
public record EthConfig(
    long rpcGasCap,
    double estimateGasErrorRatio,
    long maxLogBlockRange,
    int maxLogResults,
    int maxFeeHistoryBlocks,
    BigInteger minSuggestedPriorityFee,
    int gasPriceBlocks,
    int gasPricePercentile,
    BigInteger maxGasPrice,
    BigInteger ignoreGasPrice,
    BigInteger defaultGasPrice) {

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  public static final EthConfig DEFAULTS = new EthConfig(50_000_000L, 0.015, 10_000, 10_000, 1024,
      BigInteger.valueOf(1_000_000), 20, 60, GWEI.multiply(BigInteger.valueOf(500)), BigInteger.TWO,
      BigInteger.valueOf(1_000_000));

  public EthConfig {
    if (rpcGasCap <= 0 || estimateGasErrorRatio < 0 || estimateGasErrorRatio >= 1 || maxLogBlockRange <= 0
        || maxLogResults <= 0 || maxFeeHistoryBlocks <= 0 || gasPriceBlocks <= 0 || gasPricePercentile < 0
        || gasPricePercentile > 100) {
      throw new IllegalArgumentException("eth config out of range");
    }
  }

  public EthConfig withEstimateGasErrorRatio(double ratio) {
    return new EthConfig(rpcGasCap, ratio, maxLogBlockRange, maxLogResults, maxFeeHistoryBlocks,
        minSuggestedPriorityFee, gasPriceBlocks, gasPricePercentile, maxGasPrice, ignoreGasPrice, defaultGasPrice);
  }
}
