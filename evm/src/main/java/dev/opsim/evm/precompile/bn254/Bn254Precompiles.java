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
    G1Decoding first = decodeG1(in, 0);
    if (first instanceof G1Decoding.Invalid invalid) {
      return invalid.failure();
    }
    G1Decoding second = decodeG1(in, 64);
    if (second instanceof G1Decoding.Invalid invalid) {
      return invalid.failure();
    }
    G1Point sum = ((G1Decoding.Valid) first).point().add(((G1Decoding.Valid) second).point());
    return new Bn254Result.Success(sum.encode());
  }

  /**
   * ecMul: the input is read as 96 bytes (padded or truncated like ecAdd), a G1 point and a 256-bit scalar; the
   * output is the multiple, 64 bytes. The scalar is not reduced or bounded: any value is allowed.
   */
  public static Bn254Result mul(byte[] input) {
    byte[] in = Arrays.copyOf(input, MUL_INPUT_LENGTH);
    G1Decoding decoded = decodeG1(in, 0);
    if (decoded instanceof G1Decoding.Invalid invalid) {
      return invalid.failure();
    }
    byte[] scalar = Arrays.copyOfRange(in, 64, 96);
    G1Point product = ((G1Decoding.Valid) decoded).point().multiply(scalar);
    return new Bn254Result.Success(product.encode());
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
    for (int k = 0; k < pairs; k++) {
      int offset = k * PAIR_LENGTH;
      G1Decoding p = decodeG1(input, offset);
      if (p instanceof G1Decoding.Invalid invalid) {
        return invalid.failure();
      }
      G2Decoding q = decodeG2(input, offset + 64);
      if (q instanceof G2Decoding.Invalid invalid) {
        return invalid.failure();
      }
      g1.add(((G1Decoding.Valid) p).point());
      g2.add(((G2Decoding.Valid) q).point());
    }
    byte[] output = new byte[32];
    if (Pairing.isProductOne(g1, g2)) {
      output[31] = 1;
    }
    return new Bn254Result.Success(output);
  }

  private sealed interface G1Decoding {
    record Valid(G1Point point) implements G1Decoding {}

    record Invalid(Bn254Result.Failure failure) implements G1Decoding {}
  }

  private sealed interface G2Decoding {
    record Valid(G2Point point) implements G2Decoding {}

    record Invalid(Bn254Result.Failure failure) implements G2Decoding {}
  }

  private static G1Decoding decodeG1(byte[] in, int offset) {
    Fp x = Fp.decode(in, offset);
    Fp y = Fp.decode(in, offset + 32);
    if (x == null || y == null) {
      return new G1Decoding.Invalid(
          outsideField("G1", x == null ? offset : offset + 32));
    }
    if (x.isZero() && y.isZero()) {
      return new G1Decoding.Valid(G1Point.INFINITY);
    }
    if (!G1Point.isOnCurve(x, y)) {
      return new G1Decoding.Invalid(new Bn254Result.Failure(
          Bn254Result.Reason.NOT_ON_CURVE, "G1 point at offset " + offset + " is not on the curve y^2 = x^3 + 3"));
    }
    return new G1Decoding.Valid(G1Point.affine(x, y));
  }

  private static G2Decoding decodeG2(byte[] in, int offset) {
    // EIP-197: x_im, x_re, y_im, y_re
    int[] order = {offset + 32, offset, offset + 96, offset + 64};
    Fp[] c = new Fp[4];
    for (int i = 0; i < 4; i++) {
      c[i] = Fp.decode(in, order[i]);
      if (c[i] == null) {
        return new G2Decoding.Invalid(outsideField("G2", order[i]));
      }
    }
    Fp2 x = new Fp2(c[0], c[1]);
    Fp2 y = new Fp2(c[2], c[3]);
    if (x.isZero() && y.isZero()) {
      return new G2Decoding.Valid(G2Point.INFINITY);
    }
    if (!G2Point.isOnCurve(x, y)) {
      return new G2Decoding.Invalid(new Bn254Result.Failure(
          Bn254Result.Reason.NOT_ON_CURVE, "G2 point at offset " + offset + " is not on the twist curve"));
    }
    G2Point q = G2Point.affine(x, y);
    if (!q.isInSubgroup()) {
      return new G2Decoding.Invalid(new Bn254Result.Failure(
          Bn254Result.Reason.NOT_IN_SUBGROUP, "G2 point at offset " + offset + " is not in the order-r subgroup"));
    }
    return new G2Decoding.Valid(q);
  }

  private static Bn254Result.Failure outsideField(String group, int coordinateOffset) {
    return new Bn254Result.Failure(
        Bn254Result.Reason.COORDINATE_NOT_IN_FIELD,
        group + " coordinate at offset " + coordinateOffset + " is not below the field modulus");
  }
}
