package dev.opsim.evm.crypto;

import ethereum.ckzg4844.CKZG4844JNI;
import java.math.BigInteger;

/**
 * EIP-4844 KZG operations over C-KZG-4844 (jc-kzg-4844), with the mainnet trusted setup of the Ethereum KZG
 * ceremony loaded lazily, once per JVM, from the resource {@value #TRUSTED_SETUP_RESOURCE} (see the NOTICE.md
 * beside it). The native library keeps one global setup, so everything in the JVM that needs KZG must come
 * through this class. Loading takes a few seconds; it happens on first use.
 */
public final class Kzg {
  public static final String TRUSTED_SETUP_RESOURCE = "/dev/opsim/evm/crypto/kzg/trusted_setup_mainnet.txt";
  public static final int FIELD_ELEMENTS_PER_BLOB = 4096;
  public static final int BYTES_PER_BLOB = FIELD_ELEMENTS_PER_BLOB * 32;
  public static final int BYTES_PER_COMMITMENT = 48;
  public static final int BYTES_PER_PROOF = 48;
  public static final int BYTES_PER_FIELD_ELEMENT = 32;
  /** The BLS12-381 scalar field modulus (EIP-4844 {@code BLS_MODULUS}). */
  public static final BigInteger BLS_MODULUS = new BigInteger(
      "52435875175126190479447740508185965837690552500527637822603658699938581184513");

  private Kzg() {}

  /**
   * Loads the native library and the trusted setup if not done yet; thread-safe and idempotent.
   *
   * @throws IllegalStateException when the native library or the setup cannot be loaded (this platform has no
   *     native build, or the resource is missing); every later call reports the same failure
   */
  public static void ensureLoaded() {
    RuntimeException failure = Setup.FAILURE;
    if (failure != null) {
      throw new IllegalStateException("KZG is unavailable: " + failure.getMessage(), failure);
    }
  }

  /**
   * EIP-4844 {@code verify_kzg_proof}: whether {@code proof} shows that the polynomial committed to by
   * {@code commitment} evaluates to {@code y} at {@code z}. False for any malformed argument (wrong length,
   * z or y not a canonical field element, a commitment or proof that is not a valid G1 point).
   */
  public static boolean verifyKzgProof(byte[] commitment, byte[] z, byte[] y, byte[] proof) {
    ensureLoaded();
    if (commitment.length != BYTES_PER_COMMITMENT || z.length != BYTES_PER_FIELD_ELEMENT
        || y.length != BYTES_PER_FIELD_ELEMENT || proof.length != BYTES_PER_PROOF) {
      return false;
    }
    try {
      return CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
    } catch (RuntimeException badArguments) {
      // CKZGException (C_KZG_BADARGS): a non-canonical scalar or a byte string that is not a G1 point.
      return false;
    }
  }

  /** EIP-4844 {@code verify_blob_kzg_proof}; false for any malformed argument. */
  public static boolean verifyBlobKzgProof(byte[] blob, byte[] commitment, byte[] proof) {
    ensureLoaded();
    if (blob.length != BYTES_PER_BLOB || commitment.length != BYTES_PER_COMMITMENT
        || proof.length != BYTES_PER_PROOF) {
      return false;
    }
    try {
      return CKZG4844JNI.verifyBlobKzgProof(blob, commitment, proof);
    } catch (RuntimeException badArguments) {
      return false;
    }
  }

  /**
   * EIP-4844 {@code blob_to_kzg_commitment}.
   *
   * @throws IllegalArgumentException when the blob is not 131072 bytes of canonical field elements
   */
  public static byte[] blobToCommitment(byte[] blob) {
    ensureLoaded();
    if (blob.length != BYTES_PER_BLOB) {
      throw new IllegalArgumentException("a blob is " + BYTES_PER_BLOB + " bytes, got " + blob.length);
    }
    try {
      return CKZG4844JNI.blobToKzgCommitment(blob);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a blob of canonical field elements: " + e.getMessage(), e);
    }
  }

  /**
   * EIP-4844 {@code compute_kzg_proof}: the proof for the blob's polynomial at {@code z}, and its value y there.
   *
   * @throws IllegalArgumentException when the blob or z is malformed
   */
  public static ProofAndValue computeKzgProof(byte[] blob, byte[] z) {
    ensureLoaded();
    if (blob.length != BYTES_PER_BLOB || z.length != BYTES_PER_FIELD_ELEMENT) {
      throw new IllegalArgumentException("a blob is " + BYTES_PER_BLOB + " bytes and z 32, got "
          + blob.length + " and " + z.length);
    }
    try {
      var result = CKZG4844JNI.computeKzgProof(blob, z);
      return new ProofAndValue(result.getProof(), result.getY());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot compute a KZG proof: " + e.getMessage(), e);
    }
  }

  /** A KZG opening proof and the evaluation it proves. */
  public record ProofAndValue(byte[] proof, byte[] y) {
    public ProofAndValue {
      proof = proof.clone();
      y = y.clone();
    }

    @Override
    public byte[] proof() {
      return proof.clone();
    }

    @Override
    public byte[] y() {
      return y.clone();
    }
  }

  /** Initialised by the JVM on first use of {@link #ensureLoaded}, which makes the load happen exactly once. */
  private static final class Setup {
    static final RuntimeException FAILURE = load();

    private static RuntimeException load() {
      try {
        CKZG4844JNI.loadNativeLibrary();
        if (Kzg.class.getResource(TRUSTED_SETUP_RESOURCE) == null) {
          return new IllegalStateException("trusted setup resource " + TRUSTED_SETUP_RESOURCE + " is missing");
        }
        // Precompute 0: we only verify, and the precomputation tables only speed up cell proofs (EIP-7594).
        CKZG4844JNI.loadTrustedSetupFromResource(TRUSTED_SETUP_RESOURCE, Kzg.class, 0);
        return null;
      } catch (RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("already loaded")) {
          // Someone bypassed this class and loaded a setup first; EIP-4844 has one setup, so use theirs.
          return null;
        }
        return new IllegalStateException(message, e);
      } catch (UnsatisfiedLinkError e) {
        return new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
      }
    }
  }
}
