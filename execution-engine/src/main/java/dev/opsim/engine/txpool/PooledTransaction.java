package dev.opsim.engine.txpool;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.SetCodeTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A transaction in the pool with what the pool derived from it once: hash, sender, encoded size, and an arrival
 * sequence number (the pool's tie-breaker, instead of a wall clock).
 */
public record PooledTransaction(Transaction tx, Hash hash, Address sender, int size, long sequence) {
  public PooledTransaction {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(sender, "sender");
  }

  public long nonce() {
    return tx.nonce();
  }

  /** Max fee per gas: {@code gasPrice} for legacy and access-list txs. */
  public BigInteger feeCap() {
    return feeCap(tx);
  }

  /** Max priority fee per gas: {@code gasPrice} for legacy and access-list txs. */
  public BigInteger tipCap() {
    return tipCap(tx);
  }

  /** {@code min(tipCap, feeCap - baseFee)}; negative when the fee cap is below the base fee. */
  public BigInteger effectiveTip(BigInteger baseFee) {
    return tipCap().min(feeCap().subtract(baseFee));
  }

  /** {@code gas * feeCap + value}: what the sender must hold before L1 fees. Gas is a uint64. */
  public BigInteger cost() {
    return unsigned(tx.gas()).multiply(feeCap()).add(tx.value());
  }

  private static BigInteger unsigned(long value) {
    BigInteger signed = BigInteger.valueOf(value);
    return value >= 0 ? signed : signed.add(BigInteger.ONE.shiftLeft(64));
  }

  static BigInteger feeCap(Transaction tx) {
    return switch (tx) {
      case LegacyTx t -> t.gasPrice();
      case AccessListTx t -> t.gasPrice();
      case DynamicFeeTx t -> t.maxFeePerGas();
      case BlobTx t -> t.maxFeePerGas();
      case SetCodeTx t -> t.maxFeePerGas();
    };
  }

  static BigInteger tipCap(Transaction tx) {
    return switch (tx) {
      case LegacyTx t -> t.gasPrice();
      case AccessListTx t -> t.gasPrice();
      case DynamicFeeTx t -> t.maxPriorityFeePerGas();
      case BlobTx t -> t.maxPriorityFeePerGas();
      case SetCodeTx t -> t.maxPriorityFeePerGas();
    };
  }
}
