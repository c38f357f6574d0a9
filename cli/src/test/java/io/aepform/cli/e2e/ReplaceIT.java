package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replacements through the CLI against the emulator (issue 6): a changed connection spec cascades
 * to what uses it, dependents are destroyed first and everything is re-created bottom-up; a dataset
 * is only replaced when asked; {@code --replace} forces one with its dependents. Each ends with a
 * plan that has nothing to do.
 */
class ReplaceIT {
  static final String FLOW_SERVICE = "/data/foundation/flowservice";
  static final String FLOWS = FLOW_SERVICE + "/flows";
  static final String SOURCES = FLOW_SERVICE + "/sourceConnections";
  static final String CONNECTIONS = FLOW_SERVICE + "/connections";
  static final String TARGETS = FLOW_SERVICE + "/targetConnections";
  static final String DATASETS = "/data/foundation/catalog/dataSets";
  static final String SCHEMAS = "/data/foundation/schemaregistry/tenant/schemas";

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  ReplaceSteps steps;

  @BeforeEach
  void start() throws Exception {
    steps = new ReplaceSteps(platform);
  }

  @Test
  void aChangedConnectionSpecReplacesTheConnectionAndWhatUsesItDependentsFirst() throws Exception {
    steps.apply();
    String s3 = steps.named(ResourceKind.CONNECTION, "S3 Base Connection");
    String source = steps.only(ResourceKind.SOURCE_CONNECTION);
    String flow = steps.only(ResourceKind.FLOW);
    steps.edit(
        "connections.yaml",
        """
            specName: Access Key
            params:
              s3AccessKey: ${var.s3_access_key}
              s3SecretKey: ${var.s3_secret_key}
          connectionSpec:
            id: amazon-s3
        """,
        """
            specName: Basic Authentication for google-cloud
            params:
              accessKeyId: ${var.s3_access_key}
              secretAccessKey: ${var.s3_secret_key}
          connectionSpec:
            id: google-cloud-storage
        """);
    // the source connection reads through the same spec as its base connection
    steps.edit("source.yaml", "    id: amazon-s3\n", "    id: google-cloud-storage\n");

    String target = steps.only(ResourceKind.TARGET_CONNECTION);

    // the flow is replaced with its pair of connections (update-dataflows.md), and a new flow
    // that backfills would ingest every file again into the dataset, which is kept: refused
    CliRun refused = steps.cli("plan");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("flow.ingest would be replaced")
        .contains("backfills")
        .contains("dataset.leads, which is kept")
        .contains("scheduleParams.backfill: false")
        .contains("--replace flow.ingest");
    assertThat(platform.writes()).isEmpty();

    steps.edit("flow.yaml", "backfill: true", "backfill: false");
    CliRun plan = steps.plansChanges();
    assertThat(plan.out())
        .contains("-/+ connection \"s3\"")
        .contains("-/+ sourceConnection \"s3_parquet\"")
        .contains("-/+ targetConnection \"leads\"")
        .contains("-/+ flow \"ingest\"")
        .contains("Plan: 4 to add, 0 to change, 4 to destroy.");
    assertThat(steps.reasonFor(plan, "connection.s3")).contains("connectionSpec");
    assertThat(steps.reasonFor(plan, "sourceConnection.s3_parquet")).contains("forces replacement");
    assertThat(steps.reasonFor(plan, "flow.ingest")).contains("forces replacement");
    assertThat(steps.reasonFor(plan, "targetConnection.leads"))
        .contains("replaced together with flow.ingest");
    assertThat(plan.out() + plan.err())
        .contains("flow.ingest")
        .contains("re-created without backfill");

    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 4 added, 0 changed, 4 destroyed.");
    assertThat(platform.emulator.requestLog()).noneMatch(e -> e.status() == 400);
    List<String> writes = platform.writes();
    assertThat(writes)
        .containsExactlyInAnyOrder(
            "DELETE " + FLOWS + "/" + flow + " -> 204",
            "DELETE " + SOURCES + "/" + source + " -> 204",
            "DELETE " + TARGETS + "/" + target + " -> 204",
            "DELETE " + CONNECTIONS + "/" + s3 + " -> 204",
            "POST " + CONNECTIONS + " -> 201",
            "POST " + SOURCES + " -> 201",
            "POST " + TARGETS + " -> 201",
            "POST " + FLOWS + " -> 201");
    assertThat(writes.get(0)).isEqualTo("DELETE " + FLOWS + "/" + flow + " -> 204");
    assertThat(writes.get(writes.size() - 1)).isEqualTo("POST " + FLOWS + " -> 201");
    assertThat(writes.indexOf("DELETE " + SOURCES + "/" + source + " -> 204"))
        .isLessThan(writes.indexOf("DELETE " + CONNECTIONS + "/" + s3 + " -> 204"));
    assertThat(platform.total()).isEqualTo(7);
    assertThat(
            steps.objects(ResourceKind.CONNECTION).stream()
                .map(c -> c.path("connectionSpec").path("id").asText()))
        .contains("32e8f412-cdf7-464c-9885-78184cb113fd");
    steps.plansNoChanges();
  }

