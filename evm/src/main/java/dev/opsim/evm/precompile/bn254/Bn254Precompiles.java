package dev.opsim.evm.precompile.bn254;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The alt_bn128 precompiles: ecAdd at 0x06 and ecMul at 0x07 (EIP-196), ecPairing at 0x08 (EIP-197), with the
 * Istanbul gas costs of EIP-1108. Stateless; any input gives a result, never an exception.
 *
 * <p>Encodings (EIP-196/197): numbers are 32-byte big-endian; a G1 point is x ‖ y and (0, 0) is the point at
 * infinity; a G2 point is x_im ‖ x_re ‖ y_im ‖ y_re (x = x_re + x_im·i) and all zeros is the point at infinity.
 * A coordinate not below p, a point off its curve, or a G2 point outside the order-r subgroup fails the call.
 */
public final class Bn254Precompiles {
  public static final long ADD_GAS = 150;
  public static final long MUL_GAS = 6_000;
  public static final long PAIRING_BASE_GAS = 45_000;
  public static final long PAIRING_PER_PAIR_GAS = 34_000;

  private static final int ADD_INPUT_LENGTH = 128;
  private static final int MUL_INPUT_LENGTH = 96;
  private static final int PAIR_LENGTH = 192;

  private Bn254Precompiles() {}

  public static long addGas(byte[] input) {
    return ADD_GAS;
  }

  public static long mulGas(byte[] input) {
    return MUL_GAS;
  }

  /** 45000 + 34000·k, k = ⌊length/192⌋; charged before the length is checked, as geth does. */
  public static long pairingGas(byte[] input) {
    return PAIRING_BASE_GAS + PAIRING_PER_PAIR_GAS * (input.length / PAIR_LENGTH);
  }

  /**
   * ecAdd: the input is read as 128 bytes (shorter input right-padded with zeros, longer input truncated), two G1
   * points; the output is their sum, 64 bytes.
   */
  public static Bn254Result add(byte[] input) {
    byte[] in = Arrays.copyOf(input, ADD_INPUT_LENGTH);
    try {
      G1Point sum = decodeG1(in, 0).add(decodeG1(in, 64));
      return new Bn254Result.Success(sum.encode());
    } catch (InvalidInputException e) {
      return e.failure;
    }
  }

  /**
   * ecMul: the input is read as 96 bytes (padded or truncated like ecAdd), a G1 point and a 256-bit scalar; the
   * output is the multiple, 64 bytes. The scalar is not reduced or bounded: any value is allowed.
   */
  public static Bn254Result mul(byte[] input) {
    byte[] in = Arrays.copyOf(input, MUL_INPUT_LENGTH);
    try {
      G1Point product = decodeG1(in, 0).multiply(Arrays.copyOfRange(in, 64, 96));
      return new Bn254Result.Success(product.encode());
    } catch (InvalidInputException e) {
      return e.failure;
    }
  }

  /**
   * ecPairing: the input is k pairs of a G1 point (64 bytes) and a G2 point (128 bytes); its length must be a
   * multiple of 192. The output is 32 bytes, 1 if the product of the k pairings is 1 (in particular for k = 0),
   * else 0. Every point is validated, even when the other point of its pair is at infinity.
   */
  public static Bn254Result pairing(byte[] input) {
    if (input.length % PAIR_LENGTH != 0) {
      return new Bn254Result.Failure(
          Bn254Result.Reason.INVALID_INPUT_LENGTH,
          "pairing input length " + input.length + " is not a multiple of " + PAIR_LENGTH);
    }
    int pairs = input.length / PAIR_LENGTH;
    List<G1Point> g1 = new ArrayList<>(pairs);
    List<G2Point> g2 = new ArrayList<>(pairs);
    try {
      for (int k = 0; k < pairs; k++) {
        g1.add(decodeG1(input, k * PAIR_LENGTH));
        g2.add(decodeG2(input, k * PAIR_LENGTH + 64));
      }
    } catch (InvalidInputException e) {
      return e.failure;
    }
    byte[] output = new byte[32];
    if (Pairing.isProductOne(g1, g2)) {
      output[31] = 1;
    }
    return new Bn254Result.Success(output);
  }

  /** A G1 point: x ‖ y, (0, 0) for the point at infinity. */
  private static G1Point decodeG1(byte[] in, int offset) throws InvalidInputException {
    Fp x = decodeCoordinate(in, offset, "G1");
    Fp y = decodeCoordinate(in, offset + 32, "G1");
    if (x.isZero() && y.isZero()) {
      return G1Point.INFINITY;
    }
    if (!G1Point.isOnCurve(x, y)) {
      throw new InvalidInputException(Bn254Result.Reason.NOT_ON_CURVE,
          "G1 point at offset " + offset + " is not on the curve y^2 = x^3 + 3");
    }
    return G1Point.affine(x, y);
  }

  /** A G2 point: x_im ‖ x_re ‖ y_im ‖ y_re (EIP-197), all zeros for the point at infinity. */
  private static G2Point decodeG2(byte[] in, int offset) throws InvalidInputException {
    Fp xIm = decodeCoordinate(in, offset, "G2");
    Fp xRe = decodeCoordinate(in, offset + 32, "G2");
    Fp yIm = decodeCoordinate(in, offset + 64, "G2");
    Fp yRe = decodeCoordinate(in, offset + 96, "G2");
    Fp2 x = new Fp2(xRe, xIm);
    Fp2 y = new Fp2(yRe, yIm);
    if (x.isZero() && y.isZero()) {
      return G2Point.INFINITY;
    }
    if (!G2Point.isOnCurve(x, y)) {
      throw new InvalidInputException(Bn254Result.Reason.NOT_ON_CURVE,
          "G2 point at offset " + offset + " is not on the twist curve");
    }
    G2Point q = G2Point.affine(x, y);
    if (!q.isInSubgroup()) {
      throw new InvalidInputException(Bn254Result.Reason.NOT_IN_SUBGROUP,
          "G2 point at offset " + offset + " is not in the order-r subgroup");
    }
    return q;
  }

  private static Fp decodeCoordinate(byte[] in, int offset, String group) throws InvalidInputException {
    Fp value = Fp.decode(in, offset);
    if (value == null) {
      throw new InvalidInputException(Bn254Result.Reason.COORDINATE_NOT_IN_FIELD,
          group + " coordinate at offset " + offset + " is not below the field modulus");
    }
    return value;
  }

  /** Carries a failure out of the decoders; no stack trace, it is an expected outcome. */
  private static final class InvalidInputException extends Exception {
    private final transient Bn254Result.Failure failure;

    InvalidInputException(Bn254Result.Reason reason, String message) {
      super(message, null, false, false);
      this.failure = new Bn254Result.Failure(reason, message);
    }
  }
}
