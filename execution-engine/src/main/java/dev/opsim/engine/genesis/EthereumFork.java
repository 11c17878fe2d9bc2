package dev.opsim.engine.genesis;

/**
 * The Ethereum forks whose rules the engine switches on: London by block number, the later ones by timestamp, as
 * geth's {@code genesis.json} configures them ({@code londonBlock}, {@code shanghaiTime}, {@code cancunTime},
 * {@code pragueTime}).
 */
public enum EthereumFork {
  LONDON,
  SHANGHAI,
  CANCUN,
  PRAGUE
}
