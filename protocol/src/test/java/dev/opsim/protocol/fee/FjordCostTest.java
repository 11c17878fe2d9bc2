package dev.opsim.protocol.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FjordCostTest {
  /** op-geth's emptyTx parameters: fee weight 16*1e9*2 + 1e7*3 = 32,030,000,000. */
  private static final L1FeeParams PARAMS =
      L1FeeParams.ecotone(BigInteger.valueOf(1_000_000_000), BigInteger.valueOf(10_000_000), 2, 3);

  @Test
  void estimatedSizeOfTheRevmTransaction() {
    // revm test_calculate_tx_l1_cost_fjord: fastLzSize 202 -> estimated size 126387400 (scaled by 1e6).
    assertEquals(BigInteger.valueOf(126_387_400), FjordCost.estimatedSizeScaled(202));
    assertEquals(126, FjordCost.estimatedDaSize(202));
  }

  @Test
  void smallSizesHitTheFloor() {
    assertEquals(BigInteger.valueOf(100_000_000), FjordCost.estimatedSizeScaled(0));
    assertEquals(100, FjordCost.estimatedDaSize(0));
  }

  @Test
  void upperBoundForAnEmptyUnsignedTx() {
    // txSize = 0 + 68; bound = 68 + 68/255 + 16 = 84; 836500*84 - 42585600 < 100e6, so the floor:
    // 100e6 * 32,030,000,000 / 1e12 = 3,203,000 (the same floor op-geth states for emptyTx).
    assertEquals(BigInteger.valueOf(3_203_000), FjordCost.l1FeeUpperBound(PARAMS, 0));
  }

  @Test
  void upperBoundForAThousandByteUnsignedTx() {
    // txSize = 1068; bound = 1068 + 4 + 16 = 1088; size = 836500*1088 - 42585600 = 867,526,400;
    // fee = 867,526,400 * 32,030,000,000 / 1e12 = 27,786,870.592 -> 27,786,870.
    assertEquals(BigInteger.valueOf(27_786_870), FjordCost.l1FeeUpperBound(PARAMS, 1000));
  }

  @Test
  void rejectsNegativeSizes() {
    assertThrows(IllegalArgumentException.class, () -> FjordCost.estimatedSizeScaled(-1));
    assertThrows(IllegalArgumentException.class, () -> FjordCost.l1FeeUpperBound(PARAMS, -1));
  }

  @Property(tries = 300)
  void upperBoundCoversTheFeeOfAnyFastLzSizeUpToTheBound(
      @ForAll @LongRange(max = 1_000_000) long unsignedTxSize, @ForAll @LongRange(max = 1_000_000) long fastLzSize) {
    long txSize = unsignedTxSize + 68;
    long bound = txSize + txSize / 255 + 16;
    if (fastLzSize <= bound) {
      BigInteger upperBound = FjordCost.l1FeeUpperBound(PARAMS, unsignedTxSize);
      assertTrue(FjordCost.cost(PARAMS, fastLzSize).fee().compareTo(upperBound) <= 0);
    }
  }

  @Property(tries = 300)
  void costIsMonotoneInTheFastLzSize(@ForAll @LongRange(max = 10_000_000) long size) {
    assertTrue(FjordCost.cost(PARAMS, size).fee().compareTo(FjordCost.cost(PARAMS, size + 1).fee()) <= 0);
    assertTrue(FjordCost.estimatedSizeScaled(size).compareTo(BigInteger.valueOf(100_000_000)) >= 0);
  }
}
