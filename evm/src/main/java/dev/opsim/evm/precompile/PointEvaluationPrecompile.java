package dev.opsim.evm.precompile;

import dev.opsim.evm.crypto.Kzg;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * 0x0a POINT_EVALUATION (EIP-4844): input {@code versioned_hash(32) ‖ z(32) ‖ y(32) ‖ commitment(48) ‖ proof(48)},
 * exactly 192 bytes. Succeeds when the versioned hash is {@code 0x01 ‖ sha256(commitment)[1:]} and the proof
 * verifies, returning {@code FIELD_ELEMENTS_PER_BLOB ‖ BLS_MODULUS} as two 32-byte words; fails otherwise.
 * 50000 gas whatever the input.
 *
 * <p>The first call loads the KZG trusted setup ({@link Kzg}); if this platform cannot load it, compute throws
 * {@link IllegalStateException}: failing the call instead would silently fork from the chain.
 */
public final class PointEvaluationPrecompile implements PrecompiledContract {
  static final long GAS = 50_000;
  static final int INPUT_LENGTH = 192;
  static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
  private static final byte[] RETURN_VALUE = returnValue();

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] compute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return null;
    }
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    if (!Arrays.equals(versionedHash, kzgToVersionedHash(commitment))) {
      return null;
    }
    if (!Kzg.verifyKzgProof(commitment, z, y, proof)) {
      return null;
    }
    return RETURN_VALUE.clone();
  }

  /** EIP-4844 {@code kzg_to_versioned_hash}: {@code 0x01 ‖ sha256(commitment)[1:]}. */
  public static byte[] kzgToVersionedHash(byte[] commitment) {
    byte[] hash = sha256(commitment);
    hash[0] = VERSIONED_HASH_VERSION_KZG;
    return hash;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static byte[] returnValue() {
    byte[] out = new byte[64];
    byte[] count = BigInteger.valueOf(Kzg.FIELD_ELEMENTS_PER_BLOB).toByteArray();
    System.arraycopy(count, 0, out, 32 - count.length, count.length);
    byte[] modulus = Kzg.BLS_MODULUS.toByteArray();
    int length = Math.min(modulus.length, 32);
    System.arraycopy(modulus, modulus.length - length, out, 64 - length, length);
    return out;
  }
}
