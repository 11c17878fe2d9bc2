package dev.opsim.engine.eth;

import dev.opsim.engine.txpool.TransactionSigning;
import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.evm.crypto.Signature;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** Signed test transactions from fixed keys. */
final class TestSigner {
  private TestSigner() {}

  static byte[] key(int index) {
    byte[] key = new byte[32];
    key[0] = 0x22;
    key[31] = (byte) (index + 1);
    return key;
  }

  static Address address(byte[] key) {
    return Secp256k1.addressOf(key);
  }

  static DynamicFeeTx dynamic(byte[] key, long chainId, long nonce, BigInteger tip, BigInteger feeCap, long gas,
      Address to, Bytes data) {
    BigInteger id = BigInteger.valueOf(chainId);
    DynamicFeeTx unsigned = new DynamicFeeTx(id, nonce, tip, feeCap, gas, to, BigInteger.ONE, data, List.of(),
        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    Signature sig = Secp256k1.sign(TransactionSigning.signingHash(unsigned), key);
    return new DynamicFeeTx(id, nonce, tip, feeCap, gas, to, BigInteger.ONE, data, List.of(),
        BigInteger.valueOf(sig.yParity()), sig.r(), sig.s());
  }

  static LegacyTx legacy(byte[] key, long chainId, long nonce, BigInteger gasPrice, long gas, Address to) {
    Optional<BigInteger> id = Optional.of(BigInteger.valueOf(chainId));
    LegacyTx unsigned = new LegacyTx(nonce, gasPrice, gas, to, BigInteger.TEN, Bytes.EMPTY, BigInteger.ZERO,
        BigInteger.ZERO, BigInteger.ZERO);
    Signature sig = Secp256k1.sign(TransactionSigning.legacySigningHash(unsigned, id), key);
    return new LegacyTx(nonce, gasPrice, gas, to, BigInteger.TEN, Bytes.EMPTY, LegacyTx.vFor(sig.yParity(), id),
        sig.r(), sig.s());
  }
}
