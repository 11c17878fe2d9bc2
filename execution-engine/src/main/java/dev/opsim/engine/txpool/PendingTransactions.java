package dev.opsim.engine.txpool;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Executable transactions in the order a block builder should try them: geth's price-and-nonce ordering
 * (miner/ordering.go). Each sender's transactions form a nonce-ordered queue; among the senders' next
 * transactions the one with the highest effective tip at the base fee goes first (earlier arrival breaks ties).
 * A snapshot, taken under the pool's lock and then used by one thread without it.
 */
public final class PendingTransactions {
  private final BigInteger baseFee;
  private final PriorityQueue<Deque<PooledTransaction>> heads;

  PendingTransactions(BigInteger baseFee, List<List<PooledTransaction>> bySender) {
    this.baseFee = baseFee;
    Comparator<Deque<PooledTransaction>> best = Comparator
        .comparing((Deque<PooledTransaction> q) -> q.peekFirst().effectiveTip(baseFee))
        .reversed()
        .thenComparingLong(q -> q.peekFirst().sequence());
    this.heads = new PriorityQueue<>(Math.max(1, bySender.size()), best);
    for (List<PooledTransaction> txs : bySender) {
      if (!txs.isEmpty()) {
        heads.add(new ArrayDeque<>(txs));
      }
    }
  }

  public BigInteger baseFee() {
    return baseFee;
  }

  /** The best transaction to try next, if any. */
  public Optional<PooledTransaction> peek() {
    Deque<PooledTransaction> head = heads.peek();
    return head == null ? Optional.empty() : Optional.of(head.peekFirst());
  }

  /** The peeked transaction was included: move on to its sender's next nonce. */
  public void shift() {
    Deque<PooledTransaction> head = heads.poll();
    if (head != null) {
      head.pollFirst();
      if (!head.isEmpty()) {
        heads.add(head);
      }
    }
  }

  /** The peeked transaction failed: skip the rest of its sender's transactions (they depend on its nonce). */
  public void pop() {
    heads.poll();
  }

  /** Drains the remaining transactions in order, as if each were included. */
  public List<PooledTransaction> toList() {
    List<PooledTransaction> out = new ArrayList<>();
    for (Optional<PooledTransaction> next = peek(); next.isPresent(); next = peek()) {
      out.add(next.get());
      shift();
    }
    return out;
  }
}
