package dev.opsim.protocol.fee;

import java.math.BigInteger;

/**
 * The L1 fee inputs of one L2 block, as the L1Block predeploy holds them after the block's deposits ran
 * (protocol-reference 4.7, 7.2). {@code overhead} and {@code scalar} are the pre-Ecotone parameters (scalar has 6
 * decimals); {@code baseFeeScalar} and {@code blobBaseFeeScalar} are the Ecotone uint32 scalars. All amounts in wei.
 * A formula reads only the fields it needs; the others may be zero.
 */
public record L1FeeParams(
    BigInteger l1BaseFee,
    BigInteger overhead,
    BigInteger scalar,
    BigInteger blobBaseFee,
    long baseFeeScalar,
    long blobBaseFeeScalar) {
  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  public L1FeeParams {
    requireUint256("l1BaseFee", l1BaseFee);
    requireUint256("overhead", overhead);
    requireUint256("scalar", scalar);
    requireUint256("blobBaseFee", blobBaseFee);
    requireUint32("baseFeeScalar", baseFeeScalar);
    requireUint32("blobBaseFeeScalar", blobBaseFeeScalar);
  }

  /** Bedrock/Regolith parameters; the Ecotone fields are zero. */
  public static L1FeeParams preEcotone(BigInteger l1BaseFee, BigInteger overhead, BigInteger scalar) {
    return new L1FeeParams(l1BaseFee, overhead, scalar, BigInteger.ZERO, 0, 0);
  }

  /** Ecotone/Fjord parameters; overhead and scalar are zero. */
  public static L1FeeParams ecotone(
      BigInteger l1BaseFee, BigInteger blobBaseFee, long baseFeeScalar, long blobBaseFeeScalar) {
    return new L1FeeParams(l1BaseFee, BigInteger.ZERO, BigInteger.ZERO, blobBaseFee, baseFeeScalar, blobBaseFeeScalar);
  }

  /**
   * Both Ecotone scalars and the blob base fee zero: L1Block has not been given Ecotone values yet (see
   * {@link L1CostFunction}). The blob base fee is part of the test in op-geth {@code NewL1CostFunc}
   * ({@code l1BlobBaseFee.BitLen() == 0 && scalars empty}) and op-revm ({@code empty_ecotone_scalars}).
   */
  public boolean ecotoneScalarsEmpty() {
    return baseFeeScalar == 0 && blobBaseFeeScalar == 0 && blobBaseFee.signum() == 0;
  }

  /** {@code 16*l1BaseFee*baseFeeScalar + blobBaseFee*blobBaseFeeScalar}, the Ecotone and Fjord fee weight. */
  BigInteger ecotoneFeeScaled() {
    return l1BaseFee.multiply(BigInteger.valueOf(16)).multiply(BigInteger.valueOf(baseFeeScalar))
        .add(blobBaseFee.multiply(BigInteger.valueOf(blobBaseFeeScalar)));
  }

  private static void requireUint256(String name, BigInteger value) {
    if (value == null || value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
      throw new IllegalArgumentException(name + " must be a uint256, got " + value);
    }
  }

  private static void requireUint32(String name, long value) {
    if (value < 0 || value > UINT32_MAX) {
      throw new IllegalArgumentException(name + " must be a uint32, got " + value);
    }
  }
}
