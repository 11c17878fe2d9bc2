package dev.opsim.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.crypto.Kzg;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hex;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PointEvaluationPrecompileTest {
  private final PointEvaluationPrecompile pointEvaluation = new PointEvaluationPrecompile();

  /** EIP-4844: {@code FIELD_ELEMENTS_PER_BLOB} (4096) and {@code BLS_MODULUS} as two big-endian words. */
  private static final String SUCCESS_OUTPUT = "0x"
      + "0000000000000000000000000000000000000000000000000000000000001000"
      + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

  /** The point at infinity (compressed G1 encoding): the commitment of the zero polynomial, and its proof. */
  private static final byte[] INFINITY = infinity();

  private static final String EXTERNAL_VECTORS =
      "ethereum-tests/GeneralStateTests/Pyspecs/cancun/eip4844_blobs/point_evaluation_precompile_external_vectors.json";

  private static byte[] infinity() {
    byte[] point = new byte[48];
    point[0] = (byte) 0xc0;
    return point;
  }

  private static byte[] input(byte[] versionedHash, byte[] z, byte[] y, byte[] commitment, byte[] proof) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(versionedHash);
    out.writeBytes(z);
    out.writeBytes(y);
    out.writeBytes(commitment);
    out.writeBytes(proof);
    return out.toByteArray();
  }

  private static byte[] input(byte[] z, byte[] y, byte[] commitment, byte[] proof) {
    return input(PointEvaluationPrecompile.kzgToVersionedHash(commitment), z, y, commitment, proof);
  }

  /**
   * The go-kzg-4844 {@code verify_kzg_proof} vectors as execution-spec-tests feed them to this precompile (the
   * 192-byte call data of each test). The case name states the outcome: {@code correct_proof} succeeds, every
   * {@code incorrect_*} and {@code invalid_*} case fails.
   */
  static Stream<Arguments> externalVectors() {
    String json = Fixtures.text(EXTERNAL_VECTORS);
    Pattern test = Pattern.compile("verify_kzg_proof_(case_[A-Za-z0-9_]+)\\]\"\\s*:\\s*\\{");
    Pattern data = Pattern.compile("\"data\"\\s*:\\s*\\[\\s*\"(0x[0-9a-fA-F]*)\"");
    List<Arguments> cases = new ArrayList<>();
    Matcher names = test.matcher(json);
    while (names.find()) {
      Matcher callData = data.matcher(json);
      if (!callData.find(names.end())) {
        throw new IllegalStateException("no call data after " + names.group(1));
      }
      cases.add(Arguments.of(names.group(1), callData.group(1)));
    }
    if (cases.size() != 122) {
      throw new IllegalStateException("expected the file's 122 vectors, found " + cases.size());
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("externalVectors")
  void externalVector(String name, String callData) {
    byte[] output = pointEvaluation.compute(Hex.decode(callData));
    if (name.startsWith("case_correct_proof")) {
      assertEquals(SUCCESS_OUTPUT, output == null ? null : Hex.encode(output));
    } else {
      assertTrue(name.startsWith("case_incorrect_") || name.startsWith("case_invalid_"), name);
      assertNull(output);
    }
  }

  @Test
  void zeroPolynomialOpensToZeroEverywhere() {
    byte[] z = new byte[32];
    z[31] = 7;
    assertEquals(SUCCESS_OUTPUT, Hex.encode(pointEvaluation.compute(input(z, new byte[32], INFINITY, INFINITY))));
    byte[] y = new byte[32];
    y[31] = 1;
    assertNull(pointEvaluation.compute(input(z, y, INFINITY, INFINITY)));
  }

  @Test
  void openingOfTheFixtureBlobSucceeds() {
    byte[] blob = Hex.decode(Fixtures.text("op/blobs/verify_blob.txt"));
    byte[] commitment = Kzg.blobToCommitment(blob);
    byte[] z = Hex.decode("0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    Kzg.ProofAndValue opening = Kzg.computeKzgProof(blob, z);
    assertEquals(SUCCESS_OUTPUT, Hex.encode(pointEvaluation.compute(input(z, opening.y(), commitment, opening.proof()))));
  }

  @Test
  void versionedHashMustCarryVersionOneAndMatchTheCommitment() {
    byte[] z = new byte[32];
    byte[] valid = input(z, new byte[32], INFINITY, INFINITY);
    byte[] wrongVersion = valid.clone();
    wrongVersion[0] = 0x02;
    assertNull(pointEvaluation.compute(wrongVersion));
    byte[] wrongHash = valid.clone();
    wrongHash[31] ^= 1;
    assertNull(pointEvaluation.compute(wrongHash));
  }

  @Test
  void inputMustBeExactly192Bytes() {
    byte[] valid = input(new byte[32], new byte[32], INFINITY, INFINITY);
    assertArrayEquals(Hex.decode(SUCCESS_OUTPUT), pointEvaluation.compute(valid));
    assertNull(pointEvaluation.compute(new byte[0]));
    assertNull(pointEvaluation.compute(Arrays.copyOf(valid, 191)));
    assertNull(pointEvaluation.compute(Arrays.copyOf(valid, 193)));
  }

  @Test
  void gasIsFlat() {
    assertEquals(50_000, pointEvaluation.gasCost(new byte[0]));
    assertEquals(50_000, pointEvaluation.gasCost(new byte[192]));
    assertEquals(50_000, pointEvaluation.gasCost(new byte[10_000]));
  }

  @Property(tries = 100)
  void randomInputsNeverThrow(@ForAll byte[] input) {
    pointEvaluation.compute(input);
  }

  @Property(tries = 100)
  void randomPointsWithMatchingVersionedHashNeverThrow(@ForAll("bytes48") byte[] commitment,
      @ForAll("bytes48") byte[] proof, @ForAll("bytes32") byte[] z, @ForAll("bytes32") byte[] y) {
    byte[] out = pointEvaluation.compute(input(z, y, commitment, proof));
    assertTrue(out == null || Hex.encode(out).equals(SUCCESS_OUTPUT));
  }

  @Provide
  Arbitrary<byte[]> bytes48() {
    return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(48), Arbitraries.just(INFINITY));
  }

  @Provide
  Arbitrary<byte[]> bytes32() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }
}
