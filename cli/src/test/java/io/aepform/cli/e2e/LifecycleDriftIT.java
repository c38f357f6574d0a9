package io.aepform.cli.e2e;

import static io.aepform.cli.e2e.LifecycleSteps.FLOWS;
import static io.aepform.cli.e2e.LifecycleSteps.FLOW_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changes made behind aepform's back on the emulator: refresh finds them, the plan shows them as
 * drift and puts the declared object back; {@code lifecycle.ignoreChanges} silences them.
 */
class LifecycleDriftIT {
  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  LifecycleSteps steps;

  @BeforeEach
  void start() throws Exception {
    steps = new LifecycleSteps(platform);
  }

  @Test
  void aFlowDeletedOutsideIsShownAsDriftAndCreatedAgain() throws Exception {
    steps.apply();
    assertThat(platform.emulator.deleteObject(ResourceKind.FLOW, org(), sandbox(), steps.flowId()))
        .isTrue();

    CliRun plan = steps.plansChanges();
    assertThat(driftSection(plan.out()))
        .contains("# flow.ingest has been deleted")
        .doesNotContain("dataset.leads");
    assertThat(plan.out())
        .contains(
            "# flow.ingest will be created\n  # (deleted outside aepform: it will be created again)")
        .contains("Plan: 1 to add, 0 to change, 0 to destroy.");
    JsonNode json = json(steps.plansChanges("--format", "json"));
    assertThat(json.path("resource_drift")).hasSize(1);
    assertThat(json.path("resource_drift").get(0).path("address").asText())
        .isEqualTo("flow.ingest");
    JsonNode change = changeOf(json, "flow.ingest");
    assertThat(change.path("change").path("actions").toString()).isEqualTo("[\"create\"]");
    assertThat(change.path("action_reason").asText()).contains("deleted outside aepform");

    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(platform.writes()).containsExactly("POST " + FLOWS + " -> 201");
    assertThat(steps.flow().path("name").asText()).isEqualTo(FLOW_NAME);
    assertThat(apply.out()).contains("flow_id = \"" + steps.flowId() + "\"");
    assertThat(Files.readString(platform.stateFile())).contains(steps.flowId());
    steps.plansNoChanges();
  }

  @Test
  void aFlowCreatedAgainHasItsIdKnownOnlyAfterApply() throws Exception {
    steps.apply();
    String gone = steps.flowId();
    platform.emulator.deleteObject(ResourceKind.FLOW, org(), sandbox(), gone);

    CliRun plan = steps.plansChanges();
    String resources = plan.out().substring(0, plan.out().indexOf("Changes to Outputs:"));
    assertThat(resources).doesNotContain(gone).contains("+ id   = (known after apply)");
    // the output had the old id (aepform output showed it) and gets the new one
    assertThat(plan.out()).contains("~ flow_id = \"" + gone + "\" -> (known after apply)");
    JsonNode change = changeOf(json(steps.plansChanges("--format", "json")), "flow.ingest");
    assertThat(change.path("change").path("after_unknown").path("id").asBoolean()).isTrue();
  }

  @Test
  void aFlowRenamedOutsideIsShownAsDriftAndRenamedBack() throws Exception {
    steps.apply();
    String id = steps.flowId();
    assertThat(platform.emulator.renameObject(ResourceKind.FLOW, org(), sandbox(), id, "In the UI"))
        .isTrue();

    CliRun plan = steps.plansChanges();
    assertThat(driftSection(plan.out()))
        .contains("# flow.ingest has changed")
        .contains("~ spec.name = \"" + FLOW_NAME + "\" -> \"In the UI\"");
    assertThat(plan.out())
        .contains("# flow.ingest will be updated in-place")
        .contains("~ spec.name = \"In the UI\" -> \"" + FLOW_NAME + "\"")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    JsonNode json = json(steps.plansChanges("--format", "json"));
    assertThat(json.path("resource_drift")).hasSize(1);
    assertThat(json.path("resource_drift").get(0).path("address").asText())
        .isEqualTo("flow.ingest");
    assertThat(changeOf(json, "flow.ingest").path("change").path("actions").toString())
        .isEqualTo("[\"update\"]");

    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    // the exact single PATCH is asserted (and disabled) in aFlowRenamedOutsideIsPatchedOnce
    assertThat(platform.writes())
        .allMatch(w -> w.startsWith("PATCH " + FLOWS + "/" + id + " -> "))
        .endsWith("PATCH " + FLOWS + "/" + id + " -> 200");
    assertThat(steps.flow().path("name").asText()).isEqualTo(FLOW_NAME);
    steps.plansNoChanges();
  }

  @Test
  void aFlowRenamedOutsideIsPatchedOnce() {
    steps.apply();
    String id = steps.flowId();
    platform.emulator.renameObject(ResourceKind.FLOW, org(), sandbox(), id, "In the UI");

    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(platform.writes()).containsExactly("PATCH " + FLOWS + "/" + id + " -> 200");
    steps.plansNoChanges();
  }

  @Test
  void anIgnoredNameChangedOutsideOrInTheManifestPlansNoChange() throws Exception {
    steps.lifecycle("flow.yaml", "ignoreChanges: [/name]\n");
    steps.apply();
    String id = steps.flowId();

    platform.emulator.renameObject(ResourceKind.FLOW, org(), sandbox(), id, "In the UI");
    steps.plansNoChanges();

    steps.edit("flow.yaml", "name: " + FLOW_NAME, "name: Leads Ingestion");
    steps.plansNoChanges();
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(platform.writes()).isEmpty();
    assertThat(steps.flow().path("name").asText()).isEqualTo("In the UI");
    steps.plansNoChanges();
  }

  private String org() {
    return platform.client.orgId();
  }

  private static String sandbox() {
    return LocalPlatformExtension.SANDBOX;
  }

  /** The text between the drift headline and the first planned action. */
  private static String driftSection(String out) {
    int start = out.indexOf("Objects have changed outside of aepform");
    assertThat(start).as(out).isNotNegative();
    int end = out.indexOf("aepform will perform", start);
    return end < 0 ? out.substring(start) : out.substring(start, end);
  }

  static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }

  static JsonNode changeOf(JsonNode plan, String address) {
    for (JsonNode c : plan.path("resource_changes")) {
      if (c.path("address").asText().equals(address)) {
        return c;
      }
    }
    throw new AssertionError("no change for " + address + " in " + plan);
  }
}
