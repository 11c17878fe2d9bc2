package dev.opsim.engine.txpool;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;

/**
 * The account state at the pool's head, as the pool needs it; the engine implements it over its state trie (an
 * immutable view of one head). The pool calls it under its lock, from whichever thread calls the pool.
 */
public interface TxPoolState {
  /** The account nonce (0 for a missing account). */
  long nonce(Address address);

  /** The balance in wei (0 for a missing account). */
  BigInteger balance(Address address);

  /**
   * Extra up-front cost of {@code tx} beyond {@code gas * maxFee + value}: on OP the L1 data fee (op-geth adds it
   * to the pool's balance check). Zero on L1.
   */
  default BigInteger l1DataFee(Transaction tx) {
    return BigInteger.ZERO;
  }
}
