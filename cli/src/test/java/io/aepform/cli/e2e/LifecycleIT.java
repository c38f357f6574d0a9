package io.aepform.cli.e2e;

import static io.aepform.cli.e2e.LifecycleSteps.FLOWS;
import static io.aepform.cli.e2e.LifecycleSteps.FLOW_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changes to the manifests of the applied example, through the CLI against the emulator: each is
 * one call (a PATCH, a DELETE, a flow action), then the plan settles.
 */
class LifecycleIT {
  static final String CONNECTIONS = "/data/foundation/flowservice/connections";

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  LifecycleSteps steps;

  @BeforeEach
  void start() throws Exception {
    steps = new LifecycleSteps(platform);
  }

  @Test
  void aFlowRenamedInTheManifestIsPatchedOnce() throws Exception {
    steps.apply();
    String id = steps.flowId();
    steps.edit("flow.yaml", "name: " + FLOW_NAME, "name: Leads Ingestion");

    CliRun plan = steps.plansChanges();
    assertThat(plan.out())
        .contains("# flow.ingest will be updated in-place")
        .contains("~ spec.name = \"" + FLOW_NAME + "\" -> \"Leads Ingestion\"")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");

    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 0 added, 1 changed, 0 destroyed.");
    assertThat(platform.writes()).containsExactly("PATCH " + FLOWS + "/" + id + " -> 200");
    assertThat(steps.flow().path("name").asText()).isEqualTo("Leads Ingestion");
    steps.plansNoChanges();
  }

  @Test
  void aFlowRemovedFromTheManifestsIsDeletedThenDestroyEmptiesTheSandbox() throws Exception {
    steps.apply();
    String id = steps.flowId();
    Files.delete(platform.dir.resolve("flow.yaml"));
    Files.writeString(
        platform.dir.resolve("outputs.yaml"),
        "kind: output\nname: dataset_id\nvalue: ${dataset.leads.id}\n");

    CliRun plan = steps.plansChanges();
    assertThat(plan.out())
        .contains("# flow.ingest will be destroyed")
        .contains("Plan: 0 to add, 0 to change, 1 to destroy.");
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(platform.writes()).containsExactly("DELETE " + FLOWS + "/" + id + " -> 204");
    assertThat(platform.count(ResourceKind.FLOW)).isZero();
    steps.plansNoChanges();

    platform.emulator.clearRequestLog();
    CliRun destroy = steps.cli("destroy", "--auto-approve");
    assertThat(destroy.exitCode()).as(destroy.err()).isZero();
    assertThat(destroy.out()).contains("Destroy complete! Resources: 6 destroyed.");
    assertThat(platform.emulator.requestLog())
        .allSatisfy(e -> assertThat(e.status()).as(e.summary()).isBetween(200, 299));
    List<String> deleted = deletedCollections(platform.writes());
    assertThat(deleted).hasSize(6);
    assertBefore(deleted, "sourceConnections", "connections");
    assertBefore(deleted, "targetConnections", "connections");
    assertBefore(deleted, "targetConnections", "dataSets");
    assertBefore(deleted, "dataSets", "schemas");
    assertBefore(deleted, "sourceConnections", "schemas");
    assertThat(platform.total()).isZero();

    CliRun list = steps.cli("state", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).isBlank();
  }

  @Test
  void aFlowDisabledThroughItsSpecTakesOneActionCall() throws Exception {
    steps.apply();
    String id = steps.flowId();
    steps.edit("flow.yaml", "    backfill: true\n", "    backfill: true\n  state: disabled\n");

    assertThat(steps.plansChanges().out()).contains("+ spec.state = \"disabled\"");
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(platform.writes())
        .containsExactly("POST " + FLOWS + "/" + id + "/action?op=DISABLE -> 200");
    assertThat(steps.flow().path("state").asText()).isEqualTo("disabled");
    steps.plansNoChanges();
  }

  @Test
  void aFlowDeclaredDisabledIsCreatedThenDisabled() throws Exception {
    steps.edit("flow.yaml", "    backfill: true\n", "    backfill: true\n  state: disabled\n");

    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 7 added");
    String id = steps.flowId();
    assertThat(platform.writes())
        .hasSize(8)
        .endsWith("POST " + FLOWS + "/" + id + "/action?op=DISABLE -> 200");
    assertThat(steps.flow().path("state").asText()).isEqualTo("disabled");
    steps.plansNoChanges();
  }

  @Test
  void aChangedSecretIsAnUpdateThatNeverShowsTheSecret() throws Exception {
    steps.apply();
    String id = steps.named(ResourceKind.CONNECTION, "S3 Base Connection").path("id").asText();
    String rotated = "it-S3-secret-Rotated-77a1";
    Map<String, String> env = Map.of("IT_S3_SECRET", rotated);

    CliRun plan = steps.plansChangesWith(env);
    assertThat(plan.out())
        .contains("# connection.s3 will be updated in-place")
        .contains("~ spec.auth.params.s3SecretKey = (sensitive) -> (sensitive)")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    CliRun json = steps.plansChangesWith(env, "--format", "json");
    for (CliRun run : List.of(plan, json)) {
      assertThat(run.out() + run.err()).doesNotContain(rotated, LocalPlatformExtension.SECRET);
    }

    platform.emulator.clearRequestLog();
    CliRun apply = steps.cliWith("IT_S3_SECRET", rotated, "apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out() + apply.err()).doesNotContain(rotated);
    assertThat(platform.writes()).containsExactly("PATCH " + CONNECTIONS + "/" + id + " -> 200");
    assertThat(Files.readString(platform.stateFile())).doesNotContain(rotated);

    platform.emulator.clearRequestLog();
    CliRun settled = steps.cliWith("IT_S3_SECRET", rotated, "plan", "--detailed-exitcode");
    assertThat(settled.exitCode()).as(settled.out() + settled.err()).isZero();
    assertThat(settled.out()).contains("No changes.");
    assertThat(platform.writes()).isEmpty();
  }

  /** The collection of each DELETE, e.g. {@code dataSets}, in the order they were sent. */
  private static List<String> deletedCollections(List<String> writes) {
    return writes.stream()
        .filter(w -> w.startsWith("DELETE "))
        .map(w -> w.split(" ")[1].split("/"))
        .map(p -> p[p.length - 2])
        .toList();
  }

  private static void assertBefore(List<String> order, String first, String then) {
    assertThat(order.lastIndexOf(first))
        .as(first + " deleted before " + then + " in " + order)
        .isLessThan(order.indexOf(then));
  }
}
