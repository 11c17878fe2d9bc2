package dev.opsim.evm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.precompile.PointEvaluationPrecompile;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hex;
import ethereum.ckzg4844.CKZG4844JNI;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The mainnet trusted setup checked against a real blob: {@code op/blobs/verify_blob.txt} with the commitment,
 * proof and versioned hash its README states (hildr's {@code BeaconBlobFetcherTest.verifyBlobSidecars}).
 */
class KzgTest {
  private static final byte[] BLOB = Hex.decode(Fixtures.text("op/blobs/verify_blob.txt"));
  private static final byte[] COMMITMENT = Hex.decode(
      "0x8fa54464cc0e8239eece0aaece71c0a77c3982458c90e23cf7d76047e4bc18ca53b9db993ea7c3f9c46e02a3e18c6f3f");
  private static final byte[] PROOF = Hex.decode(
      "0x86d8f4e5064978a200d4b3f14433f9027b3e9fbcadf9c55cba620f188b2bb478716b0ca0fc3baa9127078696a3fc52c1");
  private static final String VERSIONED_HASH = "0x0117c47bf5c7f09ff5bf881d102ed3896050fdd3eccda6f46d94698d77b20331";

  @Test
  void fixtureBlobHasTheStatedCommitment() {
    assertEquals(Kzg.BYTES_PER_BLOB, BLOB.length);
    assertArrayEquals(COMMITMENT, Kzg.blobToCommitment(BLOB));
  }

  @Test
  void fixtureBlobProofVerifies() {
    assertTrue(Kzg.verifyBlobKzgProof(BLOB, COMMITMENT, PROOF));
  }

  @Test
  void alteredBlobOrProofDoesNotVerify() {
    byte[] blob = BLOB.clone();
    blob[1000] ^= 1;
    assertFalse(Kzg.verifyBlobKzgProof(blob, COMMITMENT, PROOF));
    byte[] proof = PROOF.clone();
    proof[47] ^= 1;
    assertFalse(Kzg.verifyBlobKzgProof(BLOB, COMMITMENT, proof));
    assertFalse(Kzg.verifyBlobKzgProof(new byte[10], COMMITMENT, PROOF));
  }

  @Test
  void fixtureVersionedHash() {
    assertEquals(VERSIONED_HASH, Hex.encode(PointEvaluationPrecompile.kzgToVersionedHash(COMMITMENT)));
  }

  @Test
  void computedOpeningOfTheFixtureBlobVerifiesAndAWrongValueDoesNot() {
    byte[] z = new byte[32];
    z[31] = 42;
    Kzg.ProofAndValue opening = Kzg.computeKzgProof(BLOB, z);
    assertTrue(Kzg.verifyKzgProof(COMMITMENT, z, opening.y(), opening.proof()));
    byte[] otherY = opening.y();
    otherY[31] ^= 1;
    assertFalse(Kzg.verifyKzgProof(COMMITMENT, z, otherY, opening.proof()));
  }

  @Test
  void malformedArgumentsAreFalseNotExceptions() {
    byte[] z = new byte[32];
    assertFalse(Kzg.verifyKzgProof(new byte[47], z, z, PROOF));
    assertFalse(Kzg.verifyKzgProof(new byte[48], z, z, PROOF)); // all-zero bytes are no G1 encoding
    byte[] nonCanonical = new byte[32];
    Arrays.fill(nonCanonical, (byte) 0xff);
    assertFalse(Kzg.verifyKzgProof(COMMITMENT, nonCanonical, z, PROOF));
    assertThrows(IllegalArgumentException.class, () -> Kzg.blobToCommitment(new byte[5]));
  }

  @Test
  void constantsMatchEip4844AndTheLibrary() {
    // EIP-4844 "Parameters": BLS_MODULUS and FIELD_ELEMENTS_PER_BLOB.
    assertEquals(new BigInteger("52435875175126190479447740508185965837690552500527637822603658699938581184513"),
        Kzg.BLS_MODULUS);
    assertEquals(CKZG4844JNI.BLS_MODULUS, Kzg.BLS_MODULUS);
    assertEquals(CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB, Kzg.FIELD_ELEMENTS_PER_BLOB);
    assertEquals(4096, Kzg.FIELD_ELEMENTS_PER_BLOB);
  }
}
