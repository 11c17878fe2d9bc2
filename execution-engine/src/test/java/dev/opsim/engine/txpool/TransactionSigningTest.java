package dev.opsim.engine.txpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionSigningTest {
  // EIP-155's worked example (eips.ethereum.org/EIPS/eip-155, "Example").
  private static final String EIP155_SIGNING_HASH =
      "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
  private static final String EIP155_SIGNED = "0xf86c098504a817c800825208943535353535353535353535353535353535353535"
      + "880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb"
      + "703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
  private static final byte[] EIP155_KEY = Hex.decode("0x" + "46".repeat(32));

  @Test
  void eip155ExampleSigningHashAndSender() throws Exception {
    LegacyTx tx = (LegacyTx) Transaction.decode(Hex.decode(EIP155_SIGNED));
    assertEquals(Hash.fromHex(EIP155_SIGNING_HASH), TransactionSigning.signingHash(tx));
    assertEquals(new BigInteger("18515461264373351373200002665853028612451056578545711640558177340181847433846"),
        tx.r());
    TransactionSigning.Recovery recovery = TransactionSigning.recoverSender(tx, BigInteger.ONE, false);
    assertEquals(new TransactionSigning.Recovery.Sender(Secp256k1.addressOf(EIP155_KEY)), recovery);
  }

  @Test
  void eip155ExampleOnAnotherChainIsWrongChainId() throws Exception {
    Transaction tx = Transaction.decode(Hex.decode(EIP155_SIGNED));
    assertEquals(new TransactionSigning.Recovery.Failed(TransactionSigning.Failure.WRONG_CHAIN_ID),
        TransactionSigning.recoverSender(tx, BigInteger.TWO, false));
  }

  @Test
  void signedTypedTransactionRecoversItsSigner() {
    DynamicFeeTx tx = TestTransactions.dynamic(TestTransactions.DEV_KEY, 3, 1, 10);
    assertEquals(new TransactionSigning.Recovery.Sender(TestTransactions.addressOf(TestTransactions.DEV_KEY)),
        TransactionSigning.recoverSender(tx, TestTransactions.CHAIN_ID, false));
  }

  @Test
  void highSIsRefusedEvenThoughItRecovers() {
    DynamicFeeTx tx = TestTransactions.dynamic(TestTransactions.DEV_KEY, 0, 1, 10);
    // (r, n - s) with the other parity is the same signature's malleable twin (EIP-2 forbids it).
    Transaction twin = TestTransactions.withSignature(tx, BigInteger.ONE.subtract(tx.v()), tx.r(),
        Secp256k1.N.subtract(tx.s()));
    assertEquals(Optional.of(TestTransactions.addressOf(TestTransactions.DEV_KEY)), Secp256k1.recoverAddress(
        TransactionSigning.signingHash(twin).bytes().toArrayUnsafe(), 1 - tx.v().intValue(), twin.r(), twin.s()));
    assertEquals(new TransactionSigning.Recovery.Failed(TransactionSigning.Failure.BAD_SIGNATURE),
        TransactionSigning.recoverSender(twin, TestTransactions.CHAIN_ID, false));
  }

  @Test
  void typedParityAboveOneIsBadSignature() {
    DynamicFeeTx tx = TestTransactions.dynamic(TestTransactions.DEV_KEY, 0, 1, 10);
    Transaction bad = TestTransactions.withSignature(tx, BigInteger.TWO, tx.r(), tx.s());
    assertInstanceOf(TransactionSigning.Recovery.Failed.class,
        TransactionSigning.recoverSender(bad, TestTransactions.CHAIN_ID, false));
  }

  @Test
  void unprotectedLegacyNeedsPermission() {
    LegacyTx tx = TestTransactions.legacy(TestTransactions.DEV_KEY, Optional.empty(), 0, BigInteger.TEN, 21_000);
    assertEquals(new TransactionSigning.Recovery.Failed(TransactionSigning.Failure.UNPROTECTED),
        TransactionSigning.recoverSender(tx, TestTransactions.CHAIN_ID, false));
    assertEquals(new TransactionSigning.Recovery.Sender(TestTransactions.addressOf(TestTransactions.DEV_KEY)),
        TransactionSigning.recoverSender(tx, TestTransactions.CHAIN_ID, true));
  }

  @Test
  void legacyVOutsideBothFormsIsBadSignature() {
    LegacyTx tx = TestTransactions.legacy(TestTransactions.DEV_KEY, Optional.empty(), 0, BigInteger.TEN, 21_000);
    LegacyTx bad = new LegacyTx(tx.nonce(), tx.gasPrice(), tx.gas(), tx.to(), tx.value(), tx.data(),
        BigInteger.valueOf(30), tx.r(), tx.s());
    assertEquals(new TransactionSigning.Recovery.Failed(TransactionSigning.Failure.BAD_SIGNATURE),
        TransactionSigning.recoverSender(bad, TestTransactions.CHAIN_ID, true));
  }
}
