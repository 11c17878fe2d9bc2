package dev.opsim.engine.txpool;

import static dev.opsim.engine.txpool.TestTransactions.CHAIN_ID;
import static dev.opsim.engine.txpool.TestTransactions.dynamic;
import static dev.opsim.engine.txpool.TestTransactions.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A full pool (3 slots) evicts its cheapest transaction, and only for a better-paying one. */
class TxPoolEvictionTest {
  private static final BigInteger BASE_FEE = BigInteger.TEN;
  private final MapState state = new MapState();
  private final TxPool pool = new TxPool(TxPoolConfig.defaults(CHAIN_ID).withLimits(3, 16), state, BASE_FEE);

  TxPoolEvictionTest() {
    for (int i = 0; i < 6; i++) {
      state.set(TestTransactions.addressOf(key(i)), 0, BigInteger.TEN.pow(24));
    }
  }

  private Transaction add(Transaction tx) {
    assertInstanceOf(AddResult.Accepted.class, pool.add(tx));
    return tx;
  }

  private RejectReason rejection(Transaction tx) {
    return assertInstanceOf(AddResult.Rejected.class, pool.add(tx)).reason();
  }

  @Test
  void evictsTheCheapestForABetterPayingTransaction() {
    Transaction cheapest = add(dynamic(key(0), 0, 1, 1000));
    add(dynamic(key(1), 0, 2, 1000));
    add(dynamic(key(2), 0, 3, 1000));
    AddResult.Accepted accepted = assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(key(3), 0, 5, 1000)));
    assertEquals(1, accepted.removed().size());
    assertEquals(RemovalReason.EVICTED_UNDERPRICED, accepted.removed().get(0).reason());
    assertEquals(cheapest.hash(), accepted.removed().get(0).tx().hash());
    assertFalse(pool.contains(cheapest.hash()));
    assertEquals(3, pool.size());
  }

  @Test
  void neverEvictsForAnEquallyOrLessPayingTransaction() {
    add(dynamic(key(0), 0, 2, 1000));
    add(dynamic(key(1), 0, 3, 1000));
    add(dynamic(key(2), 0, 4, 1000));
    assertEquals(RejectReason.UNDERPRICED, rejection(dynamic(key(3), 0, 2, 1000)));
    assertEquals(RejectReason.UNDERPRICED, rejection(dynamic(key(3), 0, 1, 1000)));
    assertEquals(3, pool.size());
  }

  @Test
  void rankingUsesTheEffectiveTipAtTheCurrentBaseFee() {
    Transaction capped = add(dynamic(key(0), 0, 12, 12)); // effective tip at base fee 10: min(12, 12 - 10) = 2
    add(dynamic(key(1), 0, 3, 1000));
    add(dynamic(key(2), 0, 4, 1000));
    AddResult.Accepted accepted = assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(key(3), 0, 5, 1000)));
    assertEquals(capped.hash(), accepted.removed().get(0).tx().hash());
  }

  @Test
  void aQueuedTransactionNeverEvictsAPendingOne() {
    add(dynamic(key(0), 0, 1, 1000));
    add(dynamic(key(1), 0, 2, 1000));
    add(dynamic(key(2), 0, 3, 1000));
    assertEquals(RejectReason.TXPOOL_FULL, rejection(dynamic(key(3), 1, 50, 1000)));
  }

  @Test
  void theSendersOwnLowerNoncesAreNotVictims() {
    Transaction a0 = add(dynamic(key(0), 0, 1, 1000));
    Transaction b0 = add(dynamic(key(1), 0, 2, 1000));
    add(dynamic(key(2), 0, 3, 1000));
    AddResult.Accepted accepted = assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(key(0), 1, 10, 1000)));
    assertEquals(b0.hash(), accepted.removed().get(0).tx().hash());
    assertTrue(accepted.pending());
    assertTrue(pool.contains(a0.hash()));
  }

  @Test
  void evictingFromTheMiddleOfASenderQueuesItsLaterNonces() {
    add(dynamic(key(0), 0, 9, 1000));
    Transaction a1 = add(dynamic(key(0), 1, 1, 1000));
    Transaction a2 = add(dynamic(key(0), 2, 9, 1000));
    AddResult.Accepted accepted = assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(key(1), 0, 5, 1000)));
    assertEquals(a1.hash(), accepted.removed().get(0).tx().hash());
    assertEquals(List.of(a2.hash()), pool.content().queued().values().stream().flatMap(List::stream)
        .map(PooledTransaction::hash).toList());
  }
}
