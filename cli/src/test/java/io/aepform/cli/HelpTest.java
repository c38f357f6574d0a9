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
}
