package dev.opsim.evm.precompile.bn254;

import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.P;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.R;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.concat;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.encode;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.g1Multiple;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.g2Generator;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.g2Multiple;
import static dev.opsim.evm.precompile.bn254.Bn254TestSupport.word;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.opsim.evm.precompile.bn254.Bn254Result.Failure;
import dev.opsim.evm.precompile.bn254.Bn254Result.Reason;
import dev.opsim.evm.precompile.bn254.Bn254Result.Success;
import dev.opsim.evm.precompile.bn254.Bn254TestSupport.RefPoint;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The precompiles through their byte interface, against EIP-196, EIP-197 and EIP-1108. */
class Bn254PrecompilesTest {
  private static final byte[] G1 = concat(word(BigInteger.ONE), word(BigInteger.TWO));
  private static final byte[] G1_INFINITY = new byte[64];
  private static final byte[] G2 = concat(
      word(Bn254TestSupport.G2_X_IM), word(Bn254TestSupport.G2_X_RE),
      word(Bn254TestSupport.G2_Y_IM), word(Bn254TestSupport.G2_Y_RE));
  private static final byte[] G2_INFINITY = new byte[128];
  private static final byte[] TRUE = word(BigInteger.ONE);
  private static final byte[] FALSE = new byte[32];

  private static byte[] output(Bn254Result result) {
    return assertInstanceOf(Success.class, result).output();
  }

  private static Reason failure(Bn254Result result) {
    return assertInstanceOf(Failure.class, result).reason();
  }

  private static byte[] mulInput(byte[] point, BigInteger scalar) {
    return concat(point, word(scalar));
  }

  private static byte[] ref(BigInteger k) {
    return RefPoint.encode(RefPoint.multiply(RefPoint.GENERATOR, k));
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Bn254TestSupport.scalars();
  }

