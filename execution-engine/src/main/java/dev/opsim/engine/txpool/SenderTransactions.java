package dev.opsim.engine.txpool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One sender's transactions by nonce. The pending ones are the run of consecutive nonces starting at the account
 * nonce; the rest are queued (a nonce gap precedes them). Pending and queued are derived from the nonces rather
 * than kept in two lists, so promotion (a gap filled, the account nonce moved) and demotion (a tx removed from the
 * middle) need no bookkeeping. Not thread-safe: {@link TxPool} guards it.
 */
final class SenderTransactions {
  private final TreeMap<Long, PooledTransaction> byNonce = new TreeMap<>(Long::compareUnsigned);
  private long accountNonce;

  SenderTransactions(long accountNonce) {
    this.accountNonce = accountNonce;
  }

  long accountNonce() {
    return accountNonce;
  }

  void setAccountNonce(long accountNonce) {
    this.accountNonce = accountNonce;
  }

  PooledTransaction get(long nonce) {
    return byNonce.get(nonce);
  }

  PooledTransaction put(PooledTransaction tx) {
    return byNonce.put(tx.nonce(), tx);
  }

  PooledTransaction remove(long nonce) {
    return byNonce.remove(nonce);
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  Collection<PooledTransaction> all() {
    return byNonce.values();
  }

  /** Removes and returns the transactions with nonces below the account nonce, lowest first. */
  List<PooledTransaction> removeBelowAccountNonce() {
    NavigableMap<Long, PooledTransaction> stale = byNonce.headMap(accountNonce, false);
    List<PooledTransaction> removed = new ArrayList<>(stale.values());
    stale.clear();
    return removed;
  }

  /** The executable transactions: consecutive nonces from the account nonce, in nonce order. */
  List<PooledTransaction> pending() {
    List<PooledTransaction> run = new ArrayList<>();
    long next = accountNonce;
    for (PooledTransaction tx : byNonce.tailMap(accountNonce, true).values()) {
      if (tx.nonce() != next) {
        break;
      }
      run.add(tx);
      next++;
    }
    return run;
  }

  /** Whether a tx with {@code nonce} would be executable (all lower nonces from the account nonce present). */
  boolean wouldBePending(long nonce) {
    if (Long.compareUnsigned(nonce, accountNonce) < 0) {
      return false;
    }
    long next = accountNonce;
    for (long n : byNonce.subMap(accountNonce, true, nonce, false).keySet()) {
      if (n != next) {
        return false;
      }
      next++;
    }
    return next == nonce;
  }

  /** Sum of the up-front costs of all this sender's transactions except the one at {@code exceptNonce}. */
  BigInteger totalCost(long exceptNonce, Function<PooledTransaction, BigInteger> cost) {
    BigInteger total = BigInteger.ZERO;
    for (PooledTransaction tx : byNonce.values()) {
      if (tx.nonce() != exceptNonce) {
        total = total.add(cost.apply(tx));
      }
    }
    return total;
  }
}
