package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
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

  @Test
  void dataPrepsValidationRefusesABadMappingAtPlanTime() throws Exception {
    steps.apply();
    steps.edit("mapping.yaml", "destination: personalEmail.address", "destination: personal email");

    CliRun plan = steps.cli("plan");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .contains("mapping.yaml:11:")
        .contains(
            "mappingSet.customers: Data Prep refuses spec.mappings[1]: destination 'personal email'");
    assertThat(platform.writes()).containsExactly("POST " + MAPPING_SETS + "/validate -> 200");
  }

  @Test
  void aMappingSetChangedOutsideIsDriftPutBackAsANewVersion() throws Exception {
    steps.apply();
    String id = steps.only(ResourceKind.MAPPING_SET).path("id").asText();
    platform.emulator.updateObject(
        ResourceKind.MAPPING_SET,
        platform.client.orgId(),
        LocalPlatformExtension.SANDBOX,
        id,
        set -> {
          ((ObjectNode) set.at("/mappings/0")).put("destination", "person.name.lastName");
          return set;
        });

    CliRun plan = plansChanges();
    assertThat(plan.out())
        .contains("# mappingSet.customers has changed")
        .contains("# mappingSet.customers will be updated in-place")
        .contains("# flow.csv will be updated in-place");
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    ObjectNode set = steps.only(ResourceKind.MAPPING_SET);
    assertThat(set.at("/mappings/0/destination").asText()).isEqualTo("person.name.firstName");
    assertThat(set.path("version").asInt()).isEqualTo(1);
    assertThat(steps.flow().at("/transformations/0/params/mappingVersion").asText()).isEqualTo("1");
    steps.plansNoChanges();
  }

  @Test
  void aMappingSetIsImportedAndExportedWithItsReferencesAndTheExportApplies() throws Exception {
    steps.apply();
    String id = steps.only(ResourceKind.MAPPING_SET).path("id").asText();
    assertThat(steps.cli("state", "rm", "mappingSet.customers").exitCode()).isZero();
    CliRun imported = steps.cli("import", "mappingSet.customers", id);
    assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
    steps.plansNoChanges();

    Path out = platform.root().resolve("exported");
    CliRun export = steps.cli("export", "--out", out.toString());
    assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
    String all = exported(out);
    assertThat(all)
        .contains("kind: mappingSet\nname: mapping_set\n")
        .contains("id: ${schema.csv_customers.id}")
        .contains("mappingId: ${mappingSet.mapping_set.id}")
        .contains("mappingVersion: ${mappingSet.mapping_set.version}")
        .contains("sourceType: ATTRIBUTE")
        .contains("- ${dataset.csv_customers.id}");

    // the export applied to an empty sandbox makes the same pipeline, and plans no changes
    Files.writeString(
        out.resolve("environments/prod.yaml"),
        "sandbox: prod\nplatform: " + platform.emulator.baseUrl() + "\n");
    Map<String, String> env = new HashMap<>(platform.env());
    env.put("CSV_BUCKET_S3SECRETKEY", LocalPlatformExtension.SECRET);
    String[] where = {"--dir", out.toString(), "--env", "prod", "--no-color"};
    CliRun apply = CliRun.run(env, concat("apply", "--auto-approve", where));
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 9 added, 0 changed, 0 destroyed.");
    CliRun plan = CliRun.run(env, concat("plan", "--detailed-exitcode", where));
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
  }

  @Test
  void aMappingSetStateForgotIsAdoptedByItsContentWhenDeclaredAgain() throws Exception {
    steps.apply();
    String id = steps.only(ResourceKind.MAPPING_SET).path("id").asText();
    assertThat(steps.cli("state", "rm", "mappingSet.customers").exitCode()).isZero();

    CliRun plan = plansChanges();
    assertThat(plan.out())
        .contains("# mappingSet.customers will be imported")
        .contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.");
    platform.emulator.clearRequestLog();
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(platform.writes()).isEmpty();
    assertThat(steps.objects(ResourceKind.MAPPING_SET)).hasSize(1);
    assertThat(Files.readString(platform.stateFile())).contains(id);
    steps.plansNoChanges();
  }

  @Test
  void destroyLeavesTheMappingSetInAepAndSaysSo() throws Exception {
    steps.apply();
    CliRun plan = steps.cli("plan", "--destroy");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains(
            "# mappingSet.customers will no longer be managed by aepform, but will not be"
                + " destroyed\n  # (AEP cannot delete a mapping set (the Data Prep API has no"
                + " DELETE): it stays in AEP)")
        .contains("Plan: 0 to add, 0 to change, 8 to destroy.");

    CliRun destroy = steps.cli("destroy", "--auto-approve");
    assertThat(destroy.exitCode()).as(destroy.out() + destroy.err()).isZero();
    assertThat(platform.writes()).noneMatch(w -> w.contains(MAPPING_SETS));
    assertThat(steps.objects(ResourceKind.MAPPING_SET)).hasSize(1);
    assertThat(steps.objects(ResourceKind.FLOW)).isEmpty();
    assertThat(Files.readString(platform.stateFile())).doesNotContain("mappingSet.customers");
  }

  private static String exported(Path dir) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    return all.toString();
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
