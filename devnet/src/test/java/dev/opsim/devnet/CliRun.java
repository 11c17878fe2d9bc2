package dev.opsim.devnet;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the opsim CLI in-process and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = OpsimMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** True when stderr is one line of text, not a stack trace. */
  public boolean errIsOneLine() {
    return err.strip().lines().count() == 1 && !err.contains("Exception") && !err.contains("\tat ");
  }
}
