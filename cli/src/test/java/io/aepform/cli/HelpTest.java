package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command answers --help with its options and examples, and exits 0. */
class HelpTest {
  private static final List<String> COMMANDS =
      List.of(
          "validate",
          "plan",
          "apply",
          "destroy",
          "graph",
          "output",
          "show",
          "state",
          "import",
          "force-unlock",
          "emulator",
          "completion");

  @Test
  void everyCommandHasHelpWithExamples() {
    for (String command : COMMANDS) {
      CliRun run = CliRun.run(command, "--help");
      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).contains("Usage: aepform " + command).contains("Example");
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
      for (String command : COMMANDS) {
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
}
