package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (4, 7): the confirmation prompt of apply and destroy answered {@code yes}, {@code no} or
 * with the end of input, and refused without a terminal, each in its command's own words.
 */
class ConfirmationIT {
  private static final String APPLY_PROMPT =
      "\nDo you want to perform these actions?\n"
          + "  aepform will perform the actions described above.\n"
          + "  Only 'yes' will be accepted to approve.\n\n"
          + "  Enter a value: \n";
  private static final String DESTROY_PROMPT =
      "\nDo you really want to destroy all resources?\n"
          + "  aepform will destroy all the objects the state of this environment holds, as shown"
          + " above.\n"
          + "  There is no undo. Only 'yes' will be accepted to confirm.\n\n"
          + "  Enter a value: \n";

  @TempDir Path tmp;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  private CliRun typing(String typed, String... command) {
    return CliRun.typing(typed, platform.env(), platform.args(command));
  }

  @Test
  void applyAnsweredNoOrEndOfInputChangesNothing() {
    for (String typed : new String[] {"no\n", "", "yes please\n"}) {
      CliRun apply = typing(typed, "apply");
      assertThat(apply.exitCode()).as(typed).isEqualTo(1);
      assertThat(apply.out()).as(typed).contains("Plan: 7 to add").endsWith(APPLY_PROMPT);
      assertThat(apply.err()).isEqualTo("Error: Apply cancelled: nothing was changed.\n");
    }
    assertThat(platform.total()).isZero();
    assertThat(platform.writes()).isEmpty();
  }

  @Test
  void applyAnsweredYesGoesAhead() {
    CliRun apply = typing("yes\n", "apply");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out())
        .contains(APPLY_PROMPT)
        .contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed.");
    assertThat(platform.total()).isEqualTo(7);
  }

  @Test
  void withoutATerminalEachCommandRefusesInItsOwnWords() {
    CliRun apply = CliRun.run(platform.env(), platform.args("apply"));
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .isEqualTo(
            "Error: apply needs confirmation but there is no terminal: review the plan and run"
                + " with --auto-approve, or save it with plan --out and apply that file\n");
    assertThat(CliRun.run(platform.env(), platform.args("apply", "--auto-approve")).exitCode())
        .isZero();

    CliRun destroy = CliRun.run(platform.env(), platform.args("destroy"));
    assertThat(destroy.exitCode()).isEqualTo(1);
    assertThat(destroy.err())
        .isEqualTo(
            "Error: destroy needs confirmation but there is no terminal: review the plan and run"
                + " with --auto-approve\n");
    assertThat(platform.total()).isEqualTo(7);
  }

  @Test
  void destroySpeaksOfDestroying() {
    assertThat(CliRun.run(platform.env(), platform.args("apply", "--auto-approve")).exitCode())
        .isZero();

    CliRun no = typing("no\n", "destroy");
    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(no.out())
        .contains("  # flow.ingest will be destroyed\n  - flow \"ingest\" {")
        .contains("Plan: 0 to add, 0 to change, 7 to destroy.")
        .doesNotContain("not in the configuration")
        .endsWith(DESTROY_PROMPT);
    assertThat(no.err()).isEqualTo("Error: Destroy cancelled: nothing was destroyed.\n");
    assertThat(platform.total()).isEqualTo(7);

    CliRun yes = typing("yes\n", "destroy");
    assertThat(yes.exitCode()).as(yes.err()).isZero();
    assertThat(yes.out())
        .contains(DESTROY_PROMPT)
        .contains("flow.ingest: Destroying...")
        .endsWith("\nDestroy complete! Resources: 7 destroyed.\n");
    assertThat(platform.total()).isZero();
  }

  @Test
  void aRefreshOnlyApplyAnsweredNoRecordsNothing() throws Exception {
    assertThat(CliRun.run(platform.env(), platform.args("apply", "--auto-approve")).exitCode())
        .isZero();
    new LifecycleSteps(platform).renameFlowOutside("Renamed by hand");
    String before = Files.readString(platform.stateFile());

    CliRun no = typing("no\n", "apply", "--refresh-only");
    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(no.out())
        .contains("Would you like to update the aepform state to reflect these detected changes?")
        .doesNotContain("Apply complete!")
        .doesNotContain("No changes");
    assertThat(no.err()).isEqualTo("Error: Apply cancelled: state was not updated.\n");
    assertThat(Files.readString(platform.stateFile())).isEqualTo(before);

    CliRun yes = typing("yes\n", "apply", "--refresh-only");
    assertThat(yes.exitCode()).as(yes.err()).isZero();
    assertThat(yes.out()).contains("Apply complete! State now records what refresh found");
    assertThat(Files.readString(platform.stateFile())).contains("Renamed by hand");
  }
}
