package dev.opsim.engine.statetest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.Tracer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code statetest [--fork NAME] [--run REGEX] [--trace] PATH...}: runs GeneralStateTests files in this JVM and
 * prints geth's report convention: a JSON array on stdout, {@code N passed, M failed[, K skipped]} last on stderr.
 */
@Command(name = "statetest", mixinStandardHelpOptions = true,
    description = "Run Ethereum GeneralStateTests JSON files (directories are walked).")
public final class StatetestCommand implements Callable<Integer> {
  @Option(names = "--fork", description = "Only run post entries of this fork (e.g. Cancun).")
  String fork;

  @Option(names = "--run", description = "Only run tests whose name matches this regular expression.")
  String run;

  @Option(names = "--trace", description = "Print a JSON line per executed opcode on stderr.")
  boolean trace;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Test files or directories.")
  List<Path> paths = new ArrayList<>();

  @Spec
  CommandSpec spec;

  private PrintWriter out;
  private PrintWriter err;

  /** Writes to the command line's out/err writers (so a parent command's redirection applies). */
  public StatetestCommand() {}

  /** Writes to the given streams. */
  public StatetestCommand(PrintStream out, PrintStream err) {
    this.out = new PrintWriter(out, true, StandardCharsets.UTF_8);
    this.err = new PrintWriter(err, true, StandardCharsets.UTF_8);
  }

  @Override
  public Integer call() throws IOException {
    if (out == null) {
      out = spec.commandLine().getOut();
      err = spec.commandLine().getErr();
    }
    try {
      return run();
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int run() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        err.println("no such file or directory: " + p);
        return 2;
      }
    }
    Pattern namePattern = run == null ? null : Pattern.compile(run);
    StateTestRunner runner = new StateTestRunner(dev.opsim.evm.StandardPrecompiles::forSpec);
    ObjectMapper mapper = new ObjectMapper();
    long passed = 0;
    long failed = 0;
    long skipped = 0;
    JsonGenerator gen = mapper.getFactory().createGenerator(out);
    gen.useDefaultPrettyPrinter();
    gen.writeStartArray();
    for (Path file : files) {
      List<StateTestResult> results;
      try {
        results = runner.runFile(file, f -> fork == null || fork.equals(f),
            n -> namePattern == null || namePattern.matcher(n).find(),
            trace ? n -> new JsonLineTracer(err) : null);
      } catch (IOException | RuntimeException e) {
        err.println("cannot read " + file + ": " + e.getMessage());
        failed++;
        continue;
      }
      skipped += runner.lastSkipped();
      for (StateTestResult r : results) {
        if (r.pass()) {
          passed++;
        } else {
          failed++;
        }
        gen.writeStartObject();
        gen.writeStringField("name", r.name());
        gen.writeBooleanField("pass", r.pass());
        gen.writeStringField("stateRoot", r.stateRoot());
        gen.writeStringField("fork", r.fork());
        if (r.error() != null) {
          gen.writeStringField("error", r.error());
        }
        gen.writeStringField("logsHash", r.logsHash());
        gen.writeNumberField("gasUsed", r.gasUsed());
        gen.writeStringField("file", r.file());
        gen.writeNumberField("index", r.index());
        gen.writeEndObject();
      }
    }
    gen.writeEndArray();
    gen.flush();
    out.println();
    out.flush();
    err.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
    return failed == 0 ? 0 : 1;
  }

  /** geth-style per-step JSON lines. */
  private static final class JsonLineTracer implements Tracer {
    private final PrintWriter err;

    JsonLineTracer(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void beforeStep(int pc, int opcode, long gas, int depth, long[] stack, int stackSize, long memorySize) {
      StringBuilder sb = new StringBuilder(128);
      sb.append("{\"pc\":").append(pc).append(",\"op\":").append(opcode).append(",\"gas\":\"0x")
          .append(Long.toHexString(gas)).append("\",\"depth\":").append(depth + 1).append(",\"memSize\":")
          .append(memorySize).append(",\"stack\":[");
      for (int i = 0; i < stackSize; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append("\"0x").append(new java.math.BigInteger(1, word(stack, i << 2)).toString(16)).append('"');
      }
      sb.append("]}");
      err.println(sb);
    }

    private static byte[] word(long[] s, int o) {
      byte[] b = new byte[32];
      for (int i = 0; i < 4; i++) {
        long v = s[o + 3 - i];
        for (int j = 7; j >= 0; j--) {
          b[i * 8 + j] = (byte) v;
          v >>>= 8;
        }
      }
      return b;
    }

    @Override
    public void afterStep(int pc, int opcode, long gasBefore, long gasAfter, int depth, int status) {}
  }

  /** Stand-alone entry point (the {@code opsim} CLI mounts the command as a subcommand). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new StatetestCommand()).execute(args));
  }
}
