package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
    var env = new HashMap<>(platform.env());
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

  /**
   * A variable not declared sensitive that feeds a secret parameter is sensitive everywhere: the
   * plan file keeps only its digest, and apply PLANFILE takes it again with --var (issue 14).
   */
  @Test
  void anInputThatReachesASecretIsKeptOnlyAsADigestAndGivenAgainToApply() throws Exception {
    Path variables = platform.dir.resolve("variables.yaml");
    Files.writeString(variables, Files.readString(variables).replace("sensitive: true\n", ""));
    Path env = platform.dir.resolve("environments/it.yaml");
    Files.writeString(
        env, Files.readString(env).replace("  s3_secret_key: ${env.IT_S3_SECRET}\n", ""));
    String secret = "typed-on-the-command-line-42";

    CliRun plan = cli("plan", "--out", planFile.toString(), "--var", "s3_secret_key=" + secret);
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).doesNotContain(secret).contains("(sensitive)");
    assertThat(Files.readString(planFile)).doesNotContain(secret).contains("s3_secret_key");

    CliRun missing = cli("apply", planFile.toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("s3_secret_key").contains("--var s3_secret_key=");
    CliRun wrong = cli("apply", planFile.toString(), "--var", "s3_secret_key=not-it");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("differs from the one the plan was made with");
    CliRun other = cli("apply", planFile.toString(), "--var", "bucket_path=elsewhere");
    assertThat(other.exitCode()).isEqualTo(1);
    assertThat(other.err()).contains("bucket_path is not one");
    assertThat(platform.writes()).isEmpty();

    CliRun apply = cli("apply", planFile.toString(), "--var", "s3_secret_key=" + secret);
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out() + apply.err()).doesNotContain(secret);
    assertThat(Files.readString(platform.stateFile())).doesNotContain(secret);
    assertThat(platform.total()).isEqualTo(7);
  }

  /** A saved plan is applied with the options it was made with (issue 14). */
  @Test
  void aSavedPlanKeepsItsTargetReplaceAndDestroyOptions() throws Exception {
    CliRun targeted = cli("plan", "--target", "schema.demo_profile", "--out", planFile.toString());
    assertThat(targeted.exitCode()).as(targeted.err()).isZero();
    CliRun apply = cli("apply", planFile.toString());
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 1 added");
    assertThat(platform.total()).isEqualTo(1);

    assertThat(cli("apply", "--auto-approve").exitCode()).isZero();
    platform.emulator.clearRequestLog();
    CliRun replace =
        cli(
            "plan",
            "--replace",
            "dataset.leads",
            "--replace",
            "flow.ingest",
            "--out",
            planFile.toString());
    assertThat(replace.exitCode()).as(replace.err()).isZero();
    CliRun replaced = cli("apply", planFile.toString());
    assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
    assertThat(platform.writes()).anyMatch(w -> w.startsWith("DELETE /data/foundation/catalog"));

    CliRun destroy = cli("plan", "--destroy", "--out", planFile.toString());
    assertThat(destroy.exitCode()).as(destroy.err()).isZero();
    assertThat(destroy.out()).contains("7 to destroy");
    CliRun destroyed = cli("apply", planFile.toString());
    assertThat(destroyed.exitCode()).as(destroyed.out() + destroyed.err()).isZero();
    // every output read a destroyed object: no empty "Outputs:" heading
    assertThat(destroyed.out()).endsWith("7 destroyed.\n").doesNotContain("Outputs:");

    // nothing left: destroy's own words, never "Your AEP configuration matches"
    String nothing =
        "\nNo changes. No objects need to be destroyed.\n\nEither you have not created any"
            + " objects yet or the existing objects were already deleted\noutside of aepform.\n";
    CliRun empty = cli("plan", "--destroy", "--out", planFile.toString());
    assertThat(empty.out()).startsWith(nothing);
    CliRun applyEmpty = cli("apply", planFile.toString());
    assertThat(applyEmpty.exitCode()).as(applyEmpty.err()).isZero();
    assertThat(applyEmpty.out()).isEqualTo(nothing);
    assertThat(platform.total()).isZero();
  }

  /**
   * A saved refresh-only plan records the drift it showed, without asking: reviewing the file was
   * the confirmation (issue 14 section 3). It printed "No changes" under the drift and then asked.
   */
  @Test
  void aSavedRefreshOnlyPlanRecordsTheDriftWithoutAsking() throws Exception {
    assertThat(cli("apply", "--auto-approve").exitCode()).isZero();
    new LifecycleSteps(platform).renameFlowOutside("Renamed by hand");
    CliRun plan = cli("plan", "--refresh-only", "--out", planFile.toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("State would be updated: 1 object changed outside aepform");
    platform.emulator.clearRequestLog();

    CliRun apply = cli("apply", planFile.toString());
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .isEqualTo(
            "\nApply complete! State now records what refresh found outside aepform; nothing"
                + " remote was changed.\n");
    assertThat(platform.writes()).isEmpty();
    assertThat(Files.readString(platform.stateFile())).contains("Renamed by hand");
    CliRun after = cli("plan", "--refresh-only", "--detailed-exitcode");
    assertThat(after.exitCode()).as(after.out()).isZero();
  }

  /** A plan file that is not there (a plan --out that failed) is named as missing. */
  @Test
  void aMissingPlanFileIsNamedAsMissing() {
    CliRun apply = cli("apply", planFile.toString());
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .isEqualTo(
            "Error: there is no plan file "
                + planFile
                + ": save one with aepform plan --out "
                + planFile
                + "\n");
  }

  /** --exclude and --refresh=false are saved too: apply changes only what the plan showed. */
  @Test
  void aSavedPlanKeepsItsExcludeAndRefreshOptions() throws Exception {
    assertThat(cli("apply", "--auto-approve").exitCode()).isZero();
    Path flow = platform.dir.resolve("flow.yaml");
    Files.writeString(flow, Files.readString(flow).replace("interval: 1000", "interval: 900"));
    Path connections = platform.dir.resolve("connections.yaml");
    Files.writeString(
        connections,
        Files.readString(connections)
            .replace("name: Dataset Base Connection", "name: Data Lake Connection"));
    CliRun plan =
        cli("plan", "--exclude", "flow.ingest", "--refresh=false", "--out", planFile.toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    platform.emulator.clearRequestLog();

    CliRun apply = cli("apply", planFile.toString());
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 0 added, 1 changed, 0 destroyed.");
    assertThat(platform.writes())
        .singleElement()
        .satisfies(
            w -> assertThat(w).startsWith("PATCH /data/foundation/flowservice/connections/"));
    assertThat(platform.dataCalls()).noneMatch(c -> c.startsWith("GET"));
    assertThat(cli("plan").out()).contains("# flow.ingest will be updated in-place");
  }
}
