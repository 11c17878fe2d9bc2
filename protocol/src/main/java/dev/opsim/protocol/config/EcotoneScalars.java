package dev.opsim.protocol.config;

import dev.opsim.protocol.DecodeException;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.MutableBytes32;

/**
 * The two uint32 Ecotone fee scalars and their packing into the SystemConfig {@code scalar} word
 * (protocol-reference 12.2). Byte 0 of the word is a version: 0 holds only {@code baseFeeScalar} in bytes 28..31
 * with bytes 1..27 zero; 1 holds {@code blobBaseFeeScalar} in bytes 24..27 and {@code baseFeeScalar} in bytes
 * 28..31 with bytes 1..23 zero.
 */
public record EcotoneScalars(long baseFeeScalar, long blobBaseFeeScalar) {
  public static final int VERSION_BEDROCK = 0;
  public static final int VERSION_ECOTONE = 1;
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  public EcotoneScalars {
    requireUint32("baseFeeScalar", baseFeeScalar);
    requireUint32("blobBaseFeeScalar", blobBaseFeeScalar);
  }

  /** The version-1 word {@code setGasConfigEcotone} stores: {@code 1<<248 | blob<<32 | base}. */
  public Bytes32 encode() {
    MutableBytes32 word = MutableBytes32.create();
    word.set(0, (byte) VERSION_ECOTONE);
    word.setInt(24, (int) blobBaseFeeScalar);
    word.setInt(28, (int) baseFeeScalar);
    return word.copy();
  }

  /** A version-0 (pre-Ecotone style) word carrying only {@code baseFeeScalar}. */
  public static Bytes32 encodeVersion0(long baseFeeScalar) {
    requireUint32("baseFeeScalar", baseFeeScalar);
    MutableBytes32 word = MutableBytes32.create();
    word.setInt(28, (int) baseFeeScalar);
    return word.copy();
  }

  /**
   * Strict decoding, as op-node checks a FEE_SCALARS update from Ecotone on ({@code
   * CheckEcotoneL1SystemConfigScalar}): an unknown version or non-zero padding is an error, and op-node then
   * ignores the update and keeps the previous scalars.
   */
  public static EcotoneScalars decode(Bytes32 word) throws DecodeException {
    if (word == null) {
      throw new DecodeException("scalar word is null");
    }
    int version = word.get(0) & 0xff;
    switch (version) {
      case VERSION_BEDROCK -> {
        int nonZero = firstNonZero(word, 1, 28);
        if (nonZero >= 0) {
          throw new DecodeException("version-0 scalar has a non-zero padding byte at offset " + nonZero);
        }
        return new EcotoneScalars(uint32(word, 28), 0);
      }
      case VERSION_ECOTONE -> {
        int nonZero = firstNonZero(word, 1, 24);
        if (nonZero >= 0) {
          throw new DecodeException("version-1 scalar has a non-zero padding byte at offset " + nonZero);
        }
        return new EcotoneScalars(uint32(word, 28), uint32(word, 24));
      }
      default -> throw new DecodeException("unknown scalar version " + version + " at offset 0");
    }
  }

  /**
   * The scalars of a word already held in the rollup's system config (e.g. a large pre-Ecotone scalar at the
   * Ecotone transition): like {@link #decode}, except that a version-0 word with non-zero padding gives
   * {@code baseFeeScalar = 0xFFFFFFFF} as the spec mandates (op-node {@code SystemConfig.EcotoneScalars}).
   */
  public static EcotoneScalars forL1Info(Bytes32 word) throws DecodeException {
    if (word != null && word.get(0) == VERSION_BEDROCK && firstNonZero(word, 1, 28) >= 0) {
      return new EcotoneScalars(UINT32_MAX, 0);
    }
    return decode(word);
  }

  private static void requireUint32(String name, long value) {
    if (value < 0 || value > UINT32_MAX) {
      throw new IllegalArgumentException(name + " must be a uint32, got " + value);
    }
  }

  private static int firstNonZero(Bytes32 word, int from, int to) {
    for (int i = from; i < to; i++) {
      if (word.get(i) != 0) {
        return i;
      }
    }
    return -1;
  }

  private static long uint32(Bytes32 word, int offset) {
    return word.getInt(offset) & UINT32_MAX;
  }
}
