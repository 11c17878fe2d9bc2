package dev.opsim.engine.txpool;

import static dev.opsim.engine.txpool.TestTransactions.CHAIN_ID;
import static dev.opsim.engine.txpool.TestTransactions.dynamic;
import static dev.opsim.engine.txpool.TestTransactions.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Price-and-nonce order for the block builder. */
class TxPoolOrderingTest {
  private static final BigInteger BASE_FEE = BigInteger.TEN;
  private final MapState state = new MapState();
  private final TxPool pool = new TxPool(TxPoolConfig.defaults(CHAIN_ID), state, BASE_FEE);

  TxPoolOrderingTest() {
    for (int i = 0; i < 5; i++) {
      state.set(TestTransactions.addressOf(key(i)), 0, BigInteger.TEN.pow(24));
    }
  }

  private Transaction add(Transaction tx) {
    assertInstanceOf(AddResult.Accepted.class, pool.add(tx));
    return tx;
  }

  private static List<Hash> hashes(List<?> txs) {
    return txs.stream().map(t -> t instanceof PooledTransaction p ? p.hash() : ((Transaction) t).hash()).toList();
  }

  @Test
  void highestEffectiveTipFirstButEachSenderInNonceOrder() {
    Transaction a1 = add(dynamic(key(0), 1, 50, 1000));
    Transaction a0 = add(dynamic(key(0), 0, 5, 1000));
    Transaction b0 = add(dynamic(key(1), 0, 10, 1000));
    Transaction c0 = add(dynamic(key(2), 0, 7, 1000));
    Transaction d0 = add(dynamic(key(3), 0, 12, 12)); // effective tip at base fee 10: min(12, 12 - 10) = 2
    assertEquals(hashes(List.of(b0, c0, a0, a1, d0)), hashes(pool.pending(BASE_FEE).toList()));
  }

  @Test
  void equalTipsGoInArrivalOrder() {
    Transaction c = add(dynamic(key(2), 0, 7, 1000));
    Transaction a = add(dynamic(key(0), 0, 7, 1000));
    Transaction b = add(dynamic(key(1), 0, 7, 1000));
    assertEquals(hashes(List.of(c, a, b)), hashes(pool.pending(BASE_FEE).toList()));
  }

  @Test
  void popSkipsTheRestOfThatSender() {
    Transaction a0 = add(dynamic(key(0), 0, 20, 1000));
    add(dynamic(key(0), 1, 20, 1000));
    Transaction b0 = add(dynamic(key(1), 0, 10, 1000));
    PendingTransactions pending = pool.pending(BASE_FEE);
    assertEquals(a0.hash(), pending.peek().orElseThrow().hash());
    pending.pop();
    assertEquals(hashes(List.of(b0)), hashes(pending.toList()));
  }

  @Test
  void senderRunStopsAtAFeeCapBelowTheBaseFee() {
    Transaction a0 = add(dynamic(key(0), 0, 1, 1000));
    add(dynamic(key(0), 1, 1, 15));
    add(dynamic(key(0), 2, 1, 1000));
    assertEquals(3, pool.pending(BASE_FEE).toList().size());
    assertEquals(hashes(List.of(a0)), hashes(pool.pending(BigInteger.valueOf(16)).toList()));
  }

  @Test
  void queuedTransactionsAreNotOffered() {
    Transaction a0 = add(dynamic(key(0), 0, 1, 1000));
    add(dynamic(key(0), 2, 1, 1000));
    add(dynamic(key(1), 1, 1, 1000));
    assertEquals(hashes(List.of(a0)), hashes(pool.pending(BASE_FEE).toList()));
  }
}
