package dev.opsim.evm.crypto;

import java.math.BigInteger;

/**
 * A secp256k1 ECDSA signature as Ethereum carries it: {@code yParity} is the recovery id (0 or 1, the parity of
 * the y coordinate of the nonce point R), {@code r} and {@code s} are the signature scalars. Range checks beyond
 * "non-negative, at most 256 bits" belong to the verifier: transactions demand low s (EIP-2), the ecrecover
 * precompile does not.
 */
public record Signature(int yParity, BigInteger r, BigInteger s) {
  public Signature {
    if (yParity != 0 && yParity != 1) {
      throw new IllegalArgumentException("yParity must be 0 or 1, got " + yParity);
    }
    if (r == null || r.signum() < 0 || r.bitLength() > 256) {
      throw new IllegalArgumentException("r must be a 256-bit unsigned integer, got " + r);
    }
    if (s == null || s.signum() < 0 || s.bitLength() > 256) {
      throw new IllegalArgumentException("s must be a 256-bit unsigned integer, got " + s);
    }
  }

  /** The pre-EIP-155 {@code v} of a legacy transaction or of ecrecover: {@code 27 + yParity}. */
  public int legacyV() {
    return 27 + yParity;
  }

  /** The 65-byte {@code r ‖ s ‖ yParity} form (as signed block gossip and many wallets write it). */
  public byte[] toBytes() {
    byte[] out = new byte[65];
    Secp256k1.writeWord(r, out, 0);
    Secp256k1.writeWord(s, out, 32);
    out[64] = (byte) yParity;
    return out;
  }
}
