package io.aepform.cli;

import io.aepform.cli.render.ErrorJson;
import io.aepform.error.AepformException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The command line: picocli wiring, the streams and environment commands use, and the one place
 * errors turn into {@code Error: ...} lines and exit codes.
 */
public final class Cli {
  /** Columns of usage help. */
  static final int USAGE_WIDTH = 120;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Terminal terminal;

  public Cli(PrintStream out, PrintStream err, Map<String, String> env) {
    this(out, err, env, Terminal.system());
  }

  /** A command line whose confirmations are asked on {@code terminal}. */
  public Cli(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal) {
    this.out = out;
    this.err = err;
    this.env = Map.copyOf(env);
    this.terminal = terminal;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public Map<String, String> env() {
    return env;
  }

  public Terminal terminal() {
    return terminal;
  }

  /** Runs one command line; returns the exit code. */
  public int execute(String... args) {
    CommandFactory factory = new CommandFactory(this);
    CommandLine cli = new CommandLine(new RootCommand(), factory);
    for (var sub : subcommandsFor(args).entrySet()) {
      cli.addSubcommand(sub.getKey(), new CommandLine(sub.getValue(), factory));
    }
    if (cli.getSubcommands().containsKey("emulator")) {
      EmulatorCommand.describeFaults(cli);
    }
    cli.setUsageHelpWidth(USAGE_WIDTH);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(this::onError);
    cli.setParameterExceptionHandler(this::onUsageError);
    return cli.execute(args);
  }

  /**
   * Only the subcommand the command line names, when it names one that does not need its siblings;
   * every subcommand otherwise (help, completion, root options, no command, a misspelt one), so
   * picocli's listing and suggestions see them all.
   */
  static Map<String, Class<?>> subcommandsFor(String... args) {
    String first = args.length == 0 ? null : args[0];
    if (first == null
        || first.equals("help")
        || first.equals("completion")
        || !RootCommand.SUBCOMMANDS.containsKey(first)) {
      return RootCommand.SUBCOMMANDS;
    }
    return Map.of(first, RootCommand.SUBCOMMANDS.get(first));
  }

  private int onUsageError(CommandLine.ParameterException e, String[] args) {
    if (JsonFormat.requested(e.getCommandLine(), args)) {
      out.print(ErrorJson.usage(e.getMessage()));
    }
    err.println("Error: " + e.getMessage());
    UsageHints.of(e).ifPresent(err::println);
    String name = e.getCommandLine().getCommandSpec().qualifiedName();
    err.println("Run '" + name + " --help' for usage.");
    return 1;
  }

  private int onError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    boolean verbose = parsed.hasMatchedOption("--verbose") || hasVerboseSubcommand(parsed);
    if (JsonFormat.requested(parsed)) {
      out.print(ErrorJson.render(e));
    }
    if (e instanceof AepformException ae) {
      err.println("Error: " + ae.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return ae.domain().exitCode();
    }
    err.println("Error: internal error: " + e);
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println(
          "This is a bug in aepform; run with --verbose for the stack trace and report it.");
    }
    return 1;
  }

  private static boolean hasVerboseSubcommand(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** Lets commands receive the {@link Cli} they run in. */
  private record CommandFactory(Cli cli) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(Cli.class).newInstance(cli);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
