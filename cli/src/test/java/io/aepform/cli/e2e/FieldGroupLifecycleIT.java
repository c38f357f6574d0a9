package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's proof, end to end through the CLI: a tenant field group (not kept by a Profile schema,
 * so AEP lets it go) is planned, created, updated by PUT, drifts and is put back, is forgotten and
 * imported again by its id, exported as a reference, and destroyed by DELETE.
 */
class FieldGroupLifecycleIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIELD_GROUPS = "/data/foundation/schemaregistry/tenant/fieldgroups";

  private static final String XDM =
      """
      kind: fieldGroup
      name: loyalty
      spec:
        title: Loyalty Details
        description: what a member earns
        meta:intendedToExtend: [https://ns.adobe.com/xdm/context/profile]
        definitions:
          loyalty:
            properties:
              _${platform.tenantId}:
                type: object
                properties:
                  points: {type: integer}
        allOf:
          - $ref: "#/definitions/loyalty"
      ---
      kind: schema
      name: members
      spec:
        title: Loyalty Members
        allOf:
          - $ref: https://ns.adobe.com/xdm/context/profile
          - $ref: ${fieldGroup.loyalty.id}
        meta:class: https://ns.adobe.com/xdm/context/profile
      """;

  @RegisterExtension final LocalPlatformExtension platform = LocalPlatformExtension.emulatorOnly();

  @TempDir Path exported;

  @BeforeEach
  void configure() throws IOException {
    Files.createDirectories(platform.dir.resolve("environments"));
    Files.writeString(
        platform.dir.resolve("environments/" + LocalPlatformExtension.ENV + ".yaml"),
        "sandbox: "
            + LocalPlatformExtension.SANDBOX
            + "\nplatform: "
            + platform.emulator.baseUrl());
    Files.writeString(platform.dir.resolve("xdm.yaml"), XDM);
    Files.writeString(
        platform.dir.resolve("outputs.yaml"),
        "kind: output\nname: custom_fields\nvalue: ${fieldGroup.loyalty.title} under"
            + " _${platform.tenantId}\n");
  }

  @Test
  void aFieldGroupGoesThroughTheWholeLifecycle() throws Exception {
    assertThat(ok("plan").out())
        .contains("# fieldGroup.loyalty will be created")
        .contains("Plan: 2 to add, 0 to change, 0 to destroy.");
    ok("apply", "--auto-approve");
    String id = stateId("fieldGroup.loyalty");
    assertThat(id).startsWith("https://ns.adobe.com/");
    plansNoChanges();
    assertThat(ok("output", "custom_fields").out())
        .as("offline, the tenant id comes from the ids state holds")
        .isEqualTo("Loyalty Details under _aepformlocal\n");

    // update: the whole field group by PUT, the schema untouched
    edit(
        "            points: {type: integer}\n",
        "            points: {type: integer}\n            tier: {type: string}\n");
    platform.emulator.clearRequestLog();
    assertThat(ok("plan").out())
        .contains("# fieldGroup.loyalty will be updated in-place")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    ok("apply", "--auto-approve");
    assertThat(platform.writes())
        .singleElement()
        .asString()
        .startsWith("PUT " + FIELD_GROUPS + "/");
    plansNoChanges();

    // drift: retitled in the UI, titled back
    platform.emulator.renameObject(
        ResourceKind.FIELD_GROUP,
        platform.client.orgId(),
        LocalPlatformExtension.SANDBOX,
        id,
        "Renamed in the UI");
    CliRun drifted = platform.cli("plan", "--detailed-exitcode");
    assertThat(drifted.exitCode()).as(drifted.out() + drifted.err()).isEqualTo(2);
    assertThat(drifted.out())
        .contains("# fieldGroup.loyalty has changed")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    ok("apply", "--auto-approve");
    plansNoChanges();

    // import: forgotten, then adopted again by its $id
    ok("state", "rm", "fieldGroup.loyalty");
    ok("import", "fieldGroup.loyalty", id);
    assertThat(stateId("fieldGroup.loyalty")).isEqualTo(id);
    plansNoChanges();

    // export: the field group, and the schema referring to it
    ok("export", "--out", exported.toString(), "--kind", "fieldGroup", "--kind", "schema");
    assertThat(manifests(exported))
        .contains("kind: fieldGroup")
        .contains("title: Loyalty Details")
        .contains("$ref: ${fieldGroup.loyalty_details.id}");

    // destroy: the schema, then the field group, each by DELETE
    platform.emulator.clearRequestLog();
    assertThat(ok("destroy", "--auto-approve").out())
        .contains("# fieldGroup.loyalty will be destroyed");
    assertThat(platform.writes())
        .anySatisfy(w -> assertThat(w).startsWith("DELETE " + FIELD_GROUPS + "/"));
    assertThat(custom(ResourceKind.FIELD_GROUP)).isEmpty();
    assertThat(custom(ResourceKind.SCHEMA)).isEmpty();
  }

  /**
   * A field added in AEP's UI to a field group: the update PUTs the declared definitions only, so
   * the plan shows that it removes it, and a refresh-only plan shows it as drift.
   */
  @Test
  void aFieldAddedOutsideIsShownAndTheUpdateRemovesIt() throws Exception {
    ok("apply", "--auto-approve");
    String id = stateId("fieldGroup.loyalty");
    platform.emulator.updateObject(
        ResourceKind.FIELD_GROUP,
        platform.client.orgId(),
        LocalPlatformExtension.SANDBOX,
        id,
        o -> {
          ObjectNode fields =
              (ObjectNode) o.at("/definitions/loyalty/properties/_aepformlocal/properties");
          fields.putObject("tier").put("type", "string").put("meta:xdmType", "string");
          return o;
        });
    String tier = "spec.definitions.loyalty.properties._aepformlocal.properties.tier";

    CliRun refresh = platform.cli("plan", "--refresh-only", "--detailed-exitcode");
    assertThat(refresh.exitCode()).as(refresh.out() + refresh.err()).isEqualTo(2);
    assertThat(refresh.out())
        .contains("  # fieldGroup.loyalty has changed\n")
        .contains("  ~ " + tier + " = null -> {\"type\":\"string\"}\n");

    CliRun plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains("# fieldGroup.loyalty will be updated in-place")
        .contains("      - " + tier + " = {\"type\":\"string\"} -> null\n")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");

    platform.emulator.clearRequestLog();
    ok("apply", "--auto-approve");
    assertThat(platform.writes()).singleElement().asString().startsWith("PUT " + FIELD_GROUPS);
    assertThat(custom(ResourceKind.FIELD_GROUP).get(0).toString()).doesNotContain("tier");
    plansNoChanges();
  }

  private CliRun ok(String... command) {
    CliRun run = platform.cli(command);
    assertThat(run.exitCode())
        .as(String.join(" ", command) + "\n" + run.out() + run.err())
        .isZero();
    return run;
  }

  private void plansNoChanges() {
    CliRun plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
  }

  private void edit(String from, String to) throws IOException {
    Path path = platform.dir.resolve("xdm.yaml");
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  private String stateId(String address) throws IOException {
    for (JsonNode r : JSON.readTree(platform.stateFile().toFile()).path("resources")) {
      if (r.path("address").asText().equals(address)) {
        return r.path("id").asText();
      }
    }
    return "";
  }

  private List<JsonNode> custom(ResourceKind kind) {
    return platform
        .emulator
        .objects(kind, platform.client.orgId(), LocalPlatformExtension.SANDBOX)
        .stream()
        .map(o -> (JsonNode) o)
        .filter(o -> !o.has("custom") || o.path("custom").asBoolean())
        .toList();
  }

  private static String manifests(Path dir) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        out.append(Files.readString(f));
      }
    }
    return out.toString();
  }
}
