package dev.opsim.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gas executed, as a JMH auxiliary counter: in throughput mode JMH prints it as {@code gas/s} next to the ops/s
 * score (divide by 10^6 for Mgas/s). Gas is the transaction's gas used as a receipt reports it (intrinsic 21,000
 * + calldata + execution, after refunds), or the precompile's charge for precompile benchmarks.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class GasCounter {
  public long gas;

  @Setup(Level.Iteration)
  public void reset() {
    gas = 0;
  }
}
