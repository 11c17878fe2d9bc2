package dev.opsim.engine.txpool;

import static dev.opsim.engine.txpool.TestTransactions.CHAIN_ID;
import static dev.opsim.engine.txpool.TestTransactions.DEV_KEY;
import static dev.opsim.engine.txpool.TestTransactions.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** One test per rejection reason, with the boundary that is still accepted where there is one. */
class TxPoolAdmissionTest {
  private static final BigInteger BASE_FEE = BigInteger.TEN;
  private static final Address DEV = TestTransactions.addressOf(DEV_KEY);
  private static final BigInteger RICH = BigInteger.TEN.pow(24);

  private final MapState state = new MapState().set(DEV, 0, RICH);

  private TxPool pool(TxPoolConfig config) {
    return new TxPool(config, state, BASE_FEE);
  }

  private TxPool pool() {
    return pool(TxPoolConfig.defaults(CHAIN_ID));
  }

  private static RejectReason rejection(AddResult result) {
    return assertInstanceOf(AddResult.Rejected.class, result).reason();
  }

  private static DynamicFeeTx tx(long nonce, BigInteger feeCap, long gas, Address to, BigInteger value, Bytes data) {
    return TestTransactions.dynamic(DEV_KEY, CHAIN_ID, nonce, BigInteger.ONE, feeCap, gas, to, value, data);
  }

  @Test
  void acceptsAValidTransferAsPending() {
    TxPool pool = pool();
    DynamicFeeTx tx = TestTransactions.dynamic(DEV_KEY, 0, 1, 20);
    AddResult.Accepted accepted = assertInstanceOf(AddResult.Accepted.class, pool.add(tx.encode()));
    assertTrue(accepted.pending());
    assertEquals(DEV, accepted.tx().sender());
    assertEquals(tx.hash(), accepted.tx().hash());
    assertTrue(pool.contains(tx.hash()));
    assertEquals(1, pool.pendingNonce(DEV));
  }

  @Test
  void undecodableBytesAreMalformed() {
    assertEquals(RejectReason.MALFORMED, rejection(pool().add(Bytes.fromHexString("0x02c3"))));
    assertEquals(RejectReason.MALFORMED, rejection(pool().add(Bytes.EMPTY)));
  }

  @Test
  void depositsAreNeverAccepted() {
    // protocol-reference 2.4: type 0x7E never enters the pool, whatever follows the type byte.
    assertEquals(RejectReason.TX_TYPE_NOT_SUPPORTED, rejection(pool().add(Bytes.fromHexString("0x7ef8"))));
  }

  @Test
  void blobTransactionsAreNotPooled() {
    BlobTx blob = new BlobTx(CHAIN_ID, 0, BigInteger.ONE, BigInteger.TEN.pow(3), 21_000, TO, BigInteger.ZERO,
        Bytes.EMPTY, List.of(), BigInteger.ONE, List.of(Hash.ZERO), BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE);
    assertEquals(RejectReason.TX_TYPE_NOT_SUPPORTED, rejection(pool().add(blob)));
  }

  @Test
  void transactionsAbove128KibAreOversized() {
    DynamicFeeTx big = tx(0, BigInteger.valueOf(20), 10_000_000, TO, BigInteger.ZERO, Bytes.wrap(new byte[128 * 1024]));
    assertTrue(big.encode().size() > 128 * 1024);
    assertEquals(RejectReason.OVERSIZED_DATA, rejection(pool().add(big)));
    assertEquals(RejectReason.OVERSIZED_DATA, rejection(pool().add(big.encode())));
    DynamicFeeTx fits = tx(0, BigInteger.valueOf(20), 10_000_000, TO, BigInteger.ZERO,
        Bytes.wrap(new byte[128 * 1024 - 200]));
    assertInstanceOf(AddResult.Accepted.class, pool().add(fits));
  }

  @Test
  void initcodeAboveEip3860LimitIsRefused() {
    Bytes tooLong = Bytes.wrap(new byte[IntrinsicGas.MAX_INITCODE_SIZE + 1]);
    assertEquals(RejectReason.MAX_INITCODE_SIZE_EXCEEDED,
        rejection(pool().add(tx(0, BigInteger.valueOf(20), 1_000_000, null, BigInteger.ZERO, tooLong))));
    Bytes atLimit = Bytes.wrap(new byte[IntrinsicGas.MAX_INITCODE_SIZE]);
    assertInstanceOf(AddResult.Accepted.class,
        pool().add(tx(0, BigInteger.valueOf(20), 1_000_000, null, BigInteger.ZERO, atLimit)));
  }

  @Test
  void gasAboveTheBlockGasLimitIsRefused() {
    TxPool pool = pool(TxPoolConfig.defaults(CHAIN_ID).withMaxTxGas(30_000_000));
    assertEquals(RejectReason.GAS_LIMIT_EXCEEDED,
        rejection(pool.add(tx(0, BigInteger.valueOf(20), 30_000_001, TO, BigInteger.ZERO, Bytes.EMPTY))));
    assertInstanceOf(AddResult.Accepted.class,
        pool.add(tx(0, BigInteger.valueOf(20), 30_000_000, TO, BigInteger.ZERO, Bytes.EMPTY)));
  }

