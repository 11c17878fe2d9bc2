package dev.opsim.engine.txpool;

import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.evm.crypto.Signature;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.tx.AccessListEntry;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** Signed transactions for pool tests, from known keys. */
final class TestTransactions {
  static final BigInteger CHAIN_ID = BigInteger.valueOf(901);
  /** The well-known dev key (geth --dev, state tests' sender 0xa94f…). */
  static final byte[] DEV_KEY = Hex.decode("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  static final Address TO = Address.fromHex("0x000000000000000000000000000000000000c0de");
  static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private TestTransactions() {}

  /** A deterministic secret key per index (index + 1 as a 32-byte scalar), distinct from the dev key. */
  static byte[] key(int index) {
    byte[] key = new byte[32];
    key[31] = (byte) (index + 1);
    key[0] = 0x11;
    return key;
  }

  static Address addressOf(byte[] key) {
    return Secp256k1.addressOf(key);
  }

  /** A signed EIP-1559 transfer of {@code value} wei with 21000 gas. */
  static DynamicFeeTx dynamic(byte[] key, long nonce, long tip, long feeCap) {
    return dynamic(key, CHAIN_ID, nonce, BigInteger.valueOf(tip), BigInteger.valueOf(feeCap), 21_000, TO,
        BigInteger.ONE, Bytes.EMPTY);
  }

  static DynamicFeeTx dynamic(byte[] key, BigInteger chainId, long nonce, BigInteger tip, BigInteger feeCap,
      long gas, Address to, BigInteger value, Bytes data) {
    DynamicFeeTx unsigned = new DynamicFeeTx(chainId, nonce, tip, feeCap, gas, to, value, data, List.of(),
        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    Signature sig = Secp256k1.sign(TransactionSigning.signingHash(unsigned), key);
    return new DynamicFeeTx(chainId, nonce, tip, feeCap, gas, to, value, data, List.of(),
        BigInteger.valueOf(sig.yParity()), sig.r(), sig.s());
  }

  static AccessListTx accessList(byte[] key, long nonce, BigInteger gasPrice, long gas, List<AccessListEntry> list) {
    AccessListTx unsigned = new AccessListTx(CHAIN_ID, nonce, gasPrice, gas, TO, BigInteger.ZERO, Bytes.EMPTY, list,
        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    Signature sig = Secp256k1.sign(TransactionSigning.signingHash(unsigned), key);
    return new AccessListTx(CHAIN_ID, nonce, gasPrice, gas, TO, BigInteger.ZERO, Bytes.EMPTY, list,
        BigInteger.valueOf(sig.yParity()), sig.r(), sig.s());
  }

  /** A signed legacy transfer; EIP-155 protected for {@code chainId}, unprotected when empty. */
  static LegacyTx legacy(byte[] key, Optional<BigInteger> chainId, long nonce, BigInteger gasPrice, long gas) {
    LegacyTx unsigned = new LegacyTx(nonce, gasPrice, gas, TO, BigInteger.ONE, Bytes.EMPTY, BigInteger.ZERO,
        BigInteger.ZERO, BigInteger.ZERO);
    Signature sig = Secp256k1.sign(TransactionSigning.legacySigningHash(unsigned, chainId), key);
    return new LegacyTx(nonce, gasPrice, gas, TO, BigInteger.ONE, Bytes.EMPTY,
        LegacyTx.vFor(sig.yParity(), chainId), sig.r(), sig.s());
  }

  /** {@code tx} with the same fields and a different signature {@code (v, r, s)}. */
  static Transaction withSignature(DynamicFeeTx t, BigInteger v, BigInteger r, BigInteger s) {
    return new DynamicFeeTx(t.chainId(), t.nonce(), t.maxPriorityFeePerGas(), t.maxFeePerGas(), t.gas(), t.to(),
        t.value(), t.data(), t.accessList(), v, r, s);
  }
}
