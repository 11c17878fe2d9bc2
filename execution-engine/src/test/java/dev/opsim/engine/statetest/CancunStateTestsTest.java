package dev.opsim.engine.statetest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.StandardPrecompiles;
import dev.opsim.protocol.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Cancun post entry of the public GeneralStateTests subset (fixture README: 13,022 entries): one dynamic
 * test per file, each entry must pass unless listed with its cause in {@code statetest-known-failures.txt}; a last
 * test asserts the overall pass rate of at least 99.5%.
 */
class CancunStateTestsTest {
  private static final Path ROOT = Fixtures.path("ethereum-tests/GeneralStateTests");

  @TestFactory
  Stream<DynamicTest> cancunEntries() throws IOException {
    Set<String> known = knownFailures();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    StateTestRunner runner = new StateTestRunner(StandardPrecompiles::forSpec);
    AtomicInteger passed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Stream<DynamicTest> perFile = files.stream().map(file -> {
      String rel = ROOT.relativize(file).toString();
      return DynamicTest.dynamicTest(rel, () -> {
        List<String> unexpected = new ArrayList<>();
        for (StateTestResult r : runner.runFile(file, "Cancun"::equals, n -> true, null)) {
          if (r.pass()) {
            passed.incrementAndGet();
            continue;
          }
          failed.incrementAndGet();
          String id = rel + "#" + r.name() + "#" + r.index();
          if (!known.contains(id)) {
            unexpected.add(id + ": " + r.error());
          }
        }
        assertTrue(unexpected.isEmpty(), () -> String.join("\n", unexpected));
      });
    });
    DynamicTest rate = DynamicTest.dynamicTest("pass rate >= 99.5%", () -> {
      int total = passed.get() + failed.get();
      assertTrue(total >= 13_000, "only " + total + " entries ran");
      assertTrue(passed.get() * 1000L >= total * 995L, passed + " of " + total + " passed");
    });
    return Stream.concat(perFile, Stream.of(rate));
  }

  private static Set<String> knownFailures() throws IOException {
    Set<String> out = new HashSet<>();
    try (InputStream in = CancunStateTestsTest.class.getResourceAsStream("/statetest-known-failures.txt")) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(l.split("\\s+")[0]);
        }
      }
    }
    return out;
  }
}
