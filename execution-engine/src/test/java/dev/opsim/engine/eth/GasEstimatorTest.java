package dev.opsim.engine.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.rpc.RpcException;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** eth_estimateGas' search (geth gasestimator) against messages whose needs are known. */
class GasEstimatorTest {
  private static final long BLOCK_GAS_LIMIT = 30_000_000;
  private static final long CAP = 50_000_000;

  private static GasEstimator.Bounds bounds(boolean plainTransfer) {
    return new GasEstimator.Bounds(0, BLOCK_GAS_LIMIT, CAP, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
        plainTransfer);
  }

  /** Succeeds iff gas >= need; reports {@code used} gas used (a contract that checks gasleft uses less than it needs). */
  private static GasEstimator.Probe step(long need, long used, AtomicInteger calls) {
    return gas -> {
      calls.incrementAndGet();
      if (gas < 21_000) {
        throw new InvalidCallException("intrinsic gas too low: have " + gas + ", want 21000", true);
      }
      return gas >= need ? CallResult.success(Bytes.EMPTY, used, 0) : CallResult.failed("out of gas", gas);
    };
  }

  @Property(tries = 60)
  void exactSearchFindsTheThreshold(@ForAll @LongRange(min = 21_000, max = BLOCK_GAS_LIMIT) long need,
      @ForAll @LongRange(min = 0, max = 50_000) long shortfall) throws RpcException {
    long used = Math.max(21_000, need - shortfall);
    AtomicInteger calls = new AtomicInteger();
    long estimate = GasEstimator.estimate(bounds(false), step(need, used, calls), 0);
    assertEquals(need, estimate);
    assertTrue(calls.get() <= 40, calls.get() + " calls");
  }

  @Property(tries = 60)
  void defaultRatioStaysAboveAndClose(@ForAll @LongRange(min = 21_000, max = BLOCK_GAS_LIMIT) long need,
      @ForAll @LongRange(min = 0, max = 50_000) long shortfall) throws RpcException {
    long used = Math.max(21_000, need - shortfall);
    AtomicInteger calls = new AtomicInteger();
    long estimate = GasEstimator.estimate(bounds(false), step(need, used, calls), 0.015);
    assertTrue(estimate >= need, "estimate " + estimate + " below the need " + need);
    assertTrue(estimate <= need / 0.985 + 1, "estimate " + estimate + " too far above " + need);
    assertTrue(calls.get() <= 12, calls.get() + " calls");
  }

  @Test
  void whenTheFirstRunUsesWhatItNeedsTheSearchIsShort() throws RpcException {
    AtomicInteger calls = new AtomicInteger();
    long estimate = GasEstimator.estimate(bounds(false), step(43_000, 43_000, calls), 0.015);
    assertTrue(estimate >= 43_000 && estimate <= (43_000 + 2_300) * 64 / 63);
    assertTrue(calls.get() <= 6, calls.get() + " calls");
  }

  @Test
  void plainTransferIsOneRunAt21000() throws RpcException {
    AtomicInteger calls = new AtomicInteger();
    assertEquals(21_000, GasEstimator.estimate(bounds(true), step(21_000, 21_000, calls), 0.015));
    assertEquals(1, calls.get());
  }

  @Test
  void revertAtTheTopIsCode3WithTheData() {
    Bytes data = Bytes.fromHexString("0xdeadbeef");
    RpcException e = assertThrows(RpcException.class, () -> GasEstimator.estimate(bounds(false),
        gas -> CallResult.reverted(data, 30_000), 0.015));
    assertEquals(3, e.code());
    assertEquals("execution reverted", e.getMessage());
    assertEquals("0xdeadbeef", e.data().textValue());
  }

  @Test
  void alwaysOutOfGasReportsTheAllowance() {
    RpcException e = assertThrows(RpcException.class, () -> GasEstimator.estimate(bounds(false),
        gas -> CallResult.failed("out of gas", gas), 0.015));
    assertEquals(-32000, e.code());
    assertEquals("gas required exceeds allowance (30000000)", e.getMessage());
  }

  @Test
  void otherFailureAtTheTopIsThatError() {
    RpcException e = assertThrows(RpcException.class, () -> GasEstimator.estimate(bounds(false),
        gas -> CallResult.failed("invalid opcode: INVALID", 100), 0.015));
    assertEquals("invalid opcode: INVALID", e.getMessage());
  }

  @Test
  void requestedGasAndFundsCapTheSearch() throws RpcException {
    // 10 wei per gas with 1 ether minus the value to spend: allowance = (balance - value) / feeCap.
    GasEstimator.Bounds b = new GasEstimator.Bounds(0, BLOCK_GAS_LIMIT, CAP, BigInteger.TEN, BigInteger.ONE,
        BigInteger.valueOf(400_001), false);
    RpcException e = assertThrows(RpcException.class, () -> GasEstimator.estimate(b,
        gas -> CallResult.failed("out of gas", gas), 0));
    assertEquals("gas required exceeds allowance (40000)", e.getMessage());
    GasEstimator.Bounds broke = new GasEstimator.Bounds(0, BLOCK_GAS_LIMIT, CAP, BigInteger.TEN, BigInteger.TEN,
        BigInteger.TEN, false);
    assertEquals("insufficient funds for transfer", assertThrows(RpcException.class,
        () -> GasEstimator.estimate(broke, gas -> CallResult.success(Bytes.EMPTY, 21_000, 0), 0)).getMessage());
    GasEstimator.Bounds requested = new GasEstimator.Bounds(60_000, BLOCK_GAS_LIMIT, CAP, BigInteger.ZERO,
        BigInteger.ZERO, BigInteger.ZERO, false);
    assertEquals("gas required exceeds allowance (60000)", assertThrows(RpcException.class,
        () -> GasEstimator.estimate(requested, gas -> CallResult.failed("out of gas", gas), 0)).getMessage());
  }

  @Test
  void callErrorsUnrelatedToGasAreReported() {
    RpcException e = assertThrows(RpcException.class, () -> GasEstimator.estimate(bounds(false), gas -> {
      throw new InvalidCallException("nonce too high");
    }, 0.015));
    assertEquals("failed with 30000000 gas: nonce too high", e.getMessage());
  }
}
