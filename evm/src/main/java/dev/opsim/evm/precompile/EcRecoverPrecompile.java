package dev.opsim.evm.precompile;

import dev.opsim.evm.crypto.Secp256k1;
import java.math.BigInteger;
import java.util.Optional;

/**
 * 0x01 ECRECOVER (yellow paper appendix E): input {@code hash ‖ v ‖ r ‖ s}, four 32-byte words, zero-padded.
 * Output is the signer's address left-padded to 32 bytes, or empty output when v is not 27/28, r or s is out
 * of [1, n-1], or no key recovers. An empty output is a successful call (the caller sees returndatasize 0).
 * High s is accepted here (EIP-2 binds transactions only).
 */
public final class EcRecoverPrecompile implements PrecompiledContract {
  static final long GAS = 3000;
  private static final byte[] EMPTY = new byte[0];
  private static final BigInteger V27 = BigInteger.valueOf(27);
  private static final BigInteger V28 = BigInteger.valueOf(28);

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] compute(byte[] input) {
    byte[] words = InputWords.padded(input, 0, 128);
    byte[] hash = InputWords.padded(words, 0, 32);
    BigInteger v = new BigInteger(1, InputWords.padded(words, 32, 32));
    BigInteger r = new BigInteger(1, InputWords.padded(words, 64, 32));
    BigInteger s = new BigInteger(1, InputWords.padded(words, 96, 32));
    int yParity = v.equals(V27) ? 0 : v.equals(V28) ? 1 : -1;
    if (yParity < 0) {
      return EMPTY;
    }
    Optional<byte[]> address = Secp256k1.recoverAddress(hash, yParity, r, s)
        .map(a -> a.toWord().toArray());
    return address.orElse(EMPTY);
  }
}
