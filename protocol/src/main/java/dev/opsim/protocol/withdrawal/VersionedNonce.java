package dev.opsim.protocol.withdrawal;

import java.math.BigInteger;

/**
 * A messenger nonce with its message version in the top 16 bits: {@code version << 240 | nonce}
 * (protocol-reference 9.2). Version 0 marks migrated pre-Bedrock messages, version 1 is current.
 */
public record VersionedNonce(int version, BigInteger nonce) {
  public static final int VERSION_LEGACY = 0;
  public static final int VERSION_CURRENT = 1;
  public static final int MAX_VERSION = 0xFFFF;
  private static final int NONCE_BITS = 240;
  public static final BigInteger MAX_NONCE = BigInteger.ONE.shiftLeft(NONCE_BITS).subtract(BigInteger.ONE);

  public VersionedNonce {
    if (version < 0 || version > MAX_VERSION) {
      throw new IllegalArgumentException("message version is a uint16, got " + version);
    }
    if (nonce == null || nonce.signum() < 0 || nonce.compareTo(MAX_NONCE) > 0) {
      throw new IllegalArgumentException("nonce must fit 240 bits, got " + nonce);
    }
  }

  /** {@code version << 240 | nonce}, a uint256. */
  public BigInteger encode() {
    return BigInteger.valueOf(version).shiftLeft(NONCE_BITS).or(nonce);
  }

  /** Splits a uint256 into version (top 16 bits) and nonce (low 240 bits); every uint256 is valid. */
  public static VersionedNonce decode(BigInteger versionedNonce) {
    Abi.requireUint256("versioned nonce", versionedNonce);
    return new VersionedNonce(versionedNonce.shiftRight(NONCE_BITS).intValueExact(), versionedNonce.and(MAX_NONCE));
  }

  /** The version of an encoded nonce. */
  public static int versionOf(BigInteger versionedNonce) {
    return decode(versionedNonce).version();
  }
}
