package dev.opsim.evm.crypto;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * secp256k1 as Ethereum uses it: deterministic signing (RFC 6979 nonces, low s), public key recovery from a
 * message hash and a signature, and the address of a key ({@code keccak256(x ‖ y)[12:]}, yellow paper appendix F).
 * Public keys are the 64-byte {@code x ‖ y} form, without the SEC1 {@code 0x04} prefix.
 */
public final class Secp256k1 {
  private static final X9ECParameters CURVE_PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(
      CURVE_PARAMS.getCurve(), CURVE_PARAMS.getG(), CURVE_PARAMS.getN(), CURVE_PARAMS.getH());

  /** The group order n. */
  public static final BigInteger N = CURVE_PARAMS.getN();
  /** n / 2: EIP-2 requires transaction signatures to have {@code s <= HALF_N}. */
  public static final BigInteger HALF_N = N.shiftRight(1);

  public static final int PUBLIC_KEY_SIZE = 64;
  public static final int SECRET_KEY_SIZE = 32;
  public static final int HASH_SIZE = 32;

  private static final BigInteger LEGACY_V_BASE = BigInteger.valueOf(27);
  private static final BigInteger EIP155_V_BASE = BigInteger.valueOf(35);

  private Secp256k1() {}

  /**
   * Signs a 32-byte message hash with RFC 6979 deterministic nonces and normalises to low s (EIP-2), flipping
   * the recovery id accordingly, as Ethereum signers do.
   *
   * @throws IllegalArgumentException when the hash is not 32 bytes or the key is not in [1, n-1]
   */
  public static Signature sign(byte[] hash, byte[] secretKey) {
    requireHash(hash);
    BigInteger d = secretScalar(secretKey);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash);
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    if (s.compareTo(HALF_N) > 0) {
      s = N.subtract(s);
    }
    byte[] publicKey = publicKeyOf(d);
    for (int yParity = 0; yParity <= 1; yParity++) {
      Optional<byte[]> recovered = recoverPublicKey(hash, yParity, r, s);
      if (recovered.isPresent() && Arrays.equals(recovered.get(), publicKey)) {
        return new Signature(yParity, r, s);
      }
    }
    // Only reachable if R's x coordinate exceeds n (probability ~2^-128): Ethereum's v cannot express that.
    throw new IllegalStateException("signature has no Ethereum recovery id (r's point has x >= n)");
  }

  public static Signature sign(Hash hash, byte[] secretKey) {
    return sign(hash.bytes().toArrayUnsafe(), secretKey);
  }

  /**
   * Recovers the 64-byte public key that produced {@code (yParity, r, s)} over {@code hash} (SEC 1 v2 section
   * 4.1.6, with x = r since Ethereum's recovery id carries only the y parity). Empty when the signature is not
   * valid for any key: r or s outside [1, n-1], yParity not 0/1, r not the x of a curve point, or the result is
   * the point at infinity. Accepts high s: callers that need EIP-2 check {@link #isLowS} themselves.
   */
  public static Optional<byte[]> recoverPublicKey(byte[] hash, int yParity, BigInteger r, BigInteger s) {
    if (hash == null || hash.length != HASH_SIZE || (yParity != 0 && yParity != 1)
        || !inScalarRange(r) || !inScalarRange(s)) {
      return Optional.empty();
    }
    ECPoint bigR;
    try {
      byte[] compressed = new byte[33];
      compressed[0] = (byte) (0x02 + yParity);
      writeWord(r, compressed, 1);
      bigR = DOMAIN.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, hash);
    BigInteger rInverse = r.modInverse(N);
    BigInteger u1 = N.subtract(e).multiply(rInverse).mod(N);
    BigInteger u2 = s.multiply(rInverse).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(uncompressedWithoutPrefix(q));
  }

  public static Optional<byte[]> recoverPublicKey(byte[] hash, Signature signature) {
    return recoverPublicKey(hash, signature.yParity(), signature.r(), signature.s());
  }

  /** The address of the key recovered by {@link #recoverPublicKey}; empty when recovery fails. */
  public static Optional<Address> recoverAddress(byte[] hash, int yParity, BigInteger r, BigInteger s) {
    return recoverPublicKey(hash, yParity, r, s).map(Secp256k1::addressOfPublicKey);
  }

  public static Optional<Address> recoverAddress(Hash hash, Signature signature) {
    return recoverAddress(hash.bytes().toArrayUnsafe(), signature.yParity(), signature.r(), signature.s());
  }

  /** The 64-byte {@code x ‖ y} public key of a 32-byte secret key. */
  public static byte[] publicKeyOf(byte[] secretKey) {
    return publicKeyOf(secretScalar(secretKey));
  }

  /** The address of a 32-byte secret key (what a state test's {@code secretKey} sends from). */
  public static Address addressOf(byte[] secretKey) {
    return addressOfPublicKey(publicKeyOf(secretKey));
  }

  /** {@code keccak256(publicKey)[12:]} of a 64-byte {@code x ‖ y} public key. */
  public static Address addressOfPublicKey(byte[] publicKey) {
    if (publicKey == null || publicKey.length != PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException("a public key is 64 bytes (x ‖ y), got "
          + (publicKey == null ? "null" : publicKey.length));
    }
    byte[] hash = Keccak.hash(publicKey).bytes().toArrayUnsafe();
    return Address.wrap(Arrays.copyOfRange(hash, 12, 32));
  }

  /** EIP-2: {@code s <= n/2}. Transactions from Homestead on must satisfy it; ecrecover does not ask it. */
  public static boolean isLowS(BigInteger s) {
    return s.signum() > 0 && s.compareTo(HALF_N) <= 0;
  }

  /** Whether a 32-byte array is a usable secret key, i.e. in [1, n-1]. */
  public static boolean isValidSecretKey(byte[] secretKey) {
    return secretKey != null && secretKey.length == SECRET_KEY_SIZE && inScalarRange(new BigInteger(1, secretKey));
  }

  /**
   * The y parity of a legacy transaction's {@code v}: 27/28, or EIP-155's {@code chainId * 2 + 35/36}.
   * Empty for any other value.
   */
  public static OptionalInt legacyYParity(BigInteger v) {
    if (v.equals(LEGACY_V_BASE) || v.equals(LEGACY_V_BASE.add(BigInteger.ONE))) {
      return OptionalInt.of(v.intValue() - 27);
    }
    if (v.compareTo(EIP155_V_BASE) >= 0) {
      return OptionalInt.of(v.subtract(EIP155_V_BASE).testBit(0) ? 1 : 0);
    }
    return OptionalInt.empty();
  }

  /** The chain id an EIP-155 {@code v} commits to ({@code (v - 35) / 2}); empty for 27/28 and other values. */
  public static Optional<BigInteger> legacyChainId(BigInteger v) {
    if (v.compareTo(EIP155_V_BASE) < 0) {
      return Optional.empty();
    }
    return Optional.of(v.subtract(EIP155_V_BASE).shiftRight(1));
  }

  static void writeWord(BigInteger value, byte[] out, int offset) {
    byte[] raw = value.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, offset + 32 - len, len);
  }

  private static boolean inScalarRange(BigInteger value) {
    return value != null && value.signum() > 0 && value.compareTo(N) < 0;
  }

  private static void requireHash(byte[] hash) {
    if (hash == null || hash.length != HASH_SIZE) {
      throw new IllegalArgumentException("a message hash is 32 bytes, got " + (hash == null ? "null" : hash.length));
    }
  }

  private static BigInteger secretScalar(byte[] secretKey) {
    if (!isValidSecretKey(secretKey)) {
      throw new IllegalArgumentException("a secret key is 32 bytes with a value in [1, n-1]");
    }
    return new BigInteger(1, secretKey);
  }

  private static byte[] publicKeyOf(BigInteger d) {
    ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    return uncompressedWithoutPrefix(q);
  }

  private static byte[] uncompressedWithoutPrefix(ECPoint point) {
    byte[] encoded = point.getEncoded(false);
    return Arrays.copyOfRange(encoded, 1, encoded.length);
  }
}
