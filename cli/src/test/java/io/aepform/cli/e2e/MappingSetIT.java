package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Data Prep mapping sets through the CLI on the local platform: a flow uses one, a mapping change
 * makes a new version that the flow follows, Data Prep's validation refuses a bad mapping at plan
 * time, and destroy leaves the mapping set in AEP, saying so.
 */
class MappingSetIT {
  private static final String MAPPING_SETS = "/data/foundation/conversion/mappingSets";
  private static final String FLOWS = "/data/foundation/flowservice/flows";

  @RegisterExtension final LocalPlatformExtension platform = LocalPlatformExtension.emulatorOnly();

  LifecycleSteps steps;

  @BeforeEach
  void start() throws Exception {
    CsvPipeline.write(platform.dir);
    platform.writeEnvironment(LocalPlatformExtension.SANDBOX);
    steps = new LifecycleSteps(platform);
  }

  @Test
  void aFlowUsesTheMappingSetAndFollowsItsNewVersion() throws Exception {
    steps.apply();
    ObjectNode set = steps.only(ResourceKind.MAPPING_SET);
    assertThat(set.path("version").asInt()).isZero();
    assertThat(steps.flow().at("/transformations/0/params/mappingId").asText())
        .isEqualTo(set.path("id").asText());
    assertThat(steps.flow().at("/transformations/0/params/mappingVersion").asText()).isEqualTo("0");
    steps.plansNoChanges();

    steps.edit(
        "mapping.yaml", "destination: personalEmail.address", "destination: workEmail.address");
    CliRun plan = plansChanges();
    String setId = set.path("id").asText();
    String flowId = steps.flowId();
    String mapping = "{\"name\":\"Mapping\",\"params\":{\"mappingId\":\"" + setId + "\",";
    assertThat(plan.out())
        .contains("# mappingSet.customers will be updated in-place")
        .contains("\"destination\":\"workEmail.address\"}]\n")
        .contains("# flow.csv will be updated in-place")
        .contains(
            "~ spec.transformations = ["
                + mapping
                + "\"mappingVersion\":\"0\"}}] -> ["
                + mapping
                + "\"mappingVersion\":(known after apply)}}]\n")
        .contains("Plan: 0 to add, 2 to change, 0 to destroy.");

    platform.emulator.clearRequestLog();
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(platform.writes())
        .containsExactly(
            "POST " + MAPPING_SETS + "/validate -> 200",
            "PUT " + MAPPING_SETS + "/" + setId + " -> 200",
            "PATCH " + FLOWS + "/" + flowId + " -> 200");
    assertThat(steps.only(ResourceKind.MAPPING_SET).path("version").asInt()).isEqualTo(1);
    assertThat(steps.flow().at("/transformations/0/params/mappingVersion").asText()).isEqualTo("1");
    steps.plansNoChanges();
  }

  /** A plan that found changes: exit code 2, and no call but Data Prep's validation. */
  private CliRun plansChanges(String... extra) {
    platform.emulator.clearRequestLog();
    CliRun plan = steps.cli(concat("plan", "--detailed-exitcode", extra));
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(platform.writes()).allMatch(w -> w.startsWith("POST " + MAPPING_SETS + "/validate"));
    return plan;
  }

  private static String[] concat(String a, String b, String... rest) {
    String[] out = new String[rest.length + 2];
    out[0] = a;
    out[1] = b;
    System.arraycopy(rest, 0, out, 2, rest.length);
    return out;
  }
}
