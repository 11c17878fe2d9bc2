package dev.opsim.engine.txpool;

import static dev.opsim.engine.txpool.TestTransactions.CHAIN_ID;
import static dev.opsim.engine.txpool.TestTransactions.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many virtual threads adding at once, in shuffled nonce order, lose nothing. */
class TxPoolConcurrencyTest {
  @Test
  void concurrentAddsFromVirtualThreadsAllLand() throws Exception {
    int senders = 6;
    int perSender = 12;
    MapState state = new MapState();
    List<Transaction> txs = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      state.set(TestTransactions.addressOf(key(s)), 0, BigInteger.TEN.pow(24));
      for (int n = 0; n < perSender; n++) {
        txs.add(TestTransactions.dynamic(key(s), n, 1 + n, 1000));
      }
    }
    Collections.shuffle(txs, new Random(7));
    TxPool pool = new TxPool(TxPoolConfig.defaults(CHAIN_ID), state, BigInteger.TEN);
    List<Future<AddResult>> results = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Transaction tx : txs) {
        results.add(executor.submit(() -> pool.add(tx.encode())));
      }
      for (Future<AddResult> result : results) {
        assertInstanceOf(AddResult.Accepted.class, result.get());
      }
    }
    assertEquals(senders * perSender, pool.size());
    assertEquals(senders * perSender, pool.content().pendingCount());
    assertEquals(senders * perSender, pool.pending(BigInteger.TEN).toList().size());
  }
}
