package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** plan --out then apply FILE: exactly the reviewed plan, never a stale or altered one. */
class SavedPlanIT {
  @TempDir Path tmp;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  Path planFile;

  @BeforeEach
  void start() throws Exception {
    planFile = tmp.resolve("plan.out");
  }

  private CliRun cli(String... command) {
    return CliRun.run(platform.env(), platform.args(command));
  }

  @Test
  void aSavedPlanAppliesWithoutAskingAndHoldsNoSecret() throws Exception {
    CliRun plan = cli("plan", "--out", planFile.toString());
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out()).contains("Saved the plan to: " + planFile);
    assertThat(Files.readString(planFile)).doesNotContain(LocalPlatformExtension.SECRET);
    assertThat(platform.writes()).isEmpty();

    CliRun show = cli("show", planFile.toString());
    assertThat(show.out())
        .contains("Plan: 7 to add, 0 to change, 0 to destroy.")
        .doesNotContain(LocalPlatformExtension.SECRET);

    CliRun apply = cli("apply", planFile.toString());
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("Apply complete! Resources: 7 added");
    assertThat(platform.total()).isEqualTo(7);
  }

  @Test
  void aPlanIsStaleOnceTheStateChanged() {
    assertThat(cli("plan", "--out", planFile.toString()).exitCode()).isZero();
    assertThat(cli("apply", planFile.toString()).exitCode()).isZero();
    platform.emulator.clearRequestLog();
    CliRun again = cli("apply", planFile.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("stale").contains("plan --out");
    assertThat(platform.writes()).isEmpty();
  }

  @Test
  void aChangedSecretRefusesThePlan() throws Exception {
    assertThat(cli("plan", "--out", planFile.toString()).exitCode()).isZero();
    var env = new java.util.HashMap<>(platform.env());
    env.put("IT_S3_SECRET", "a-rotated-secret");
    CliRun apply = CliRun.run(env, platform.args("apply", planFile.toString()));
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err()).contains("no longer give the saved plan");
    assertThat(platform.writes()).isEmpty();
    assertThat(platform.stateFile()).doesNotExist();
  }

  @Test
  void aChangedManifestRefusesThePlan() throws Exception {
    assertThat(cli("plan", "--out", planFile.toString()).exitCode()).isZero();
    Path flow = platform.dir.resolve("flow.yaml");
    Files.writeString(flow, Files.readString(flow).replace("interval: 1000", "interval: 2000"));
    CliRun apply = cli("apply", planFile.toString());
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(platform.writes()).isEmpty();
  }
}