  @Test
  void tipAboveFeeCapIsRefused() {
    assertEquals(RejectReason.TIP_ABOVE_FEE_CAP, rejection(pool().add(TestTransactions.dynamic(DEV_KEY, 0, 21, 20))));
    assertInstanceOf(AddResult.Accepted.class, pool().add(TestTransactions.dynamic(DEV_KEY, 0, 20, 20)));
  }

  @Test
  void otherChainIdIsRefused() {
    DynamicFeeTx mainnet = TestTransactions.dynamic(DEV_KEY, BigInteger.ONE, 0, BigInteger.ONE,
        BigInteger.valueOf(20), 21_000, TO, BigInteger.ONE, Bytes.EMPTY);
    assertEquals(RejectReason.INVALID_CHAIN_ID, rejection(pool().add(mainnet)));
    Transaction legacyMainnet = TestTransactions.legacy(DEV_KEY, Optional.of(BigInteger.ONE), 0,
        BigInteger.valueOf(20), 21_000);
    assertEquals(RejectReason.INVALID_CHAIN_ID, rejection(pool().add(legacyMainnet)));
  }

  @Test
  void unprotectedLegacyIsRefusedUnlessAllowed() {
    Transaction unprotected = TestTransactions.legacy(DEV_KEY, Optional.empty(), 0, BigInteger.valueOf(20), 21_000);
    assertEquals(RejectReason.UNPROTECTED, rejection(pool().add(unprotected)));
    TxPool permissive = pool(TxPoolConfig.defaults(CHAIN_ID).withAllowUnprotected(true));
    assertInstanceOf(AddResult.Accepted.class, permissive.add(unprotected));
    Transaction protectedTx = TestTransactions.legacy(DEV_KEY, Optional.of(CHAIN_ID), 0, BigInteger.valueOf(20),
        21_000);
    assertInstanceOf(AddResult.Accepted.class, pool().add(protectedTx));
  }

  @Test
  void invalidSignatureIsInvalidSender() {
    DynamicFeeTx tx = TestTransactions.dynamic(DEV_KEY, 0, 1, 20);
    assertEquals(RejectReason.INVALID_SENDER,
        rejection(pool().add(TestTransactions.withSignature(tx, tx.v(), Secp256k1.N, tx.s()))));
    assertEquals(RejectReason.INVALID_SENDER,
        rejection(pool().add(TestTransactions.withSignature(tx, tx.v(), tx.r(), Secp256k1.N.subtract(tx.s())))));
  }

  @Test
  void gasBelowIntrinsicIsRefused() {
    assertEquals(RejectReason.INTRINSIC_GAS_TOO_LOW,
        rejection(pool().add(tx(0, BigInteger.valueOf(20), 20_999, TO, BigInteger.ZERO, Bytes.EMPTY))));
    Bytes data = Bytes.fromHexString("0x00ff");
    assertEquals(RejectReason.INTRINSIC_GAS_TOO_LOW,
        rejection(pool().add(tx(0, BigInteger.valueOf(20), 21_019, TO, BigInteger.ZERO, data))));
    assertInstanceOf(AddResult.Accepted.class,
        pool().add(tx(0, BigInteger.valueOf(20), 21_020, TO, BigInteger.ZERO, data)));
  }

  @Test
  void calldataFloorAppliesFromPrague() {
    Bytes data = Bytes.wrap(new byte[100]).not(); // 100 nonzero bytes: intrinsic 22600, floor 25000
    DynamicFeeTx tx = tx(0, BigInteger.valueOf(20), 22_600, TO, BigInteger.ZERO, data);
    assertInstanceOf(AddResult.Accepted.class, pool().add(tx));
    TxPool prague = pool(TxPoolConfig.defaults(CHAIN_ID).withPrague(true));
    assertEquals(RejectReason.FLOOR_DATA_GAS, rejection(prague.add(tx)));
    assertInstanceOf(AddResult.Accepted.class,
        prague.add(tx(0, BigInteger.valueOf(20), 25_000, TO, BigInteger.ZERO, data)));
  }

  @Test
  void feeCapBelowBaseFeeIsRefused() {
    assertEquals(RejectReason.FEE_CAP_BELOW_BASE_FEE,
        rejection(pool().add(TestTransactions.dynamic(DEV_KEY, 0, 1, 9))));
    assertInstanceOf(AddResult.Accepted.class, pool().add(TestTransactions.dynamic(DEV_KEY, 0, 1, 10)));
  }

  @Test
  void sameTransactionTwiceIsAlreadyKnown() {
    TxPool pool = pool();
    DynamicFeeTx tx = TestTransactions.dynamic(DEV_KEY, 0, 1, 20);
    assertInstanceOf(AddResult.Accepted.class, pool.add(tx));
    assertEquals(RejectReason.ALREADY_KNOWN, rejection(pool.add(tx)));
    assertEquals(1, pool.size());
  }

