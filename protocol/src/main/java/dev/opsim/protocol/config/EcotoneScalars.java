package dev.opsim.protocol.config;

import dev.opsim.protocol.DecodeException;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The two L1-fee scalars (uint32 each) packed in SystemConfig's {@code scalar} word from Ecotone on
 * (protocol-reference 12.2). Byte 0 of the word is the version: 0 = a pre-Ecotone scalar (bytes 28..31 are
 * {@code baseFeeScalar}), 1 = {@code blobBaseFeeScalar} in bytes 24..27 and {@code baseFeeScalar} in 28..31.
 */
public record EcotoneScalars(long baseFeeScalar, long blobBaseFeeScalar) {
  public static final int VERSION_BEDROCK = 0;
  public static final int VERSION_ECOTONE = 1;
  /** What a version-0 scalar with non-zero padding gives as {@code baseFeeScalar} (spec rule, 12.2). */
  public static final long SATURATED_BASE_FEE_SCALAR = 0xFFFFFFFFL;

  public EcotoneScalars {
    checkUint32("baseFeeScalar", baseFeeScalar);
    checkUint32("blobBaseFeeScalar", blobBaseFeeScalar);
  }

  /**
   * Strict reading, as op-node applies to a FEE_SCALARS update from Ecotone on: an unknown version or non-zero
   * padding is an error (the update is then ignored and the previous scalar kept).
   */
  public static EcotoneScalars decode(Bytes32 scalar) throws DecodeException {
    int version = scalar.get(0) & 0xFF;
    return switch (version) {
      case VERSION_BEDROCK -> {
        if (!isZero(scalar, 1, 28)) {
          throw new DecodeException("version-0 scalar has non-zero padding in bytes 1..27: " + scalar);
        }
        yield new EcotoneScalars(uint32(scalar, 28), 0);
      }
      case VERSION_ECOTONE -> {
        if (!isZero(scalar, 1, 24)) {
          throw new DecodeException("version-1 scalar has non-zero padding in bytes 1..23: " + scalar);
        }
        yield new EcotoneScalars(uint32(scalar, 28), uint32(scalar, 24));
      }
      default -> throw new DecodeException("unknown scalar version " + version + " in byte 0 of " + scalar);
    };
  }

  /**
   * The scalars an L1 info deposit carries for a system config scalar (protocol-reference 4.5, 12.2): like
   * {@link #decode}, except that a version-0 scalar with non-zero padding (e.g. a large pre-Ecotone value) gives
   * {@code baseFeeScalar = 0xFFFFFFFF}, {@code blobBaseFeeScalar = 0}.
   */
  public static EcotoneScalars forL1Info(Bytes32 scalar) throws DecodeException {
    if ((scalar.get(0) & 0xFF) == VERSION_BEDROCK && !isZero(scalar, 1, 28)) {
      return new EcotoneScalars(SATURATED_BASE_FEE_SCALAR, 0);
    }
    return decode(scalar);
  }

  /** The version-1 word {@code setGasConfigEcotone} stores: {@code 1 << 248 | blob << 32 | base}. */
  public Bytes32 encode() {
    byte[] word = new byte[32];
    word[0] = VERSION_ECOTONE;
    System.arraycopy(Bytes.ofUnsignedInt(blobBaseFeeScalar).toArrayUnsafe(), 0, word, 24, 4);
    System.arraycopy(Bytes.ofUnsignedInt(baseFeeScalar).toArrayUnsafe(), 0, word, 28, 4);
    return Bytes32.wrap(word);
  }

  private static long uint32(Bytes32 word, int offset) {
    return word.getInt(offset) & 0xFFFFFFFFL;
  }

  private static boolean isZero(Bytes32 word, int from, int to) {
    for (int i = from; i < to; i++) {
      if (word.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private static void checkUint32(String name, long value) {
    if (value < 0 || value > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(name + " is a uint32, got " + value);
    }
  }
}
