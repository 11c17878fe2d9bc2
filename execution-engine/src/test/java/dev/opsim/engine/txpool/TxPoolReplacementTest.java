package dev.opsim.engine.txpool;

import static dev.opsim.engine.txpool.TestTransactions.CHAIN_ID;
import static dev.opsim.engine.txpool.TestTransactions.DEV_KEY;
import static dev.opsim.engine.txpool.TestTransactions.dynamic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.tx.DynamicFeeTx;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same sender and nonce: geth's 10% price bump on both the tip and the fee cap. */
class TxPoolReplacementTest {
  private static final Address DEV = TestTransactions.addressOf(DEV_KEY);
  private final MapState state = new MapState().set(DEV, 0, BigInteger.TEN.pow(24));
  private final TxPool pool = new TxPool(TxPoolConfig.defaults(CHAIN_ID), state, BigInteger.ONE);

  private RejectReason rejection(DynamicFeeTx tx) {
    return assertInstanceOf(AddResult.Rejected.class, pool.add(tx)).reason();
  }

  @Test
  void exactlyTenPercentMoreOnBothIsAccepted() {
    DynamicFeeTx old = dynamic(DEV_KEY, 0, 100, 1000);
    assertInstanceOf(AddResult.Accepted.class, pool.add(old));
    DynamicFeeTx bumped = dynamic(DEV_KEY, 0, 110, 1100);
    AddResult.Accepted accepted = assertInstanceOf(AddResult.Accepted.class, pool.add(bumped));
    assertEquals(List.of(new Removal(accepted.replaced().orElseThrow(), RemovalReason.REPLACED)), accepted.removed());
    assertEquals(old.hash(), accepted.replaced().orElseThrow().hash());
    assertFalse(pool.contains(old.hash()));
    assertTrue(pool.contains(bumped.hash()));
    assertEquals(1, pool.size());
  }

  @Test
  void justBelowTenPercentOnEitherIsUnderpriced() {
    assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(DEV_KEY, 0, 100, 1000)));
    assertEquals(RejectReason.REPLACEMENT_UNDERPRICED, rejection(dynamic(DEV_KEY, 0, 109, 1100)));
    assertEquals(RejectReason.REPLACEMENT_UNDERPRICED, rejection(dynamic(DEV_KEY, 0, 110, 1099)));
    assertEquals(RejectReason.REPLACEMENT_UNDERPRICED, rejection(dynamic(DEV_KEY, 0, 100, 5000)));
    assertEquals(1, pool.size());
  }

  @Test
  void thresholdIsFlooredButMustStillBeStrictlyHigher() {
    // geth list.go: threshold = old * 110 / 100 (integer), and both caps must also exceed the old ones.
    assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(DEV_KEY, 0, 5, 15)));
    assertEquals(RejectReason.REPLACEMENT_UNDERPRICED, rejection(dynamic(DEV_KEY, 0, 5, 20)));
    assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(DEV_KEY, 0, 6, 16)));
  }

  @Test
  void queuedTransactionsCanBeReplacedToo() {
    assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(DEV_KEY, 3, 10, 100)));
    AddResult.Accepted accepted = assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(DEV_KEY, 3, 11, 110)));
    assertFalse(accepted.pending());
    assertEquals(1, pool.content().queuedCount());
  }

  @Test
  void replacementCostReplacesTheOldCostInTheBalanceCheck() {
    BigInteger newCost = BigInteger.valueOf(21_000L * 110 + 1);
    state.set(DEV, 0, newCost);
    assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(DEV_KEY, 0, 10, 100)));
    assertInstanceOf(AddResult.Accepted.class, pool.add(dynamic(DEV_KEY, 0, 11, 110)));
  }
}
