package dev.opsim.protocol.fee;

import java.math.BigInteger;

/**
 * Fjord's size estimate and fee from a FastLZ length (protocol-reference 7.2, 7.4, 7.5): the estimated Brotli
 * size, scaled by 1e6, is {@code max(100e6, -42_585_600 + 836_500 * fastLzSize)}.
 */
public final class FjordCost {
  static final BigInteger INTERCEPT = BigInteger.valueOf(-42_585_600);
  static final BigInteger FASTLZ_COEFFICIENT = BigInteger.valueOf(836_500);
  static final BigInteger MIN_SIZE_SCALED = BigInteger.valueOf(100_000_000);
  private static final BigInteger ONE_MILLION = BigInteger.valueOf(1_000_000);
  private static final BigInteger FEE_DIVISOR = BigInteger.valueOf(1_000_000_000_000L);
  private static final BigInteger SIXTEEN = BigInteger.valueOf(16);
  /** The GasPriceOracle's allowance for the signature an unsigned tx lacks. */
  private static final long UNSIGNED_TX_PADDING = 68;

  private FjordCost() {}

  /** The estimated compressed size times 1e6, never below 100e6. */
  public static BigInteger estimatedSizeScaled(long fastLzSize) {
    requireNonNegative("fastLzSize", fastLzSize);
    BigInteger estimate = INTERCEPT.add(FASTLZ_COEFFICIENT.multiply(BigInteger.valueOf(fastLzSize)));
    return estimate.max(MIN_SIZE_SCALED);
  }

  /** The per-transaction DA size Jovian's footprint multiplies by {@code daFootprintGasScalar} (7.4). */
  public static long estimatedDaSize(long fastLzSize) {
    return estimatedSizeScaled(fastLzSize).divide(ONE_MILLION).longValueExact();
  }

  /** Fee and reported L1 gas of a transaction whose FastLZ length is {@code fastLzSize}. */
  public static L1Cost cost(L1FeeParams params, long fastLzSize) {
    BigInteger size = estimatedSizeScaled(fastLzSize);
    BigInteger fee = size.multiply(params.ecotoneFeeScaled()).divide(FEE_DIVISOR);
    return new L1Cost(size.multiply(SIXTEEN).divide(ONE_MILLION), fee);
  }

  /**
   * The GasPriceOracle's {@code getL1FeeUpperBound(unsignedTxSize)}: {@code txSize = unsignedTxSize + 68},
   * FastLZ bound {@code txSize + txSize/255 + 16}, then the Fjord fee ([impl] GasPriceOracle.sol). The contract
   * reverts before Fjord and, in uint32 arithmetic, for a baseFeeScalar of 2^28 or more; this computes the
   * unbounded value.
   */
  public static BigInteger l1FeeUpperBound(L1FeeParams params, long unsignedTxSize) {
    requireNonNegative("unsignedTxSize", unsignedTxSize);
    long txSize = Math.addExact(unsignedTxSize, UNSIGNED_TX_PADDING);
    long flzUpperBound = Math.addExact(Math.addExact(txSize, txSize / 255), 16);
    return cost(params, flzUpperBound).fee();
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
  }
}
