package io.aepform.cli.e2e;

import static io.aepform.cli.e2e.LifecycleDriftIT.changeOf;
import static io.aepform.cli.e2e.LifecycleDriftIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What stops or widens a change: {@code lifecycle.preventDestroy} refuses a destroy, and a field
 * that cannot change in place plans a replace.
 */
class LifecycleGuardsIT {
  private static final String CONNECTION_STRING =
      "DefaultEndpointsProtocol=https;AccountName=leads;AccountKey=it-Azure-key-5d2e";

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  LifecycleSteps steps;

  @BeforeEach
  void start() throws Exception {
    steps = new LifecycleSteps(platform);
  }

  @Test
  void destroyRefusesADatasetWithPreventDestroyAndDeletesNothing() throws Exception {
    steps.lifecycle("dataset.yaml", "preventDestroy: true\n");
    steps.apply();
    byte[] state = Files.readAllBytes(platform.stateFile());

    CliRun destroy = steps.cli("destroy", "--auto-approve");
    assertThat(destroy.exitCode()).isEqualTo(1);
    assertThat(destroy.err())
        .contains("Error: ")
        .contains("dataset.leads")
        .contains("preventDestroy")
        .doesNotContain("\tat ");
    assertThat(platform.writes()).noneMatch(w -> w.startsWith("DELETE "));
    assertThat(platform.total()).isEqualTo(7);
    assertThat(Files.readAllBytes(platform.stateFile())).isEqualTo(state);
    steps.plansNoChanges();
  }

  @Test
  void aNewConnectionSpecPlansAReplaceWithItsReason() throws Exception {
    steps.apply();
    Path connections = platform.dir.resolve("connections.yaml");
    Path source = platform.dir.resolve("source.yaml");
    String applied = Files.readString(connections);
    String appliedSource = Files.readString(source);
    steps.edit(
        "connections.yaml",
        """
          auth:
            specName: Access Key
            params:
              s3AccessKey: ${var.s3_access_key}
              s3SecretKey: ${var.s3_secret_key}
          connectionSpec:
            id: amazon-s3
        """,
        """
          auth:
            specName: ConnectionString
            params:
              connectionString: %s
          connectionSpec:
            id: azure-blob
        """
            .formatted(CONNECTION_STRING));
    // the source connection reads through it: it names the same connector (checked offline)
    steps.edit("source.yaml", "id: amazon-s3", "id: azure-blob");

    // the flow is replaced with its connections and would backfill into the kept dataset
    CliRun plan = steps.plansChanges("--replace", "flow.ingest");
    assertThat(plan.out())
        .contains("# connection.s3 must be replaced")
        .contains(
            "# (changing spec.connectionSpec.id cannot be done in place: it forces replacement)")
        .contains("-/+ connection \"s3\" {")
        .doesNotContain(CONNECTION_STRING);
    JsonNode json = json(steps.plansChanges("--format", "json", "--replace", "flow.ingest"));
    JsonNode change = changeOf(json, "connection.s3");
    assertThat(change.path("change").path("actions").toString())
        .isEqualTo("[\"delete\",\"create\"]");
    assertThat(change.path("action_reason").asText()).contains("connectionSpec");
    assertThat(json.toString()).doesNotContain(CONNECTION_STRING);

    Files.writeString(connections, applied);
    Files.writeString(source, appliedSource);
    steps.plansNoChanges();
  }
}
