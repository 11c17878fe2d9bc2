package dev.opsim.engine.node;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opsim engine}: runs an execution engine in the foreground until SIGINT or SIGTERM. */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {
        "Runs an execution engine: L1 rules, or OP (L2) rules when the genesis has config.optimism.",
        "Serves eth JSON-RPC on --http.port and the Engine API (JWT) on --authrpc.port, both on 127.0.0.1 by",
        "default; keeps the chain in --datadir and resumes from it. Stops cleanly on SIGINT/SIGTERM."})
public final class EngineCommand implements Callable<Integer> {
  @Option(names = "--genesis", required = true, paramLabel = "FILE",
      description = "genesis.json in geth's layout")
  Path genesis;

  @Option(names = "--datadir", required = true, paramLabel = "DIR", description = "where the chain is kept")
  Path dataDir;

  @Option(names = "--http.addr", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "address of both servers (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--http.port", defaultValue = "8545", paramLabel = "PORT",
      description = "eth JSON-RPC port (default: ${DEFAULT-VALUE})")
  int httpPort;

  @Option(names = "--authrpc.port", defaultValue = "8551", paramLabel = "PORT",
      description = "Engine API port (default: ${DEFAULT-VALUE})")
  int authPort;

  @Option(names = "--authrpc.jwtsecret", paramLabel = "FILE",
      description = "32-byte hex JWT secret; default DIR/jwtsecret, created if missing")
  Path jwtSecret;

  @Option(names = "--dev.period", paramLabel = "SECONDS",
      description = "L1 only: produce a block every SECONDS (0 = one per transaction, never empty)")
  Long devPeriod;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (devPeriod != null && devPeriod < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--dev.period must be 0 or more");
    }
    EngineConfig config = new EngineConfig(genesis, dataDir, host, httpPort, authPort, Optional.ofNullable(jwtSecret),
        devPeriod == null ? OptionalLong.empty() : OptionalLong.of(devPeriod));
    EngineNode node;
    try {
      node = EngineNode.start(config, InstantSource.system());
    } catch (EngineStartException e) {
      spec.commandLine().getErr().println("opsim engine: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "engine-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return 0;
  }
}
