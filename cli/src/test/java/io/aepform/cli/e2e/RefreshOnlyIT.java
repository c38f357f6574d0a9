package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * --refresh-only: changes made outside are shown, then recorded in state; nothing remote changes.
 */
class RefreshOnlyIT {
  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  private CliRun cli(String... command) {
    return CliRun.run(platform.env(), platform.args(command));
  }

  @Test
  void driftIsRecordedWithoutChangingAnythingRemote() throws Exception {
    assertThat(cli("apply", "--auto-approve").exitCode()).isZero();
    CliRun clean = cli("plan", "--refresh-only", "--detailed-exitcode");
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(clean.out())
        .isEqualTo(
            "\nNo changes. Your AEP objects still match what the state of environment \"it\""
                + " records.\n\naepform has checked that the remote objects still match the result"
                + " of your most recent changes,\nand found no differences.\n");
    new LifecycleSteps(platform).renameFlowOutside("Renamed by hand");

    CliRun plan = cli("plan", "--refresh-only", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains("Objects have changed outside of aepform")
        .contains("  # flow.ingest has changed\n")
        .contains("~ spec.name = \"Demo Parquet Ingestion Flow\" -> \"Renamed by hand\"")
        .endsWith(
            "This is a refresh-only plan, so aepform will not take any actions to undo these.\n"
                + "If you were expecting these changes, apply it with aepform apply --refresh-only"
                + " to\nrecord the updated values in state without changing any remote object.\n"
                + "\nState would be updated: 1 object changed outside aepform; nothing remote would"
                + " change.\n");
    assertThat(plan.out()).doesNotContain("will be updated").doesNotContain("No changes");

    platform.emulator.clearRequestLog();
    CliRun apply = cli("apply", "--refresh-only", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(platform.writes()).isEmpty();
    assertThat(Files.readString(platform.stateFile())).contains("Renamed by hand");
    CliRun nothingLeft = cli("apply", "--refresh-only", "--auto-approve");
    assertThat(nothingLeft.exitCode()).isZero();
    assertThat(nothingLeft.out())
        .startsWith("\nNo changes. Your AEP objects still match")
        .doesNotContain("Apply complete!");

    // state now matches the remote object: the manifest's name is a change to make again
    CliRun after = cli("plan");
    assertThat(after.out()).doesNotContain("Objects have changed outside of aepform");
    assertThat(after.out())
        .contains("~ spec.name = \"Renamed by hand\" -> \"Demo Parquet Ingestion Flow\"");
  }
}