  @Provide
  Arbitrary<BigInteger> uint256s() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
  }

  // ---- gas (EIP-1108)

  @Test
  void gasFollowsEip1108() {
    assertEquals(150, Bn254Precompiles.addGas(new byte[0]));
    assertEquals(6_000, Bn254Precompiles.mulGas(new byte[96]));
    assertEquals(45_000, Bn254Precompiles.pairingGas(new byte[0]));
    assertEquals(45_000 + 34_000, Bn254Precompiles.pairingGas(new byte[192]));
    assertEquals(45_000 + 2 * 34_000, Bn254Precompiles.pairingGas(new byte[384]));
    assertEquals(45_000, Bn254Precompiles.pairingGas(new byte[191]));
  }

  // ---- ecAdd (EIP-196)

  @Test
  void addOfTheGeneratorToItselfIsTheAffineDouble() {
    assertArrayEquals(ref(BigInteger.TWO), output(Bn254Precompiles.add(concat(G1, G1))));
  }

  @Test
  void addTreatsZeroZeroAsTheIdentity() {
    assertArrayEquals(G1, output(Bn254Precompiles.add(concat(G1, G1_INFINITY))));
    assertArrayEquals(G1, output(Bn254Precompiles.add(concat(G1_INFINITY, G1))));
    assertArrayEquals(new byte[64], output(Bn254Precompiles.add(new byte[128])));
  }

  @Test
  void addPadsShortInputAndIgnoresBytesBeyond128() {
    assertArrayEquals(new byte[64], output(Bn254Precompiles.add(new byte[0])));
    assertArrayEquals(G1, output(Bn254Precompiles.add(G1)));
    byte[] longInput = concat(G1, G1, new byte[] {(byte) 0xff, 0x12, 0x34});
    assertArrayEquals(ref(BigInteger.TWO), output(Bn254Precompiles.add(longInput)));
    // the second point (1, 2) loses its last byte: y is padded back to 0, and (1, 0) is off the curve
    assertEquals(Reason.NOT_ON_CURVE, failure(Bn254Precompiles.add(concat(new byte[64], Arrays.copyOf(G1, 63)))));
  }

  @Test
  void addOfAPointAndItsNegationIsTheIdentity() {
    byte[] negG = concat(word(BigInteger.ONE), word(P.subtract(BigInteger.TWO)));
    assertArrayEquals(new byte[64], output(Bn254Precompiles.add(concat(G1, negG))));
  }

  @Test
  void addRejectsPointsOffTheCurveAndCoordinatesOutsideTheField() {
    byte[] offCurve = concat(word(BigInteger.ONE), word(BigInteger.valueOf(3)));
    assertEquals(Reason.NOT_ON_CURVE, failure(Bn254Precompiles.add(concat(G1, offCurve))));
    assertEquals(Reason.NOT_ON_CURVE, failure(Bn254Precompiles.add(concat(offCurve, G1_INFINITY))));
    // (0, 0) is the identity, but (0, y) for other y is an ordinary candidate point: (0, 1) is off the curve.
    byte[] zeroOne = concat(word(BigInteger.ZERO), word(BigInteger.ONE));
    assertEquals(Reason.NOT_ON_CURVE, failure(Bn254Precompiles.add(concat(zeroOne, G1))));
    // x = p + 1 would be x = 1 after reduction; it must be rejected, not reduced
    byte[] unreduced = concat(word(P.add(BigInteger.ONE)), word(BigInteger.TWO));
    assertEquals(Reason.COORDINATE_NOT_IN_FIELD, failure(Bn254Precompiles.add(concat(G1, unreduced))));
    byte[] yIsP = concat(word(BigInteger.ZERO), word(P));
    assertEquals(Reason.COORDINATE_NOT_IN_FIELD, failure(Bn254Precompiles.add(concat(yIsP, G1))));
  }

  @Property(tries = 30)
  void addIsCommutativeAndAssociativeAndMatchesTheReference(
      @ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b, @ForAll("scalars") BigInteger c) {
    byte[] pa = ref(a);
    byte[] pb = ref(b);
    byte[] pc = ref(c);
    byte[] ab = output(Bn254Precompiles.add(concat(pa, pb)));
    assertArrayEquals(ref(a.add(b)), ab);
    assertArrayEquals(ab, output(Bn254Precompiles.add(concat(pb, pa))));
    byte[] bc = output(Bn254Precompiles.add(concat(pb, pc)));
    assertArrayEquals(output(Bn254Precompiles.add(concat(ab, pc))), output(Bn254Precompiles.add(concat(pa, bc))));
  }

  // ---- ecMul (EIP-196)

  @Test
  void mulEdgeScalars() {
    assertArrayEquals(new byte[64], output(Bn254Precompiles.mul(mulInput(G1, BigInteger.ZERO))));
    assertArrayEquals(G1, output(Bn254Precompiles.mul(mulInput(G1, BigInteger.ONE))));
    assertArrayEquals(output(Bn254Precompiles.add(concat(G1, G1))),
        output(Bn254Precompiles.mul(mulInput(G1, BigInteger.TWO))));
    assertArrayEquals(new byte[64], output(Bn254Precompiles.mul(mulInput(G1, R))));
    assertArrayEquals(G1, output(Bn254Precompiles.mul(mulInput(G1, R.add(BigInteger.ONE)))));
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertArrayEquals(ref(max.mod(R)), output(Bn254Precompiles.mul(mulInput(G1, max))));
    assertArrayEquals(new byte[64], output(Bn254Precompiles.mul(mulInput(G1_INFINITY, max))));
  }

  @Test
  void mulPadsShortInputAndIgnoresBytesBeyond96() {
    assertArrayEquals(new byte[64], output(Bn254Precompiles.mul(new byte[0])));
    assertArrayEquals(new byte[64], output(Bn254Precompiles.mul(G1)));
    // 80 bytes: the scalar's top 16 bytes are 0x00..01, the rest padded: k = 2^128
    byte[] eighty = concat(G1, Arrays.copyOf(word(BigInteger.ONE.shiftLeft(128)), 16));
    assertArrayEquals(ref(BigInteger.ONE.shiftLeft(128)), output(Bn254Precompiles.mul(eighty)));
    byte[] longer = concat(mulInput(G1, BigInteger.valueOf(9)), new byte[] {1, 2, 3, 4});
    assertArrayEquals(ref(BigInteger.valueOf(9)), output(Bn254Precompiles.mul(longer)));
  }

  @Test
  void mulRejectsInvalidPoints() {
    byte[] offCurve = concat(word(BigInteger.ONE), word(BigInteger.valueOf(3)));
    assertEquals(Reason.NOT_ON_CURVE, failure(Bn254Precompiles.mul(mulInput(offCurve, BigInteger.ZERO))));
    byte[] xIsP = concat(word(P), word(BigInteger.TWO));
    assertEquals(Reason.COORDINATE_NOT_IN_FIELD, failure(Bn254Precompiles.mul(mulInput(xIsP, BigInteger.ONE))));
  }

  @Property(tries = 30)
  void mulMatchesTheReferenceForAnyUint256(@ForAll("uint256s") BigInteger k) {
    assertArrayEquals(ref(k.mod(R)), output(Bn254Precompiles.mul(mulInput(G1, k))));
  }

  @Property(tries = 30)
  void mulDistributesOverScalarAddition(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b,
      @ForAll("scalars") BigInteger base) {
    byte[] point = ref(base);
    byte[] sum = output(Bn254Precompiles.add(concat(
        output(Bn254Precompiles.mul(mulInput(point, a))), output(Bn254Precompiles.mul(mulInput(point, b))))));
    assertArrayEquals(output(Bn254Precompiles.mul(mulInput(point, a.add(b).mod(R)))), sum);
    // n·P = O for the group order n, and (n - 1)·P = -P
    assertArrayEquals(new byte[64], output(Bn254Precompiles.mul(mulInput(point, R))));
    byte[] minus = output(Bn254Precompiles.mul(mulInput(point, R.subtract(BigInteger.ONE))));
    assertArrayEquals(new byte[64], output(Bn254Precompiles.add(concat(point, minus))));
  }

  @Property(tries = 10)
  void mulIsRepeatedAddition(@ForAll @IntRange(min = 0, max = 25) int k, @ForAll("scalars") BigInteger base) {
    byte[] point = ref(base);
    byte[] sum = new byte[64];
    for (int i = 0; i < k; i++) {
      sum = output(Bn254Precompiles.add(concat(sum, point)));
    }
    assertArrayEquals(sum, output(Bn254Precompiles.mul(mulInput(point, BigInteger.valueOf(k)))));
  }

  // ---- ecPairing (EIP-197)

  @Test
  void emptyInputIsTheEmptyProductOne() {
    assertArrayEquals(TRUE, output(Bn254Precompiles.pairing(new byte[0])));
  }

  @Test
  void singlePairOfGeneratorsIsNotOneAndInfinityPairsAre() {
    assertArrayEquals(FALSE, output(Bn254Precompiles.pairing(concat(G1, G2))));
    assertArrayEquals(TRUE, output(Bn254Precompiles.pairing(concat(G1_INFINITY, G2))));
    assertArrayEquals(TRUE, output(Bn254Precompiles.pairing(concat(G1, G2_INFINITY))));
    assertArrayEquals(TRUE, output(Bn254Precompiles.pairing(concat(G1_INFINITY, G2_INFINITY))));
    assertArrayEquals(FALSE, output(Bn254Precompiles.pairing(concat(G1, G2, G1_INFINITY, G2))));
  }

  @Test
  void pairOfAPointAndItsNegationCancels() {
    byte[] negG1 = concat(word(BigInteger.ONE), word(P.subtract(BigInteger.TWO)));
    assertArrayEquals(TRUE, output(Bn254Precompiles.pairing(concat(G1, G2, negG1, G2))));
    assertArrayEquals(FALSE, output(Bn254Precompiles.pairing(concat(G1, G2, G1, G2))));
  }

  @Property(tries = 6)
  void bilinearityThroughTheProductCheck(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    // e(aP, bQ) · e(-abP, Q) = 1, and a wrong combination is not
    byte[] aP = encode(g1Multiple(a));
    byte[] bQ = encode(g2Multiple(b));
    BigInteger ab = a.multiply(b).mod(R);
    byte[] minusAbP = encode(g1Multiple(ab).negate());
    byte[] minusAbPlusOneP = encode(g1Multiple(ab.add(BigInteger.ONE)).negate());
    assertArrayEquals(TRUE, output(Bn254Precompiles.pairing(concat(aP, bQ, minusAbP, G2))));
    assertArrayEquals(TRUE, output(Bn254Precompiles.pairing(concat(minusAbP, G2, aP, bQ))));
    // e(aP, bQ) · e(-(ab + 1)P, Q) = e(P, Q)^-1, never 1
    assertArrayEquals(FALSE, output(Bn254Precompiles.pairing(concat(aP, bQ, minusAbPlusOneP, G2))));
  }

  @Test
  void threePairsCancelAcrossBothGroups() {
    // e(2P, 3Q) · e(5P, -Q) · e(-P, Q) = e(P, Q)^(6 - 5 - 1); with e(P, Q) instead the product is e(P, Q)²
    byte[] first = concat(
        encode(g1Multiple(BigInteger.TWO)), encode(g2Multiple(BigInteger.valueOf(3))),
        encode(g1Multiple(BigInteger.valueOf(5))), encode(g2Generator().negate()));
    assertArrayEquals(TRUE, output(Bn254Precompiles.pairing(concat(first, encode(G1Point.GENERATOR.negate()), G2))));
    assertArrayEquals(FALSE, output(Bn254Precompiles.pairing(concat(first, G1, G2))));
  }

  @Test
  void pairingRejectsLengthsThatAreNotMultiplesOf192() {
    for (int length : new int[] {1, 64, 191, 193, 383}) {
      assertEquals(Reason.INVALID_INPUT_LENGTH, failure(Bn254Precompiles.pairing(new byte[length])), "length " + length);
    }
    assertArrayEquals(TRUE, output(Bn254Precompiles.pairing(new byte[384])));
  }

  @Test
  void pairingRejectsG2PointsOutsideTheSubgroup() {
    G2Point outside = Bn254TestSupport.randomTwistPoint(new Random(197));
    assertEquals(Reason.NOT_IN_SUBGROUP, failure(Bn254Precompiles.pairing(concat(G1, encode(outside)))));
    // also when its G1 partner is the point at infinity, so the pair would contribute nothing
    assertEquals(Reason.NOT_IN_SUBGROUP, failure(Bn254Precompiles.pairing(concat(G1_INFINITY, encode(outside)))));
    // the r-torsion complement: [r]·outside has order dividing the cofactor 2p - r
    G2Point torsion = outside.multiply(R.toByteArray());
    assertEquals(Reason.NOT_IN_SUBGROUP, failure(Bn254Precompiles.pairing(concat(G1, encode(torsion)))));
  }

  @Test
  void pairingRejectsPointsOffTheirCurves() {
    byte[] g2OffCurve = G2.clone();
    g2OffCurve[127] ^= 1;
    assertEquals(Reason.NOT_ON_CURVE, failure(Bn254Precompiles.pairing(concat(G1, g2OffCurve))));
    assertEquals(Reason.NOT_ON_CURVE, failure(Bn254Precompiles.pairing(concat(G1_INFINITY, g2OffCurve))));
    byte[] g1OffCurve = concat(word(BigInteger.ONE), word(BigInteger.valueOf(3)));
    assertEquals(Reason.NOT_ON_CURVE, failure(Bn254Precompiles.pairing(concat(g1OffCurve, G2_INFINITY))));
    // swapping the real and imaginary halves (a classic encoding mistake) leaves the twist
    byte[] swapped = concat(Arrays.copyOfRange(G2, 32, 64), Arrays.copyOfRange(G2, 0, 32),
        Arrays.copyOfRange(G2, 96, 128), Arrays.copyOfRange(G2, 64, 96));
    assertEquals(Reason.NOT_ON_CURVE, failure(Bn254Precompiles.pairing(concat(G1, swapped))));
  }

  @Test
  void pairingRejectsEachCoordinateNotBelowP() {
    for (int coordinate = 0; coordinate < 6; coordinate++) {
      byte[] input = concat(G1, G2);
      System.arraycopy(word(P), 0, input, coordinate * 32, 32);
      assertEquals(Reason.COORDINATE_NOT_IN_FIELD, failure(Bn254Precompiles.pairing(input)), "coordinate " + coordinate);
    }
    // a later pair is validated too
    byte[] input = concat(G1, G2, G1, G2);
    System.arraycopy(word(P.add(BigInteger.valueOf(9))), 0, input, 192 + 64, 32);
    assertEquals(Reason.COORDINATE_NOT_IN_FIELD, failure(Bn254Precompiles.pairing(input)));
  }

  // ---- the result type and robustness

  @Test
  void successCopiesItsBytes() {
    byte[] bytes = {1, 2, 3};
    Success success = new Success(bytes);
    bytes[0] = 9;
    success.output()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, success.output());
    assertEquals(new Success(new byte[] {1, 2, 3}), success);
  }

  @Property(tries = 300)
  void anyBytesGiveAResultForAddAndMul(@ForAll @Size(max = 200) byte[] input) {
    assertNotNull(Bn254Precompiles.add(input));
    assertNotNull(Bn254Precompiles.mul(input));
  }

  @Property(tries = 60)
  void anyBytesGiveAResultForPairing(@ForAll @Size(max = 400) byte[] input) {
    assertNotNull(Bn254Precompiles.pairing(input));
  }

  @Property(tries = 40)
  void mutatedValidInputsGiveAResult(@ForAll @IntRange(min = 0, max = 192 * 8 - 1) int bit,
      @ForAll @IntRange(min = -2, max = 2) int lengthChange) {
    byte[] valid = concat(G1, G2);
    valid[bit / 8] ^= (byte) (1 << (bit % 8));
    byte[] mutated = Arrays.copyOf(valid, valid.length + lengthChange);
    assertNotNull(Bn254Precompiles.pairing(mutated));
    assertNotNull(Bn254Precompiles.add(mutated));
    assertNotNull(Bn254Precompiles.mul(mutated));
  }
}
