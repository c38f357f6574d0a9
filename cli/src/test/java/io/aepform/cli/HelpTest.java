package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command a user can type answers --help with its usage and examples, and exits 0; the
 * commands are read from picocli's command tree, so a new command is checked without a list here.
 */
class HelpTest {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  /** Commands with nothing to show by example: picocli's {@code help}, {@code version}. */
  private static final Set<String> WITHOUT_EXAMPLES = Set.of("help", "version");

  @Test
  void everyCommandHasHelpWithExamples() {
    Map<String, CommandLine> commands = tree().getSubcommands();
    assertThat(commands).containsKeys("validate", "plan", "apply", "destroy", "state");
    assertThat(commands).containsKeys(WITHOUT_EXAMPLES.toArray(String[]::new));
    for (String command : commands.keySet()) {
      String help = help(List.of(command));
      if (!WITHOUT_EXAMPLES.contains(command)) {
        assertThat(help).as(command).contains("Example");
      }
    }
  }

  /** Subcommands (state list, state rm...) have help too; their group's help has the examples. */
  @Test
  void everySubcommandHasHelp() {
    List<List<String>> subcommands = new ArrayList<>();
    tree().getSubcommands().forEach((name, line) -> subcommands.addAll(commands(line, name)));
    assertThat(subcommands).contains(List.of("state", "list"), List.of("state", "rm"));
    for (List<String> command : subcommands) {
      help(command);
    }
  }

  @Test
  void completionScriptsForBashAndZsh() {
    assertThat(CliRun.run("completion", "bash").out())
        .contains("complete -F _complete_aepform -o default aepform");
    assertThat(CliRun.run("completion", "zsh").out()).startsWith("autoload -U +X compinit");
    CliRun fish = CliRun.run("completion", "fish");
    assertThat(fish.exitCode()).isEqualTo(1);
    assertThat(fish.err()).startsWith("Error: Invalid value for positional parameter");
  }

  @Test
  void theCommandListAndSuggestionsSeeEveryCommand() {
    // a command line naming one command builds only that one; these need them all
    for (CliRun run : List.of(CliRun.run("--help"), CliRun.run("help"))) {
      for (String command : tree().getSubcommands().keySet()) {
        assertThat(run.out()).contains("\n  " + command + " ");
      }
    }
    CliRun typo = CliRun.run("aply");
    assertThat(typo.exitCode()).isEqualTo(1);
    assertThat(typo.err())
        .isEqualTo(
            "Error: Unmatched argument at index 0: 'aply'\nDid you mean 'apply'?\n"
                + "Run 'aepform --help' for usage.\n");
    assertThat(CliRun.run("help", "plan").out()).contains("Usage: aepform plan");
    assertThat(CliRun.run("completion", "bash").out()).contains("force-unlock");
  }

  @Test
  void aCommandLineBuildsOnlyTheCommandItNames() {
    assertThat(Cli.subcommandsFor("plan", "--dir", "x")).containsOnlyKeys("plan");
    assertThat(Cli.subcommandsFor("state", "list")).containsOnlyKeys("state");
    assertThat(Cli.subcommandsFor("-h", "plan")).hasSize(RootCommand.SUBCOMMANDS.size());
    assertThat(Cli.subcommandsFor("nope")).hasSize(RootCommand.SUBCOMMANDS.size());
  }

  /** {@code aepform COMMAND --help}: exit 0, the command's usage on stdout. */
  private static String help(List<String> command) {
    String name = String.join(" ", command);
    List<String> args = new ArrayList<>(command);
    args.add("--help");
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(name).isZero();
    assertThat(run.err()).as(name).isEmpty();
    assertThat(run.out()).as(name).contains("Usage: aepform " + name);
    return run.out();
  }

  /** The subcommands under {@code line} (named {@code prefix}), as the words a user types. */
  private static List<List<String>> commands(CommandLine line, String... prefix) {
    List<List<String>> out = new ArrayList<>();
    for (Map.Entry<String, CommandLine> sub : line.getSubcommands().entrySet()) {
      List<String> words = new ArrayList<>(List.of(prefix));
      words.add(sub.getKey());
      out.add(words);
      out.addAll(commands(sub.getValue(), words.toArray(String[]::new)));
    }
    return out;
  }

  /** The whole command tree, as a command line that needs every command builds it. */
  private static CommandLine tree() {
    CommandLine.IFactory factory = new CliFactory(new Cli(NOWHERE, NOWHERE, Map.of()));
    CommandLine root = new CommandLine(new RootCommand(), factory);
    Cli.subcommandsFor()
        .forEach((name, cls) -> root.addSubcommand(name, new CommandLine(cls, factory)));
    return root;
  }

  /** Commands take the {@link Cli} they run in, as in {@link Cli}'s own factory. */
  private record CliFactory(Cli cli) implements CommandLine.IFactory {
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
