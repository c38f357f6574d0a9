package io.aepform.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.OptionalInt;

/** Entry point. {@link #run} returns the exit code; only {@link #main} exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, System.getenv(), args));
  }

  /** Runs one command line with the given streams and process environment. */
  public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
    OptionalInt answered = StartupPath.answer(out, args);
    return answered.isPresent() ? answered.getAsInt() : new Cli(out, err, env).execute(args);
  }
}
