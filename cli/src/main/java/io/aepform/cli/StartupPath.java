package io.aepform.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Answers {@code aepform version} and {@code aepform --help} without building picocli's model of
 * every command (issue 20, start-up). picocli reads each command's annotations by reflection, which
 * on a cold JVM costs more than these two answers; every other command line, and these two with any
 * other argument, goes through {@link Cli} as before. The output is the same byte for byte
 * (StartupPathTest compares it with picocli's).
 */
final class StartupPath {
  private StartupPath() {}

  /** The exit code when this path answered the command line, empty when {@link Cli} must. */
  static OptionalInt answer(PrintStream out, String... args) {
    if (args.length != 1) {
      return OptionalInt.empty();
    }
    return switch (args[0]) {
      case "version" -> {
        out.println(VersionCommand.line());
        yield OptionalInt.of(0);
      }
      case "-h", "--help" -> {
        rootUsage(out);
        yield OptionalInt.of(0);
      }
      default -> OptionalInt.empty();
    };
  }

  /**
   * The root's usage: its own model and, for each subcommand, only what the command list shows
   * (name, header and description, read from the {@code @Command} annotation instead of the whole
   * class).
   */
  private static void rootUsage(PrintStream out) {
    CommandLine root = new CommandLine(new RootCommand());
    for (Map.Entry<String, Class<?>> sub : RootCommand.SUBCOMMANDS.entrySet()) {
      Command command = sub.getValue().getAnnotation(Command.class);
      CommandSpec spec = CommandSpec.create().name(sub.getKey());
      spec.usageMessage().header(command.header()).description(command.description());
      root.addSubcommand(sub.getKey(), spec);
    }
    root.setUsageHelpWidth(Cli.USAGE_WIDTH);
    PrintWriter writer = new PrintWriter(out, true);
    root.usage(writer);
    writer.flush();
  }
}
