package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
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
    String flowId =
        platform
            .emulator
            .objects(ResourceKind.FLOW, platform.client.orgId(), LocalPlatformExtension.SANDBOX)
            .get(0)
            .path("id")
            .asText();
    platform.emulator.renameObject(
        ResourceKind.FLOW,
        platform.client.orgId(),
        LocalPlatformExtension.SANDBOX,
        flowId,
        "Renamed by hand");

    CliRun plan = cli("plan", "--refresh-only", "--detailed-exitcode");
    assertThat(plan.out())
        .contains("Objects have changed outside of aepform")
        .contains("Renamed by hand");
    assertThat(plan.out()).doesNotContain("will be updated");

    platform.emulator.clearRequestLog();
    CliRun apply = cli("apply", "--refresh-only", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(platform.writes()).isEmpty();
    assertThat(Files.readString(platform.stateFile())).contains("Renamed by hand");

    // state now matches the remote object: the manifest's name is a change to make again
    CliRun after = cli("plan");
    assertThat(after.out()).doesNotContain("Objects have changed outside of aepform");
    assertThat(after.out())
        .contains("~ spec.name = \"Renamed by hand\" -> \"Demo Parquet Ingestion Flow\"");
  }
}
