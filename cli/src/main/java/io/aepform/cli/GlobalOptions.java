package io.aepform.cli;

import picocli.CommandLine.Option;

/**
 * The options every command takes, also those that read no configuration ({@code emulator}, {@code
 * completion}): scripts can pass them to any command.
 */
final class GlobalOptions {
  @Option(names = "--no-color", description = "No colors (also when NO_COLOR is set).")
  boolean noColor;

  @Option(
      names = {"-v", "--verbose"},
      description = "More detail; stack traces on errors.")
  boolean verbose;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;
}
