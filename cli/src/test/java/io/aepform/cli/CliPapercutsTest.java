package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 (6): what a new user trips over first, from help texts to Terraform habits. */
class CliPapercutsTest {
  @Test
  void planAndShowHelpListEveryFormat() {
    for (String command : List.of("plan", "show")) {
      assertThat(CliRun.run(command, "--help").out())
          .as(command)
          .contains("--format=text|json|markdown");
    }
  }

  @Test
  void completionHelpShowsTheZshPathAsWritten() {
    String help = CliRun.run("completion", "--help").out();
    assertThat(help)
        .contains("aepform completion zsh > \"${fpath[1]}/_aepform\"")
        .doesNotContain("null");
  }

  /** An option of other commands before the shell was reported as '.' being a bad shell. */
  @Test
  void completionNamesTheOptionItDoesNotTakeWhereverItIsGiven() {
    String said =
        "Error: Unknown option: '--dir'\n"
            + "aepform completion reads no configuration: it takes no --dir\n"
            + "Run 'aepform completion --help' for usage.\n";
    for (String[] args :
        List.of(
            new String[] {"completion", "--dir", ".", "bash"},
            new String[] {"completion", "bash", "--dir", "."})) {
      CliRun run = CliRun.run(args);
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).as(String.join(" ", args)).isEqualTo(said);
      assertThat(run.out()).isEmpty();
    }
    assertThat(CliRun.run("completion", "bash", "zsh").err())
        .isEqualTo(
            "Error: completion takes one shell, bash or zsh: got 'bash zsh'\n"
                + "Run 'aepform completion --help' for usage.\n");
    assertThat(CliRun.run("completion", "fish").err())
        .isEqualTo(
            "Error: Invalid value for positional parameter at index 0 (bash|zsh): expected one of"
                + " [bash, zsh] (case-sensitive) but was 'fish'\n"
                + "Run 'aepform completion --help' for usage.\n");
    // the script still offers the shells after 'aepform completion'
    assertThat(CliRun.run("completion", "bash").out())
        .contains("_pos_param_args=(\"bash\" \"zsh\")");
  }

  @Test
  void commandsThatReadNoConfigurationStillTakeTheOptionsEveryCommandTakes() {
    CliRun completion = CliRun.run("completion", "bash", "--no-color", "-v");
    assertThat(completion.exitCode()).as(completion.err()).isZero();
    // --no-color is aepform's, not a fault option of the emulator: the error is about the rate
    CliRun emulator = CliRun.run("emulator", "--no-color", "--failure-rate", "2");
    assertThat(emulator.err())
        .isEqualTo(
            "Error: failure rate must be between 0 and 1, got 2.0 (see aepform emulator --help)\n");
    for (String command : List.of("emulator", "completion")) {
      assertThat(CliRun.run(command, "--help").out())
          .as(command)
          .contains("--no-color")
          .contains("--verbose")
          .doesNotContain("--dir");
    }
  }

  @Test
  void theValidateExampleOfTheTopLevelHelpWorksAsWritten() {
    List<String> examples =
        CliRun.run("--help").out().lines().filter(l -> l.startsWith("  aepform validate")).toList();
    assertThat(examples).isNotEmpty();
    for (String example : examples) {
      // the examples are written from the repository's root; the tests run in cli/
      List<String> args = new ArrayList<>(List.of(example.trim().split(" +")));
      args.remove(0);
      args.replaceAll(a -> a.startsWith("examples/") ? "../" + a : a);
      CliRun run = CliRun.run(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(example + "\n" + run.err()).isZero();
    }
  }

  @Test
  void stateWithoutASubcommandNamesAllOfThem() {
    CliRun state = CliRun.run("state");
    assertThat(state.exitCode()).isEqualTo(1);
    assertThat(state.err())
        .isEqualTo(
            "Error: a subcommand is required: list, show, rm, mv, pull, push or history\n"
                + "Run 'aepform state --help' for usage.\n");
  }

  /** Options of the subcommands given before one say where they go. */
  @Test
  void anOptionBeforeTheSubcommandSaysWhereItGoes() {
    assertThat(CliRun.run("state", "--env", "local").err())
        .isEqualTo(
            "Error: Unknown options: '--env', 'local'\n"
                + "--env goes after the subcommand: aepform state SUBCOMMAND --env ..."
                + " (list, show, rm, mv, pull, push, history)\n"
                + "Run 'aepform state --help' for usage.\n");
    assertThat(CliRun.run("--dir", "x", "plan").err())
        .isEqualTo(
            "Error: Unknown options: '--dir', 'x'\n"
                + "--dir goes after the command: aepform COMMAND --dir ...\n"
                + "Run 'aepform --help' for usage.\n");
  }

  @Test
  void terraformSpellingsGetAHint() {
    assertThat(CliRun.run("apply", "-auto-approve").err())
        .isEqualTo(
            "Error: Unknown option: '-auto-approve'\n"
                + "aepform spells long options with two dashes (Terraform uses one):"
                + " --auto-approve\n"
                + "Run 'aepform apply --help' for usage.\n");
    assertThat(CliRun.run("-version").err())
        .isEqualTo(
            "Error: Unknown option: '-version'\n"
                + "aepform prints its version with a command: aepform version\n"
                + "Run 'aepform --help' for usage.\n");
    assertThat(CliRun.run("--version").err())
        .contains("\naepform prints its version with a command: aepform version\n");
    assertThat(CliRun.run("plan", "-chdir=infra").err())
        .contains("aepform takes the configuration directory with --dir: --dir infra\n");
    assertThat(CliRun.run("plan", "-target=flow.ingest").err())
        .contains("(Terraform uses one): --target=flow.ingest\n");
  }

  @Test
  void misspeltCommandsAndOptionsGetASuggestion() {
    assertThat(CliRun.run("destory").err()).contains("\nDid you mean 'destroy'?\n");
    assertThat(CliRun.run("state", "lst").err()).contains("\nDid you mean 'list'?\n");
    assertThat(CliRun.run("plan", "--dri", "x").err()).contains("\nDid you mean '--dir'?\n");
    assertThat(CliRun.run("frobnicate").err()).doesNotContain("Did you mean");
  }

  @Test
  void colorsFollowNoColorAndDumbTerminals() {
    assertThat(Colors.enabled(false, Map.of(), true)).isTrue();
    assertThat(Colors.enabled(false, Map.of(), false)).as("not a terminal").isFalse();
    assertThat(Colors.enabled(true, Map.of(), true)).as("--no-color").isFalse();
    assertThat(Colors.enabled(false, Map.of("NO_COLOR", "1"), true)).isFalse();
    assertThat(Colors.enabled(false, Map.of("NO_COLOR", ""), true))
        .as("an empty NO_COLOR does not count (no-color.org)")
        .isTrue();
    assertThat(Colors.enabled(false, Map.of("TERM", "dumb"), true)).isFalse();
    assertThat(Colors.enabled(false, Map.of("TERM", "xterm-256color"), true)).isTrue();
  }
}
