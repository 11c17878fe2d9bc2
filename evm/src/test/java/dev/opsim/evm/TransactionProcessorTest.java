package dev.opsim.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.AccessListEntry;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxRejection;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Validation reasons, fee accounting and creation at the transaction level. */
class TransactionProcessorTest {
  private static final Address RECIPIENT = Address.fromHex("0x3000000000000000000000000000000000000003");

  private static Transaction tx(long nonce, long gas, BigInteger maxFee, BigInteger tip, Address to, BigInteger value,
      Bytes data) {
    return new Transaction(2, EvmTestSupport.SENDER, nonce, gas, null, maxFee, tip, to, value, data, List.of(),
        List.of(), null);
  }

  private static TxRejection rejection(EvmTestSupport t, Transaction tx) {
    TxResult r = t.run(tx);
    TxResult.Rejected rej = assertInstanceOf(TxResult.Rejected.class, r);
    // the state is untouched: nothing to apply
    assertTrue(t.state.changes().isEmpty(), "a rejected transaction changed state");
    return rej.reason();
  }

  @Test
  void rejectionsNameTheReasonAndTouchNothing() {
    EvmTestSupport t = new EvmTestSupport("0x00");
    BigInteger fee = BigInteger.valueOf(100);
    assertEquals(TxRejection.NONCE_TOO_HIGH,
        rejection(t, tx(1, 21000, fee, BigInteger.ONE, RECIPIENT, BigInteger.ZERO, Bytes.EMPTY)));
    assertEquals(TxRejection.INTRINSIC_GAS_TOO_LOW,
        rejection(t, tx(0, 20999, fee, BigInteger.ONE, RECIPIENT, BigInteger.ZERO, Bytes.EMPTY)));
    assertEquals(TxRejection.GAS_ALLOWANCE_EXCEEDED,
        rejection(t, tx(0, 30_000_001, fee, BigInteger.ONE, RECIPIENT, BigInteger.ZERO, Bytes.EMPTY)));
    assertEquals(TxRejection.INSUFFICIENT_MAX_FEE_PER_GAS,
        rejection(t, tx(0, 21000, BigInteger.valueOf(9), BigInteger.ONE, RECIPIENT, BigInteger.ZERO, Bytes.EMPTY)));
    assertEquals(TxRejection.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS,
        rejection(t, tx(0, 21000, fee, BigInteger.valueOf(101), RECIPIENT, BigInteger.ZERO, Bytes.EMPTY)));
    assertEquals(TxRejection.INSUFFICIENT_ACCOUNT_FUNDS,
        rejection(t, tx(0, 21000, fee, BigInteger.ONE, RECIPIENT, EvmTestSupport.ETHER.pow(2), Bytes.EMPTY)));
    assertEquals(TxRejection.INITCODE_SIZE_EXCEEDED,
        rejection(t, tx(0, 10_000_000, fee, BigInteger.ONE, null, BigInteger.ZERO, Bytes.wrap(new byte[49153]))));
    Transaction blobCreate = new Transaction(3, EvmTestSupport.SENDER, 0, 21000, null, fee, BigInteger.ONE, null,
        BigInteger.ZERO, Bytes.EMPTY, List.of(), List.of(Hash.ZERO), BigInteger.TEN);
    assertEquals(TxRejection.TYPE_3_TX_CONTRACT_CREATION, rejection(t, blobCreate));
    Transaction badVersion = new Transaction(3, EvmTestSupport.SENDER, 0, 21000, null, fee, BigInteger.ONE,
        RECIPIENT, BigInteger.ZERO, Bytes.EMPTY, List.of(), List.of(Hash.ZERO), BigInteger.TEN);
    assertEquals(TxRejection.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH, rejection(t, badVersion));
  }

  @Test
  void senderWithCodeIsRejected() {
    EvmTestSupport t = new EvmTestSupport("0x00");
    Transaction fromContract = new Transaction(0, EvmTestSupport.CONTRACT, 1, 21000, BigInteger.valueOf(100), null,
        null, RECIPIENT, BigInteger.ZERO, Bytes.EMPTY, List.of(), List.of(), null);
    assertEquals(TxRejection.SENDER_NOT_EOA, rejection(t, fromContract));
  }

  @Test
  void transferPaysEffectivePriceAndTipsCoinbase() {
    EvmTestSupport t = new EvmTestSupport("0x00");
    BigInteger before = t.base.account(EvmTestSupport.SENDER).balance();
    TxResult r = t.run(tx(0, 50_000, BigInteger.valueOf(100), BigInteger.valueOf(3), RECIPIENT, BigInteger.TWO,
        Bytes.EMPTY));
    TxResult.Executed e = assertInstanceOf(TxResult.Executed.class, r);
    assertEquals(21000, e.gasUsed());
    JournaledState s = t.state;
    // base fee 10 + tip 3 = 13 per gas
    assertEquals(before.subtract(BigInteger.valueOf(21000 * 13L)).subtract(BigInteger.TWO),
        s.balance(EvmTestSupport.SENDER));
    assertEquals(BigInteger.valueOf(21000 * 3L), s.balance(EvmTestSupport.COINBASE));
    assertEquals(BigInteger.TWO, s.balance(RECIPIENT));
    assertEquals(1, s.nonce(EvmTestSupport.SENDER));
  }

  @Test
  void accessListAndCalldataCountInIntrinsicGas() {
    EvmTestSupport t = new EvmTestSupport("0x00");
    Transaction withList = new Transaction(1, EvmTestSupport.SENDER, 0, 100_000, BigInteger.valueOf(100), null, null,
        RECIPIENT, BigInteger.ZERO, Bytes.fromHexString("0x0001"),
        List.of(new AccessListEntry(RECIPIENT, List.of(Hash.ZERO, Hash.ZERO))), List.of(), null);
    TxResult.Executed e = assertInstanceOf(TxResult.Executed.class, t.run(withList));
    assertEquals(21000 + 4 + 16 + 2400 + 2 * 1900, e.gasUsed());
  }

  @Test
  void createDeploysReturnedCode() {
    EvmTestSupport t = new EvmTestSupport("0x00");
    // init code: returns one byte 0x00 (PUSH1 0 PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 RETURN)
    Bytes init = Bytes.fromHexString("0x60006000536001" + "6000f3");
    TxResult.Executed e = assertInstanceOf(TxResult.Executed.class,
        t.run(tx(0, 100_000, BigInteger.valueOf(100), BigInteger.ONE, null, BigInteger.ZERO, init)));
    assertTrue(e.success());
    Address created = ContractAddress.createAddress(EvmTestSupport.SENDER, 0);
    assertEquals(created, e.contractAddress());
    assertEquals(Bytes.fromHexString("0x00"), t.state.code(created));
    assertEquals(1, t.state.nonce(created));
  }

  @Test
  void processorIsReusableAcrossTransactionsOnOneState() {
    EvmTestSupport t = new EvmTestSupport("0x00");
    JournaledState s = new JournaledState(t.base);
    TransactionProcessor p = new TransactionProcessor(new CancunSpec(), new PrecompileRegistry(), new CodeCache(4));
    for (int n = 0; n < 3; n++) {
      TxResult r = p.process(s, tx(n, 21000, BigInteger.valueOf(100), BigInteger.ONE, RECIPIENT, BigInteger.ONE,
          Bytes.EMPTY), EvmTestSupport.block(30_000_000));
      assertInstanceOf(TxResult.Executed.class, r);
    }
    assertEquals(3, s.nonce(EvmTestSupport.SENDER));
    assertEquals(BigInteger.valueOf(3), s.balance(RECIPIENT));
  }
}
