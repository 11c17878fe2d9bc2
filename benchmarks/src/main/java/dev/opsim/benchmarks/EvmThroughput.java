package dev.opsim.benchmarks;

import dev.opsim.evm.CodeCache;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.StandardPrecompiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A command-line gas-throughput run over the evm-benchmarks cases (and the hand-written loops with
 * {@code --loops}), with the same method as {@code benchmarks/peers/run-peers.mjs} so the numbers compare: per
 * case, run the transaction for {@code --warmup} seconds, then for at least {@code --seconds} seconds and 3 runs;
 * Mgas/s = total gas used / total time. Gas is the transaction's gas used as its receipt reports it (21,000 +
 * calldata + execution, after refunds). Each run is a fresh journal over the case's pre-state and a fresh code
 * cache; loading, pre-state building and the post-state check are outside the timing.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.opsim.benchmarks.EvmThroughput [--run REGEX]
 * [--warmup S] [--seconds S] [--loops] [--dir PATH]}. Prints a table, then one JSON line per case.
 */
public final class EvmThroughput {
  private EvmThroughput() {}

  /** One measured case. */
  public record Measurement(String id, long gasUsed, long runs, double seconds) {
    public double mgasPerSecond() {
      return gasUsed * (double) runs / seconds / 1e6;
    }

    public double msPerRun() {
      return seconds * 1e3 / runs;
    }
  }

  public static void main(String[] args) {
    Pattern run = null;
    double warmup = 2;
    double seconds = 3;
    boolean loops = false;
    String dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--run" -> run = Pattern.compile(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--loops" -> loops = true;
        case "--dir" -> dir = args[++i];
        default -> {
          System.err.println("usage: EvmThroughput [--run REGEX] [--warmup S] [--seconds S] [--loops] [--dir PATH]");
          System.exit(2);
        }
      }
    }
    List<EvmBenchmarkCase> cases = new ArrayList<>(EvmBenchmarkCase.loadAll(
        dir == null ? EvmBenchmarkCase.suiteDir() : java.nio.file.Path.of(dir)));
    if (loops) {
      for (OpcodeLoop l : OpcodeLoop.values()) {
        cases.add(l.toCase());
      }
    }
    Pattern filter = run;
    cases.removeIf(c -> filter != null && !filter.matcher(c.id()).find());
    List<Measurement> results = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%-36s %14s %8s %12s %10s%n", "case", "gas used", "runs", "ms/run", "Mgas/s");
    for (EvmBenchmarkCase c : cases) {
      Measurement m = measure(c, warmup, seconds);
      results.add(m);
      System.out.printf(Locale.ROOT, "%-36s %,14d %8d %12.3f %10.1f%n", m.id(), m.gasUsed(), m.runs(), m.msPerRun(),
          m.mgasPerSecond());
    }
    for (Measurement m : results) {
      System.out.printf(Locale.ROOT,
          "{\"evm\":\"opsim\",\"case\":\"%s\",\"gasUsed\":%d,\"runs\":%d,\"seconds\":%.6f,\"mgasPerSecond\":%.3f}%n",
          m.id(), m.gasUsed(), m.runs(), m.seconds(), m.mgasPerSecond());
    }
  }

  /** Verifies the case, warms it up for {@code warmup} s, then times runs for at least {@code seconds} s. */
  public static Measurement measure(EvmBenchmarkCase c, double warmup, double seconds) {
    long gas = c.verify();
    EvmSpec spec = EvmSpec.forName(EvmBenchmarkCase.RUN_AS);
    PrecompileRegistry precompiles = StandardPrecompiles.forSpec(spec);
    long sink = 0;
    long end = System.nanoTime() + (long) (warmup * 1e9);
    while (System.nanoTime() < end) {
      sink += c.execute(spec, precompiles, new CodeCache(16)).gasUsed();
    }
    long runs = 0;
    long start = System.nanoTime();
    long minEnd = start + (long) (seconds * 1e9);
    long now;
    do {
      long used = c.execute(spec, precompiles, new CodeCache(16)).gasUsed();
      if (used != gas) {
        throw new IllegalStateException(c.id() + ": gas used changed between runs: " + used + " vs " + gas);
      }
      runs++;
      now = System.nanoTime();
    } while (now < minEnd || runs < 3);
    if (sink == 42) {
      System.out.print("");
    }
    return new Measurement(c.id(), gas, runs, (now - start) / 1e9);
  }
}
