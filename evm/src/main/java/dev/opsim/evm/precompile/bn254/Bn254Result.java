package dev.opsim.evm.precompile.bn254;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a BN254 precompile returns: the output bytes, or a failure. A failed precompile call consumes all the gas
 * given to it and returns nothing (EIP-196, EIP-197).
 */
public sealed interface Bn254Result {

  /** Why the input was rejected. */
  enum Reason {
    /** A coordinate is not below the field modulus p. */
    COORDINATE_NOT_IN_FIELD,
    /** A point is neither on its curve nor the (0, 0) encoding of the point at infinity. */
    NOT_ON_CURVE,
    /** A G2 point is on the twist but not in its order-r subgroup. */
    NOT_IN_SUBGROUP,
    /** The pairing input length is not a multiple of 192. */
    INVALID_INPUT_LENGTH
  }

  /** The precompile succeeded with these output bytes (copied in and out). */
  record Success(byte[] output) implements Bn254Result {
    public Success {
      output = output.clone();
    }

    @Override
    public byte[] output() {
      return output.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Success o && Arrays.equals(output, o.output);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(output);
    }

    @Override
    public String toString() {
      return "Success[0x" + HexFormat.of().formatHex(output) + "]";
    }
  }

  /** The precompile failed; {@code message} says what and where (byte offset in the input). */
  record Failure(Reason reason, String message) implements Bn254Result {
    public Failure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