  @Test
  void nonceBelowAccountNonceIsTooLow() {
    state.set(DEV, 5, RICH);
    TxPool pool = pool();
    AddResult.Rejected rejected = assertInstanceOf(AddResult.Rejected.class,
        pool.add(TestTransactions.dynamic(DEV_KEY, 4, 1, 20)));
    assertEquals(RejectReason.NONCE_TOO_LOW, rejected.reason());
    assertEquals("nonce too low: address " + DEV + ", tx: 4 state: 5", rejected.fullMessage());
    assertTrue(assertInstanceOf(AddResult.Accepted.class, pool.add(TestTransactions.dynamic(DEV_KEY, 5, 1, 20)))
        .pending());
  }

  @Test
  void balanceMustCoverGasTimesFeeCapPlusValue() {
    BigInteger cost = BigInteger.valueOf(21_000L * 20 + 1); // gas * feeCap + value (1 wei)
    state.set(DEV, 0, cost.subtract(BigInteger.ONE));
    assertEquals(RejectReason.INSUFFICIENT_FUNDS, rejection(pool().add(TestTransactions.dynamic(DEV_KEY, 0, 1, 20))));
    state.set(DEV, 0, cost);
    assertInstanceOf(AddResult.Accepted.class, pool().add(TestTransactions.dynamic(DEV_KEY, 0, 1, 20)));
  }

  @Test
  void gasIsUnsignedInTheCost() {
    // gas = 2^64 - 1 must cost ~3.7e20 wei here, not wrap to a negative number that any balance covers.
    state.set(DEV, 0, BigInteger.TEN.pow(18));
    DynamicFeeTx tx = tx(0, BigInteger.valueOf(20), -1L, TO, BigInteger.ZERO, Bytes.EMPTY);
    assertEquals(RejectReason.INSUFFICIENT_FUNDS, rejection(pool().add(tx)));
  }

  @Test
  void balanceMustCoverAllOfTheSendersTransactions() {
    BigInteger cost = BigInteger.valueOf(21_000L * 20 + 1);
    state.set(DEV, 0, cost.multiply(BigInteger.TWO).subtract(BigInteger.ONE));
    TxPool pool = pool();
    assertInstanceOf(AddResult.Accepted.class, pool.add(TestTransactions.dynamic(DEV_KEY, 0, 1, 20)));
    assertEquals(RejectReason.INSUFFICIENT_FUNDS, rejection(pool.add(TestTransactions.dynamic(DEV_KEY, 1, 1, 20))));
  }

  @Test
  void l1DataFeeCountsTowardsTheBalance() {
    BigInteger cost = BigInteger.valueOf(21_000L * 20 + 1);
    TxPoolState withL1Fee = new TxPoolState() {
      @Override
      public long nonce(Address address) {
        return 0;
      }

      @Override
      public BigInteger balance(Address address) {
        return cost.add(BigInteger.valueOf(99));
      }

      @Override
      public BigInteger l1DataFee(Transaction tx) {
        return BigInteger.valueOf(100);
      }
    };
    TxPool pool = new TxPool(TxPoolConfig.defaults(CHAIN_ID), withL1Fee, BASE_FEE);
    assertEquals(RejectReason.INSUFFICIENT_FUNDS, rejection(pool.add(TestTransactions.dynamic(DEV_KEY, 0, 1, 20))));
  }

  @Test
  void perAccountLimitRefusesNewNoncesButNotReplacements() {
    TxPool pool = pool(TxPoolConfig.defaults(CHAIN_ID).withLimits(100, 2));
    assertInstanceOf(AddResult.Accepted.class, pool.add(TestTransactions.dynamic(DEV_KEY, 0, 1, 20)));
    assertInstanceOf(AddResult.Accepted.class, pool.add(TestTransactions.dynamic(DEV_KEY, 1, 1, 20)));
    assertEquals(RejectReason.ACCOUNT_LIMIT_EXCEEDED,
        rejection(pool.add(TestTransactions.dynamic(DEV_KEY, 2, 1, 20))));
    assertInstanceOf(AddResult.Accepted.class, pool.add(TestTransactions.dynamic(DEV_KEY, 1, 2, 22)));
    assertEquals(2, pool.size());
  }

  @Test
  void gappedNonceIsQueuedAndPromotedWhenTheGapFills() {
    TxPool pool = pool();
    AddResult.Accepted queued = assertInstanceOf(AddResult.Accepted.class,
        pool.add(TestTransactions.dynamic(DEV_KEY, 1, 1, 20)));
    assertFalse(queued.pending());
    assertEquals(1, pool.content().queuedCount());
    assertEquals(0, pool.pendingNonce(DEV));
    assertTrue(pool.pending(BASE_FEE).toList().isEmpty());
    assertTrue(assertInstanceOf(AddResult.Accepted.class, pool.add(TestTransactions.dynamic(DEV_KEY, 0, 1, 20)))
        .pending());
    assertEquals(2, pool.content().pendingCount());
    assertEquals(0, pool.content().queuedCount());
    assertEquals(2, pool.pendingNonce(DEV));
  }
}
