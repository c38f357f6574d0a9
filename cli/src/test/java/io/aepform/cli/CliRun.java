package io.aepform.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/** Runs the CLI in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {
  /** Without a terminal, as in CI: confirmations are refused. */
  public static CliRun run(Map<String, String> env, String... args) {
    return run(env, out -> Terminal.none(), args);
  }

  public static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  /** On a terminal where the user types {@code typed} (lines; its end is Ctrl-D). */
  public static CliRun typing(String typed, Map<String, String> env, String... args) {
    return run(env, out -> Terminal.typing(typed, out), args);
  }

  private static CliRun run(
      Map<String, String> env, Function<PrintStream, Terminal> terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Cli(o, e, env, terminal.apply(o)).execute(args);
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
