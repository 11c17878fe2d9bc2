package dev.opsim.engine.txpool;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Pool settings.
 *
 * @param chainId the chain id every tx must be signed for
 * @param globalSlots most transactions in the pool, pending and queued together
 * @param accountSlots most transactions per sender
 * @param priceBumpPercent minimum fee increase for a replacement (geth: 10)
 * @param maxTxSize largest encoded tx in bytes (geth: 128 KiB)
 * @param maxTxGas largest tx gas limit accepted (the block gas limit); 0 for no limit
 * @param shanghai EIP-3860 initcode limit and charge
 * @param prague EIP-7623 calldata floor
 * @param allowUnprotected accept legacy txs without EIP-155 replay protection (geth's --rpc.allow-unprotected-txs)
 */
public record TxPoolConfig(
    BigInteger chainId,
    int globalSlots,
    int accountSlots,
    int priceBumpPercent,
    int maxTxSize,
    long maxTxGas,
    boolean shanghai,
    boolean prague,
    boolean allowUnprotected) {
  public static final int DEFAULT_GLOBAL_SLOTS = 5_120;
  public static final int DEFAULT_ACCOUNT_SLOTS = 64;
  public static final int DEFAULT_PRICE_BUMP = 10;
  public static final int DEFAULT_MAX_TX_SIZE = 128 * 1024;

  public TxPoolConfig {
    Objects.requireNonNull(chainId, "chainId");
    if (globalSlots < 1 || accountSlots < 1 || priceBumpPercent < 0 || maxTxSize < 1 || maxTxGas < 0) {
      throw new IllegalArgumentException("pool limits must be positive");
    }
  }

  /** geth's defaults (Shanghai on, Prague off, replay protection required). */
  public static TxPoolConfig defaults(BigInteger chainId) {
    return new TxPoolConfig(chainId, DEFAULT_GLOBAL_SLOTS, DEFAULT_ACCOUNT_SLOTS, DEFAULT_PRICE_BUMP,
        DEFAULT_MAX_TX_SIZE, 0, true, false, false);
  }

  public TxPoolConfig withLimits(int globalSlots, int accountSlots) {
    return new TxPoolConfig(chainId, globalSlots, accountSlots, priceBumpPercent, maxTxSize, maxTxGas, shanghai,
        prague, allowUnprotected);
  }

  public TxPoolConfig withMaxTxGas(long maxTxGas) {
    return new TxPoolConfig(chainId, globalSlots, accountSlots, priceBumpPercent, maxTxSize, maxTxGas, shanghai,
        prague, allowUnprotected);
  }

  public TxPoolConfig withPrague(boolean prague) {
    return new TxPoolConfig(chainId, globalSlots, accountSlots, priceBumpPercent, maxTxSize, maxTxGas, shanghai,
        prague, allowUnprotected);
  }

  public TxPoolConfig withAllowUnprotected(boolean allowUnprotected) {
    return new TxPoolConfig(chainId, globalSlots, accountSlots, priceBumpPercent, maxTxSize, maxTxGas, shanghai,
        prague, allowUnprotected);
  }
}
