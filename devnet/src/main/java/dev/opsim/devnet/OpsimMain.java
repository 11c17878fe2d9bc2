package dev.opsim.devnet;

import java.io.PrintWriter;
import dev.opsim.devnet.cli.DecodeCommand;
import dev.opsim.devnet.cli.L1FeeCommand;
import dev.opsim.devnet.genesis.GenesisCommand;
import dev.opsim.engine.node.EngineCommand;
import dev.opsim.engine.statetest.StatetestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code opsim} command line. Usage errors exit 2 with one line; failures of a command exit 1. */
@Command(
    name = "opsim",
    mixinStandardHelpOptions = true,
    versionProvider = OpsimMain.Version.class,
    description = "An OP-Stack-compatible rollup that runs whole on one machine.",
    subcommands = {CommandLine.HelpCommand.class, DecodeCommand.class, L1FeeCommand.class, StatetestCommand.class,
        EngineCommand.class, GenesisCommand.class})
public final class OpsimMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams and returns the exit code (tests call this directly). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new OpsimMain());
    // `@FILE` is our input syntax for bytes, not picocli's argument-file expansion.
    cli.setExpandAtFiles(false);
    cli.setParameterExceptionHandler(OpsimMain::usageError);
    cli.setExecutionExceptionHandler(OpsimMain::failure);
    return cli;
  }

  @Override
  public void run() {
    // `opsim` alone: show what there is to run.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("opsim: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    return CommandLine.ExitCode.USAGE;
  }

  /**
   * A command failed on its input or environment. {@link UserError}s are expected and get one line; anything
   * else is a bug, so it is reported with its type (and the stack with OPSIM_DEBUG=1).
   */
  private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    if (e instanceof UserError) {
      cmd.getErr().println("opsim: " + e.getMessage());
    } else {
      cmd.getErr().println("opsim: internal error: " + e);
      if (System.getenv("OPSIM_DEBUG") != null) {
        e.printStackTrace(cmd.getErr());
      }
    }
    return CommandLine.ExitCode.SOFTWARE;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = OpsimMain.class.getPackage().getImplementationVersion();
      return new String[] {"opsim " + (v == null ? "dev" : v)};
    }
  }
}
