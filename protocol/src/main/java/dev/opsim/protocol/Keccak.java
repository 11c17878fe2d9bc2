package dev.opsim.protocol;

import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.jcajce.provider.digest.Keccak.Digest256;

/** Keccak-256 as Ethereum uses it (the original padding, not NIST SHA3-256). */
public final class Keccak {
  private Keccak() {}

  public static Hash hash(byte[] data) {
    Digest256 digest = new Digest256();
    return Hash.wrap(digest.digest(data));
  }

  public static Hash hash(Bytes data) {
    return hash(data.toArrayUnsafe());
  }

  /** Hash of the concatenation of the parts, without building the concatenation. */
  public static Hash hash(byte[]... parts) {
    Digest256 digest = new Digest256();
    for (byte[] p : parts) {
      digest.update(p);
    }
    return Hash.wrap(digest.digest());
  }
}
