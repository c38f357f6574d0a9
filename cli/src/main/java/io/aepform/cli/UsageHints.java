package io.aepform.cli;

import io.aepform.engine.value.Spelling;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What to say after a usage error: Terraform's spellings ({@code -auto-approve}, {@code -version})
 * in aepform's, else "did you mean" for a misspelt command or option.
 */
final class UsageHints {
  /** {@code -name} or {@code -name=value}: an option written with one dash, as Terraform does. */
  private static final Pattern ONE_DASH = Pattern.compile("-([a-z][a-z-]+)(=.*)?");

  private UsageHints() {}

  static Optional<String> of(CommandLine.ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)) {
      return Optional.empty();
    }
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    for (String arg : unmatched.getUnmatched()) {
      Optional<String> terraform = terraformSpelling(arg, spec);
      if (terraform.isPresent()) {
        return terraform;
      }
    }
    Optional<String> first = unmatched.getUnmatched().stream().findFirst();
    Optional<String> misplaced = first.flatMap(arg -> subcommandOption(arg, spec));
    if (misplaced.isPresent()) {
      return misplaced;
    }
    Optional<String> others = first.flatMap(arg -> otherCommandsOption(arg, spec));
    if (others.isPresent()) {
      return others;
    }
    return first
        .flatMap(arg -> Spelling.closest(arg, known(arg, spec)))
        .map(word -> "Did you mean '" + word + "'?");
  }

  /**
   * {@code aepform state --env local}: an option of the subcommands given before one. Where it
   * goes, with the subcommands to choose from.
   */
  private static Optional<String> subcommandOption(String arg, CommandSpec spec) {
    String name = arg.split("=", 2)[0];
    boolean theirs =
        name.startsWith("--")
            && spec.subcommands().values().stream()
                .anyMatch(sub -> sub.getCommandSpec().findOption(name) != null);
    if (!theirs) {
      return Optional.empty();
    }
    boolean root = spec.parent() == null;
    return Optional.of(
        name
            + " goes after the "
            + (root ? "command" : "subcommand")
            + ": "
            + spec.qualifiedName()
            + (root ? " COMMAND " : " SUBCOMMAND ")
            + name
            + " ..."
            + (root ? "" : " (" + String.join(", ", spec.subcommands().keySet()) + ")"));
  }

  /**
   * {@code aepform completion --dir .}: an option of the commands that read a configuration, given
   * to one that reads none.
   */
  private static Optional<String> otherCommandsOption(String arg, CommandSpec spec) {
    String name = arg.split("=", 2)[0];
    boolean configurations =
        name.startsWith("--")
            && spec.parent() != null
            && spec.findOption("--dir") == null
            && spec.root().subcommands().values().stream()
                .anyMatch(sub -> sub.getCommandSpec().findOption(name) != null);
    return configurations
        ? Optional.of(spec.qualifiedName() + " reads no configuration: it takes no " + name)
        : Optional.empty();
  }

  /** The words {@code arg} may be a typo of: the command's options, or its subcommands. */
  private static Collection<String> known(String arg, CommandSpec spec) {
    if (arg.startsWith("-")) {
      return spec.options().stream().flatMap(o -> Stream.of(o.names())).toList();
    }
    return spec.subcommands().keySet();
  }

  private static Optional<String> terraformSpelling(String arg, CommandSpec spec) {
    if (arg.equals("--version")) {
      return Optional.of("aepform prints its version with a command: aepform version");
    }
    Matcher m = ONE_DASH.matcher(arg);
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(1);
    String value = m.group(2) == null ? "" : m.group(2);
    if (name.equals("version")) {
      return Optional.of("aepform prints its version with a command: aepform version");
    }
    if (name.equals("chdir")) {
      return Optional.of(
          "aepform takes the configuration directory with --dir: --dir" + value.replace('=', ' '));
    }
    if (spec.findOption("--" + name) != null) {
      return Optional.of(
          "aepform spells long options with two dashes (Terraform uses one): --" + name + value);
    }
    return Optional.empty();
  }
}
