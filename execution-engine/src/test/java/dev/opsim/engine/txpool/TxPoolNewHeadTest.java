package dev.opsim.engine.txpool;

import static dev.opsim.engine.txpool.TestTransactions.CHAIN_ID;
import static dev.opsim.engine.txpool.TestTransactions.dynamic;
import static dev.opsim.engine.txpool.TestTransactions.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TxPoolNewHeadTest {
  private static final BigInteger BASE_FEE = BigInteger.TEN;
  private static final BigInteger RICH = BigInteger.TEN.pow(24);
  private static final Address A = TestTransactions.addressOf(key(0));
  private final MapState state = new MapState().set(A, 0, RICH);
  private final TxPool pool = new TxPool(TxPoolConfig.defaults(CHAIN_ID), state, BASE_FEE);

  private Transaction add(Transaction tx) {
    assertInstanceOf(AddResult.Accepted.class, pool.add(tx));
    return tx;
  }

  private static Map<RemovalReason, List<Object>> byReason(List<Removal> removals) {
    return removals.stream().collect(java.util.stream.Collectors.groupingBy(Removal::reason,
        java.util.stream.Collectors.mapping(r -> r.tx().hash(), java.util.stream.Collectors.toList())));
  }

  @Test
  void includedAndStaleTransactionsLeave() {
    Transaction a0 = add(dynamic(key(0), 0, 1, 1000));
    Transaction a1 = add(dynamic(key(0), 1, 1, 1000));
    Transaction a2 = add(dynamic(key(0), 2, 1, 1000));
    // The block included a0 and some other tx with nonce 1 (not a1).
    List<Removal> removed = pool.onNewHead(state.copy().set(A, 2, RICH), BASE_FEE, List.of(a0.hash()));
    assertEquals(Map.of(RemovalReason.INCLUDED, List.of(a0.hash()), RemovalReason.STALE_NONCE, List.of(a1.hash())),
        byReason(removed));
    assertEquals(List.of(a2.hash()), pool.pending(BASE_FEE).toList().stream().map(PooledTransaction::hash).toList());
    assertEquals(3, pool.pendingNonce(A));
  }

  @Test
  void aMovedAccountNoncePromotesQueuedTransactions() {
    Transaction a2 = add(dynamic(key(0), 2, 1, 1000));
    assertEquals(1, pool.content().queuedCount());
    assertTrue(pool.onNewHead(state.copy().set(A, 2, RICH), BASE_FEE, List.of()).isEmpty());
    assertEquals(List.of(a2.hash()), pool.pending(BASE_FEE).toList().stream().map(PooledTransaction::hash).toList());
    assertEquals(0, pool.content().queuedCount());
  }

  @Test
  void unaffordableTransactionsLeaveAndTheirSuccessorsAreDemoted() {
    add(dynamic(key(0), 0, 1, 10));
    Transaction expensive = add(dynamic(key(0), 1, 1, 1000));
    Transaction a2 = add(dynamic(key(0), 2, 1, 10));
    BigInteger balance = BigInteger.valueOf(21_000L * 100);
    List<Removal> removed = pool.onNewHead(state.copy().set(A, 0, balance), BASE_FEE, List.of());
    assertEquals(Map.of(RemovalReason.INSUFFICIENT_FUNDS, List.of(expensive.hash())), byReason(removed));
    assertEquals(1, pool.content().pendingCount());
    assertEquals(List.of(a2.hash()), pool.content().queued().get(A).stream().map(PooledTransaction::hash).toList());
  }

  @Test
  void aRisingBaseFeeKeepsTransactionsButHoldsThemBack() {
    add(dynamic(key(0), 0, 1, 20));
    assertTrue(pool.onNewHead(state.copy(), BigInteger.valueOf(30), List.of()).isEmpty());
    assertEquals(1, pool.size());
    assertTrue(pool.pending(BigInteger.valueOf(30)).toList().isEmpty());
    assertEquals(RejectReason.FEE_CAP_BELOW_BASE_FEE,
        assertInstanceOf(AddResult.Rejected.class, pool.add(dynamic(key(0), 1, 1, 29))).reason());
  }
}
