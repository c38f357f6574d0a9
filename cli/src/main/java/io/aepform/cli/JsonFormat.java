package io.aepform.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Whether a command line asked for {@code --format json}: then a failure is a JSON document on
 * stdout too, as Terraform's {@code -json} gives diagnostics, so a script always has JSON to read.
 */
final class JsonFormat {
  private static final String OPTION = "--format";

  private JsonFormat() {}

  /** For a command line that parsed: the innermost command's {@code --format}. */
  static boolean requested(CommandLine.ParseResult parsed) {
    Object format = null;
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(OPTION)) {
        format = p.matchedOptionValue(OPTION, null);
      }
    }
    return "json".equals(String.valueOf(format));
  }

  /**
   * For a command line that did not parse: {@code --format json} (or {@code --format=json}) among
   * the arguments of a command whose {@code --format} offers json.
   */
  static boolean requested(CommandLine command, String[] args) {
    Optional<OptionSpec> option = Optional.ofNullable(command.getCommandSpec().findOption(OPTION));
    Iterable<String> candidates = option.map(OptionSpec::completionCandidates).orElse(List.of());
    if (candidates == null || !contains(candidates, "json")) {
      return false;
    }
    for (int i = 0; i < args.length; i++) {
      boolean separate =
          args[i].equals(OPTION) && i + 1 < args.length && args[i + 1].equals("json");
      if (separate || args[i].equals(OPTION + "=json")) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(Iterable<String> values, String wanted) {
    for (String v : values) {
      if (v.equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