  @Test
  void aChangedSchemaReferenceIsRefusedUntilTheDatasetReplaceIsConfirmed() throws Exception {
    steps.apply();
    String dataset = steps.stateId("dataset.leads");
    assertThat(dataset).isNotEmpty();
    String target = steps.only(ResourceKind.TARGET_CONNECTION);
    Files.writeString(
        platform.dir.resolve("schema.yaml"),
        Files.readString(platform.dir.resolve("schema.yaml"))
            + """
            ---
            kind: schema
            name: leads_v2
            spec:
              title: Leads Profile XDM v2
              type: object
              description: ""
              allOf:
                - $ref: https://ns.adobe.com/xdm/context/profile
                - $ref: https://ns.adobe.com/xdm/context/identitymap
              meta:containerId: tenant
              meta:resourceType: schemas
              meta:xdmType: object
              meta:class: https://ns.adobe.com/xdm/context/profile
            """);
    steps.edit("dataset.yaml", "id: ${schema.demo_profile.id}", "id: ${schema.leads_v2.id}");
    byte[] state = Files.readAllBytes(platform.stateFile());

    CliRun refused = steps.cli("plan", "--detailed-exitcode");
    assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
    assertThat(refused.err())
        .contains("dataset.leads")
        .contains("batch")
        .contains("--replace dataset.leads");
    assertThat(platform.writes()).isEmpty();
    assertThat(Files.readAllBytes(platform.stateFile())).isEqualTo(state);
    CliRun applyRefused = steps.cli("apply", "--auto-approve");
    assertThat(applyRefused.exitCode()).isEqualTo(1);
    assertThat(applyRefused.err()).contains("--replace dataset.leads");
    assertThat(platform.writes()).isEmpty();
    assertThat(Files.readAllBytes(platform.stateFile())).isEqualTo(state);

    CliRun apply = steps.cli("apply", "--auto-approve", "--replace", "dataset.leads");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    // a new dataset gets a new target connection, and the flow with its pair (update-dataflows.md)
    assertThat(apply.out())
        .contains("-/+ dataset \"leads\"")
        .contains("-/+ targetConnection \"leads\"")
        .contains("-/+ sourceConnection \"s3_parquet\"")
        .contains("-/+ flow \"ingest\"")
        .contains("Resources: 5 added, 0 changed, 4 destroyed.");
    List<String> writes = platform.writes();
    assertThat(writes)
        .contains(
            "POST " + SCHEMAS + " -> 201",
            "DELETE " + DATASETS + "/" + dataset + " -> 200",
            "DELETE " + TARGETS + "/" + target + " -> 204",
            "POST " + DATASETS + "?requestDataSource=true -> 201",
            "POST " + TARGETS + " -> 201",
            "POST " + FLOWS + " -> 201")
        .hasSize(9)
        .noneMatch(w -> w.startsWith("PATCH"));
    assertThat(writes.indexOf("POST " + SCHEMAS + " -> 201"))
        .isLessThan(writes.indexOf("POST " + DATASETS + "?requestDataSource=true -> 201"));
    assertThat(writes.indexOf("DELETE " + DATASETS + "/" + dataset + " -> 200"))
        .isLessThan(writes.indexOf("POST " + DATASETS + "?requestDataSource=true -> 201"));
    assertThat(writes.indexOf("POST " + DATASETS + "?requestDataSource=true -> 201"))
        .isLessThan(writes.indexOf("POST " + TARGETS + " -> 201"));
    assertThat(platform.count(ResourceKind.DATASET)).isEqualTo(1);
    String newDataset = steps.stateId("dataset.leads");
    assertThat(newDataset).isNotEqualTo(dataset);
    assertThat(steps.objects(ResourceKind.DATASET).get(0).path("schemaRef").path("id").asText())
        .isEqualTo(steps.stateId("schema.leads_v2"));
    assertThat(
            steps
                .objects(ResourceKind.TARGET_CONNECTION)
                .get(0)
                .path("params")
                .path("dataSetId")
                .asText())
        .isEqualTo(newDataset);
    assertThat(platform.count(ResourceKind.SCHEMA)).isEqualTo(2);
    assertThat(platform.total()).isEqualTo(8);
    steps.plansNoChanges();
  }

  @Test
  void replacingASourceConnectionReplacesItsFlowAndPairAndNeedsTheFlowConfirmed() {
    steps.apply();
    String source = steps.only(ResourceKind.SOURCE_CONNECTION);
    String flow = steps.only(ResourceKind.FLOW);

    String target = steps.only(ResourceKind.TARGET_CONNECTION);

    CliRun refused = steps.cli("plan", "--replace", "sourceConnection.s3_parquet");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("--replace flow.ingest").contains("backfills");

    String[] replace = {"--replace", "sourceConnection.s3_parquet", "--replace", "flow.ingest"};
    CliRun plan = steps.plansChanges(replace);
    assertThat(plan.out())
        .contains("-/+ sourceConnection \"s3_parquet\"")
        .contains("-/+ targetConnection \"leads\"")
        .contains("-/+ flow \"ingest\"")
        .contains("Plan: 3 to add, 0 to change, 3 to destroy.");
    assertThat(steps.reasonFor(plan, "sourceConnection.s3_parquet")).contains("--replace");
    assertThat(steps.reasonFor(plan, "targetConnection.leads")).contains("replaced together");

    CliRun apply =
        steps.cli(
            "apply",
            "--auto-approve",
            "--replace",
            "sourceConnection.s3_parquet",
            "--replace",
            "flow.ingest");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 3 added, 0 changed, 3 destroyed.");
    assertThat(platform.writes())
        .containsExactlyInAnyOrder(
            "DELETE " + FLOWS + "/" + flow + " -> 204",
            "DELETE " + SOURCES + "/" + source + " -> 204",
            "DELETE " + TARGETS + "/" + target + " -> 204",
            "POST " + SOURCES + " -> 201",
            "POST " + TARGETS + " -> 201",
            "POST " + FLOWS + " -> 201");
    assertThat(platform.total()).isEqualTo(7);
    steps.plansNoChanges();
  }
}
