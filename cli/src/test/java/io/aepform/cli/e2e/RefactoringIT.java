package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Renames, imports and removals of the applied example, as users make them (issue 14): a rename
 * never deletes a live object, and the moved, import and removed documents are reviewed in the plan
 * and harmless once applied.
 */
class RefactoringIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  LifecycleSteps steps;

  @BeforeEach
  void start() throws Exception {
    steps = new LifecycleSteps(platform);
    steps.apply();
  }

  /** Renames the schema's logical name everywhere the manifests use it. */
  private void renameSchema(String to) throws IOException {
    for (String file : List.of("schema.yaml", "dataset.yaml", "source.yaml", "target.yaml")) {
      Path path = platform.dir.resolve(file);
      Files.writeString(
          path,
          Files.readString(path)
              .replace("name: demo_profile", "name: " + to)
              .replace("schema.demo_profile.", "schema." + to + "."));
    }
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(platform.dir.resolve(file), text);
  }

  private String stateId(String address) throws IOException {
    JsonNode state = JSON.readTree(platform.stateFile().toFile());
    for (JsonNode r : state.path("resources")) {
      if (r.path("address").asText().equals(address)) {
        return r.path("id").asText();
      }
    }
    return "";
  }

  @Test
  void aRenameWithoutAMoveIsRefusedNamingTheMoveNeverImport() throws Exception {
    String schema = stateId("schema.demo_profile");
    renameSchema("customers");

    CliRun plan = steps.cli("plan");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .contains("schema.customers")
        .contains("state tracks it as schema.demo_profile")
        .contains("kind: moved")
        .contains("aepform state mv schema.demo_profile schema.customers")
        .doesNotContain("aepform import");
    assertThat(platform.writes()).isEmpty();

    CliRun imported = steps.cli("import", "schema.customers", schema);
    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err())
        .contains("state already tracks it as schema.demo_profile")
        .contains("kind: moved");
    assertThat(stateId("schema.customers")).isEmpty();
    assertThat(platform.count(ResourceKind.SCHEMA)).isEqualTo(1);
  }

  @Test
  void aMoveDocumentRenamesInStateAndDestroysNothing() throws Exception {
    String schema = stateId("schema.demo_profile");
    renameSchema("customers");
    write("moves.yaml", "kind: moved\nfrom: schema.demo_profile\nto: schema.customers\n");

    CliRun plan = steps.plansChanges();
    // no legend of symbols when no symbol is used, as Terraform's move-only plans
    assertThat(plan.out())
        .startsWith(
            "\naepform will perform the following actions:\n\n"
                + "  # schema.demo_profile has moved to schema.customers\n")
        .contains("Plan: 0 to add, 0 to change, 0 to destroy.");
    assertThat(steps.plansChanges("--format", "markdown").out())
        .contains("<code>  schema.customers</code> has no changes (moved from")
        .contains("  # schema.demo_profile has moved to schema.customers\n");
    JsonNode json = JSON.readTree(steps.plansChanges("--format", "json").out());
    JsonNode moved = change(json, "schema.customers");
    assertThat(moved.path("previous_address").asText()).isEqualTo("schema.demo_profile");
    assertThat(moved.path("change").path("actions").toString()).isEqualTo("[\"no-op\"]");

    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(platform.writes()).isEmpty();
    assertThat(stateId("schema.customers")).isEqualTo(schema);
    assertThat(stateId("schema.demo_profile")).isEmpty();
    assertThat(Files.readString(platform.stateFile())).doesNotContain("\"schema.demo_profile\"");
    // kept after it was applied, the document does nothing but say so
    CliRun again = steps.cli("plan", "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out() + again.err()).contains("No changes.").contains("is done already");
  }

  @Test
  void chainedMovesConvergeFromEitherEnd() throws Exception {
    // this environment is at A = demo_profile; the manifests say A -> B, B -> C, and declare C
    String schema = stateId("schema.demo_profile");
    renameSchema("profiles");
    write(
        "moves.yaml",
        "kind: moved\nfrom: schema.demo_profile\nto: schema.customers\n---\n"
            + "kind: moved\nfrom: schema.customers\nto: schema.profiles\n");
    CliRun plan = steps.plansChanges();
    assertThat(plan.out()).contains("# schema.demo_profile has moved to schema.profiles");
    assertThat(steps.cli("apply", "--auto-approve").exitCode()).isZero();
    assertThat(stateId("schema.profiles")).isEqualTo(schema);

    // an environment already at B: state mv back to B, the same manifests bring it to C
    assertThat(steps.cli("state", "mv", "schema.profiles", "schema.customers").exitCode()).isZero();
    CliRun fromB = steps.plansChanges();
    assertThat(fromB.out()).contains("# schema.customers has moved to schema.profiles");
    assertThat(steps.cli("apply", "--auto-approve").exitCode()).isZero();
    assertThat(stateId("schema.profiles")).isEqualTo(schema);
    assertThat(platform.writes()).isEmpty();
  }

  @Test
  void aMoveBetweenTwoAddressesThatBothHoldObjectsIsAnError() throws Exception {
    write("moves.yaml", "kind: moved\nfrom: schema.other\nto: schema.demo_profile\n");
    Path state = platform.stateFile();
    String text = Files.readString(state);
    // a second record of the same schema under another address, as the old import advice made
    JsonNode root = JSON.readTree(text);
    ArrayNode resources = (ArrayNode) root.path("resources");
    ObjectNode copy = null;
    for (JsonNode r : resources) {
      if (r.path("address").asText().equals("schema.demo_profile")) {
        copy = r.deepCopy();
      }
    }
    copy.put("address", "schema.other");
    resources.insert(0, copy);
    Files.writeString(state, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));

    CliRun plan = steps.cli("plan");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .contains("cannot move schema.other to schema.demo_profile")
        .contains("both")
        .contains("aepform state rm");

    // without the move, the stale address would be destroyed with the live schema: refused
    Files.delete(platform.dir.resolve("moves.yaml"));
    CliRun doubly = steps.cli("plan");
    assertThat(doubly.exitCode()).isEqualTo(1);
    assertThat(doubly.err())
        .contains("schema.other and schema.demo_profile both track the remote object")
        .contains("aepform state rm schema.other");
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(platform.writes()).isEmpty();
    assertThat(platform.count(ResourceKind.SCHEMA)).isEqualTo(1);

    assertThat(steps.cli("state", "rm", "schema.other").exitCode()).isZero();
    steps.plansNoChanges();
  }

  @Test
  void anImportDocumentAdoptsTheObjectAndIsHarmlessAfter() throws Exception {
    String schema = stateId("schema.demo_profile");
    assertThat(steps.cli("state", "rm", "schema.demo_profile").exitCode()).isZero();
    write(
        "imports.yaml",
        "kind: variable\nname: schema_id\n---\n"
            + "kind: import\nto: schema.demo_profile\nid: ${var.schema_id}\n");

    CliRun plan = steps.plansChanges("--var", "schema_id=" + schema);
    assertThat(plan.out())
        .contains("# schema.demo_profile will be imported")
        .contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.");
    assertThat(steps.plansChanges("--format", "markdown", "--var", "schema_id=" + schema).out())
        .contains("| 1 | 0 | 0 | 0 | 0 | 0 |\n")
        .contains("(imported from <code>" + schema + "</code>)");
    JsonNode json =
        JSON.readTree(steps.plansChanges("--format", "json", "--var", "schema_id=" + schema).out());
    assertThat(
            change(json, "schema.demo_profile")
                .path("change")
                .path("importing")
                .path("id")
                .asText())
        .isEqualTo(schema);

    CliRun apply = steps.cli("apply", "--auto-approve", "--var", "schema_id=" + schema);
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 1 imported, 0 added, 0 changed, 0 destroyed.");
    assertThat(platform.writes()).isEmpty();
    assertThat(stateId("schema.demo_profile")).isEqualTo(schema);
    CliRun again = steps.cli("plan", "--detailed-exitcode", "--var", "schema_id=" + schema);
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
  }

  @Test
  void aRemovedDocumentForgetsWithoutDeleting() throws Exception {
    String flow = steps.flowId();
    Files.delete(platform.dir.resolve("flow.yaml"));
    write("outputs.yaml", "kind: output\nname: dataset_id\nvalue: ${dataset.leads.id}\n");
    write("removed.yaml", "kind: removed\nfrom: flow.ingest\n");

    CliRun plan = steps.plansChanges();
    assertThat(plan.out())
        .contains("# flow.ingest will no longer be managed by aepform, but will not be destroyed")
        .contains("Plan: 0 to add, 0 to change, 0 to destroy.")
        .contains("Some objects will no longer be managed by aepform");
    // markdown: the forget is drawn with a style of its own that the picture defines
    String markdown = steps.plansChanges("--format", "markdown").out();
    assertThat(markdown)
        .contains("| 0 | 0 | 0 | 0 | 1 | 0 |\n")
        .contains("<code>. flow.ingest</code> will no longer be managed (it stays in AEP)")
        .contains("flow_ingest[\"flow.ingest\"]:::forget\n")
        .contains("  classDef forget ");
    JsonNode json = JSON.readTree(steps.plansChanges("--format", "json").out());
    assertThat(change(json, "flow.ingest").path("change").path("actions").toString())
        .isEqualTo("[\"forget\"]");

    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("1 forgotten");
    assertThat(platform.writes()).isEmpty();
    assertThat(steps.flowId()).isEqualTo(flow);
    assertThat(stateId("flow.ingest")).isEmpty();
    steps.plansNoChanges();
  }

  /**
   * Catalog answers a dataset's schemaRef.contentType in its own form: an imported dataset whose
   * manifest names the same schema version in the create call's form needs no update.
   */
  @Test
  void anImportedDatasetIsNotUpdatedForItsContentTypeInCatalogsForm() throws Exception {
    String dataset = stateId("dataset.leads");
    assertThat(steps.cli("state", "rm", "dataset.leads").exitCode()).isZero();
    write("imports.yaml", "kind: import\nto: dataset.leads\nid: " + dataset + "\n");

    CliRun plan = steps.plansChanges();
    assertThat(plan.out())
        .contains("# dataset.leads will be imported")
        .doesNotContain("contentType")
        .contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.");
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Resources: 1 imported, 0 added, 0 changed, 0 destroyed.");
    assertThat(platform.writes()).isEmpty();
    steps.plansNoChanges();
  }

  private static JsonNode change(JsonNode plan, String address) {
    for (JsonNode c : plan.path("resource_changes")) {
      if (c.path("address").asText().equals(address)) {
        return c;
      }
    }
    throw new AssertionError("no change of " + address + " in " + plan);
  }
}
