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
 * The evm-benchmarks suite (shared/fixtures/evm-benchmarks) through {@code TransactionProcessor}: one transaction
 * per operation on a fresh journal over the case's pre-state, under Cancun rules. Loading the JSON, building the
 * pre-state and checking the post-state root happen in the trial set-up, outside the timed part. A fresh
 * {@link CodeCache} per transaction keeps jump-destination analysis inside the measurement, as for code a node
 * sees for the first time. The {@code gas} counter gives gas/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
public class EvmBenchmarksSuiteBenchmark {
  @Param({"JUMPDEST_n0/empty", "blake2b_huff/8415nulls", "blake2b_huff/empty", "blake2b_shifts/8415nulls",
      "jump_around/empty", "loop_with_many_jumpdests/empty", "memory_grow_mload/by1", "memory_grow_mload/by16",
      "memory_grow_mload/by32", "memory_grow_mload/nogrow", "memory_grow_mstore/by1", "memory_grow_mstore/by16",
      "memory_grow_mstore/by32", "memory_grow_mstore/nogrow", "sha1_divs/5311", "sha1_divs/empty",
      "sha1_shifts/5311", "sha1_shifts/empty", "signextend/one", "signextend/zero", "snailtracer/benchmark",
      "structarray_alloc/nfts_rank", "swap_math/insufficient_liquidity", "swap_math/received", "swap_math/spent",
      "weierstrudel/1", "weierstrudel/15"})
  public String benchCase;

  private EvmBenchmarkCase c;
  private EvmSpec spec;
  private PrecompileRegistry precompiles;

  @Setup
  public void setUp() {
    c = EvmBenchmarkCase.find(EvmBenchmarkCase.suiteDir(), benchCase);
    c.verify();
    spec = EvmSpec.forName(EvmBenchmarkCase.RUN_AS);
    precompiles = StandardPrecompiles.forSpec(spec);
  }

  @Benchmark
  public TxResult.Executed transaction(GasCounter counter) {
    TxResult.Executed r = c.execute(spec, precompiles, new CodeCache(16));
    counter.gas += r.gasUsed();
    return r;
  }
}
