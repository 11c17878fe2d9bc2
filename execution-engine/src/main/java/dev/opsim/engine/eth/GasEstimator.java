package dev.opsim.engine.eth;

import dev.opsim.engine.rpc.RpcException;
import java.math.BigInteger;

/**
 * geth's gas estimation (eth/gasestimator Estimate): the highest allowed limit first (fail there = error), then a
 * try at {@code (used + refund + 2300) * 64 / 63}, then a binary search skewed to the low side, stopping when the
 * gap is below the error ratio. The result always succeeded when tried.
 */
final class GasEstimator {
  /** The gas of a plain transfer (params.TxGas). */
  static final long TX_GAS = 21_000;
  private static final long CALL_STIPEND = 2_300;

  /** Runs the message with a gas limit. */
  @FunctionalInterface
  interface Probe {
    CallResult run(long gas) throws InvalidCallException;
  }

  /** What the search needs to know about the request and its block. */
  record Bounds(long requestedGas, long blockGasLimit, long rpcGasCap, BigInteger feeCap, BigInteger value,
      BigInteger balance, boolean plainTransfer) {}

  private GasEstimator() {}

  /**
   * The lowest gas limit found to succeed.
   *
   * @throws RpcException code 3 with the revert data when the message reverts at the top limit; -32000 for
   *     "gas required exceeds allowance (N)", "insufficient funds for transfer" and the backend's call errors
   */
  static long estimate(Bounds b, Probe probe, double errorRatio) throws RpcException {
    long hi = b.requestedGas() >= TX_GAS ? b.requestedGas() : b.blockGasLimit();
    if (b.feeCap().signum() != 0) {
      BigInteger available = b.balance();
      if (b.value().compareTo(available) >= 0) {
        throw RpcException.serverError("insufficient funds for transfer");
      }
      available = available.subtract(b.value());
      BigInteger allowance = available.divide(b.feeCap());
      if (allowance.bitLength() <= 63 && Long.compareUnsigned(hi, allowance.longValue()) > 0) {
        hi = allowance.longValue();
      }
    }
    if (b.rpcGasCap() != 0 && Long.compareUnsigned(hi, b.rpcGasCap()) > 0) {
      hi = b.rpcGasCap();
    }
    if (b.plainTransfer()) {
      Try transfer = attempt(probe, TX_GAS);
      if (transfer.error == null && !transfer.failed) {
        return TX_GAS;
      }
    }
    Try top = attempt(probe, hi);
    if (top.error != null) {
      throw RpcException.serverError(top.error);
    }
    if (top.failed) {
      CallResult r = top.result;
      if (r != null && r.outcome() == CallResult.Outcome.REVERTED) {
        throw EthMethods.revertError(r.output());
      }
      if (r != null && !r.error().equals("out of gas")) {
        throw RpcException.serverError(r.error());
      }
      throw RpcException.serverError("gas required exceeds allowance (" + Long.toUnsignedString(hi) + ")");
    }
    long lo = top.result.gasUsed() - 1;
    long optimistic = (top.result.gasUsed() + top.result.gasRefunded() + CALL_STIPEND) * 64 / 63;
    if (Long.compareUnsigned(optimistic, hi) < 0) {
      Try t = attempt(probe, optimistic);
      if (t.error != null) {
        throw RpcException.serverError(t.error);
      }
      if (t.failed) {
        lo = optimistic;
      } else {
        hi = optimistic;
      }
    }
    while (lo + 1 < hi) {
      if (errorRatio > 0 && (double) (hi - lo) / (double) hi < errorRatio) {
        break;
      }
      long mid = lo + (hi - lo) / 2;
      if (mid > lo * 2) {
        mid = lo * 2;
      }
      Try t = attempt(probe, mid);
      if (t.error != null) {
        throw RpcException.serverError(t.error);
      }
      if (t.failed) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** One run: failed (maybe with a result), or an error unrelated to the gas limit. */
  private record Try(boolean failed, CallResult result, String error) {}

  private static Try attempt(Probe probe, long gas) {
    try {
      CallResult r = probe.run(gas);
      return new Try(r.failed(), r, null);
    } catch (InvalidCallException e) {
      if (e.intrinsicGasTooLow()) {
        return new Try(true, null, null);
      }
      return new Try(true, null, "failed with " + Long.toUnsignedString(gas) + " gas: " + e.getMessage());
    }
  }
}
