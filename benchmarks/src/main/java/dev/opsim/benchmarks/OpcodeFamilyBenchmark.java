package dev.opsim.benchmarks;

import dev.opsim.evm.CodeCache;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.StandardPrecompiles;
import dev.opsim.evm.tx.TxResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One hand-written loop per opcode family ({@link OpcodeLoop}) as a Cancun transaction through
 * {@code TransactionProcessor}; the {@code gas} counter gives gas/s. The pre-state is built once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
public class OpcodeFamilyBenchmark {
  @Param({"ARITHMETIC", "BITWISE", "STACK", "MEMORY", "CONTROL", "KECCAK", "STORAGE", "CALLS"})
  public OpcodeLoop family;

  private EvmBenchmarkCase c;
  private EvmSpec spec;
  private PrecompileRegistry precompiles;

  @Setup
  public void setUp() {
    c = family.toCase();
    c.verify();
    spec = EvmSpec.forName(EvmBenchmarkCase.RUN_AS);
    precompiles = StandardPrecompiles.forSpec(spec);
  }

  @Benchmark
  public TxResult.Executed loop(GasCounter counter) {
    TxResult.Executed r = c.execute(spec, precompiles, new CodeCache(16));
    counter.gas += r.gasUsed();
    return r;
  }
}
