package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.RequestLogEntry;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 end to end through the CLI on the local platform: an identity namespace, a data type, a
 * field group using it, a schema enabled for Profile, identity descriptors and a Profile dataset go
 * through plan, apply, update, refresh and drift, import, export and destroy; the union tag is
 * added only after the primary identity descriptor; destroy leaves what AEP cannot delete and says
 * why; declaring a forgotten namespace again adopts it.
 */
class ProfileKindsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGISTRY = "/data/foundation/schemaregistry/tenant/";
  private static final String IDENTITIES = "/data/core/idnamespace/identities";

  static final String NAMESPACE =
      """
      kind: identityNamespace
      name: loyalty
      spec:
        name: Loyalty Member
        code: Loyalty
        idType: Cross_device
        description: loyalty program members
      """;

  static final String PROFILE =
      """
      kind: dataType
      name: address
      spec:
        title: Loyalty Address
        properties:
          city: {type: string}
      ---
      kind: fieldGroup
      name: loyalty
      spec:
        title: Loyalty Details
        meta:intendedToExtend: [https://ns.adobe.com/xdm/context/profile]
        definitions:
          loyalty:
            properties:
              _${platform.tenantId}:
                type: object
                properties:
                  loyaltyId: {type: string}
                  email: {type: string}
                  address: {$ref: "${dataType.address.id}"}
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
        meta:immutableTags: [union]
      ---
      kind: descriptor
      name: loyalty_id
      spec:
        "@type": xdm:descriptorIdentity
        xdm:sourceSchema: ${schema.members.id}
        xdm:sourceProperty: /_${platform.tenantId}/loyaltyId
        xdm:namespace: ${identityNamespace.loyalty.code}
        xdm:property: xdm:code
        xdm:isPrimary: true
      ---
      kind: descriptor
      name: email
      spec:
        "@type": xdm:descriptorIdentity
        xdm:sourceSchema: ${schema.members.id}
        xdm:sourceProperty: /_${platform.tenantId}/email
        xdm:namespace: Email
        xdm:property: xdm:code
      ---
      kind: dataset
      name: members
      spec:
        name: Loyalty Members
        schemaRef:
          id: ${schema.members.id}
          contentType: application/vnd.adobe.xed-full+json;version=1
        tags:
          unifiedProfile: ["enabled:true"]
          unifiedIdentity: ["enabled:true"]
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
    Files.writeString(platform.dir.resolve("namespace.yaml"), NAMESPACE);
    Files.writeString(platform.dir.resolve("profile.yaml"), PROFILE);
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

  private void edit(String file, String from, String to) throws IOException {
    Path path = platform.dir.resolve(file);
    String text = Files.readString(path);
    assertThat(text).as(file).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  private List<RequestLogEntry> log() {
    return platform.emulator.requestLog();
  }

  private int first(String method, String path, String bodyPart) {
    List<RequestLogEntry> log = log();
    for (int i = 0; i < log.size(); i++) {
      RequestLogEntry e = log.get(i);
      if (e.method().equals(method) && e.path().startsWith(path) && e.body().contains(bodyPart)) {
        return i;
      }
    }
    throw new AssertionError("no " + method + " " + path + " with " + bodyPart + " in " + log);
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

  @Test
  void everyProfileKindGoesThroughTheWholeLifecycle() throws Exception {
    ok("validate");
    CliRun plan = ok("plan");
    assertThat(plan.out())
        .contains("# identityNamespace.loyalty will be created")
        .contains("# descriptor.loyalty_id will be created")
        .contains("Plan: 7 to add, 0 to change, 0 to destroy.")
        .contains("sets spec.meta:immutableTags to [\"union\"], which cannot be undone");

    ok("apply", "--auto-approve");
    // created untagged; tagged once the primary identity exists; the dataset after the tag
    assertThat(log().get(first("POST", REGISTRY + "schemas", "")).body())
        .doesNotContain("immutableTags");
    int descriptor = first("POST", REGISTRY + "descriptors", "\"xdm:isPrimary\":true");
    int tag = first("PATCH", REGISTRY + "schemas/", "\"path\":\"/meta:immutableTags\"");
    int dataset = first("POST", "/data/foundation/catalog/dataSets", "unifiedProfile");
    assertThat(descriptor).isLessThan(tag);
    assertThat(tag).isLessThan(dataset);
    plansNoChanges();

    // in place: the namespace by PUT, the descriptor by PUT, the field group by PUT
    edit("namespace.yaml", "loyalty program members", "members of the loyalty program");
    edit("profile.yaml", "  xdm:namespace: Email\n", "  xdm:namespace: Phone\n");
    platform.emulator.clearRequestLog();
    plan = ok("plan");
    assertThat(plan.out())
        .contains("# identityNamespace.loyalty will be updated in-place")
        .contains("# descriptor.email will be updated in-place")
        .contains("Plan: 0 to add, 2 to change, 0 to destroy.");
    ok("apply", "--auto-approve");
    assertThat(platform.writes())
        .containsExactlyInAnyOrder(
            "PUT " + IDENTITIES + "/" + stateId("identityNamespace.loyalty") + " -> 200",
            "PUT " + REGISTRY + "descriptors/" + stateId("descriptor.email") + " -> 201");
    plansNoChanges();

    // drift: renamed in the UI, named back
    platform.emulator.renameObject(
        ResourceKind.IDENTITY_NAMESPACE,
        platform.client.orgId(),
        LocalPlatformExtension.SANDBOX,
        stateId("identityNamespace.loyalty"),
        "Renamed in the UI");
    plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.out())
        .contains("# identityNamespace.loyalty has changed")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    ok("apply", "--auto-approve");
    plansNoChanges();

    // import: forgotten, then adopted again by id
    // a field group's custom fields sit under _${platform.tenantId}: the import resolves it
    for (String address :
        List.of("identityNamespace.loyalty", "descriptor.loyalty_id", "fieldGroup.loyalty")) {
      String id = stateId(address);
      ok("state", "rm", address);
      ok("import", address, id);
      assertThat(stateId(address)).isEqualTo(id);
    }
    plansNoChanges();
    String fieldGroup = stateId("fieldGroup.loyalty");
    ok("state", "rm", "fieldGroup.loyalty");
    Files.writeString(
        platform.dir.resolve("import.yaml"),
        "kind: import\nto: fieldGroup.loyalty\nid: " + fieldGroup + "\n");
    assertThat(ok("plan").out())
        .contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.");
    ok("apply", "--auto-approve");
    Files.delete(platform.dir.resolve("import.yaml"));
    plansNoChanges();

    // export: every kind, standard namespaces left out; the export plans no changes
    ok("export", "--out", exported.toString(), "--import");
    String manifests = manifests(exported);
    assertThat(manifests)
        .contains("kind: identityNamespace")
        .contains("code: Loyalty")
        .doesNotContain("code: ECID")
        .contains("kind: dataType")
        .contains("kind: descriptor")
        .contains("${identityNamespace.loyalty_member.code}")
        .contains("${dataType.loyalty_address.id}")
        .contains("- union");
    CliRun again =
        CliRun.run(
            platform.env(),
            "plan",
            "--detailed-exitcode",
            "--dir",
            exported.toString(),
            "--env",
            LocalPlatformExtension.ENV,
            "--no-color");
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();

    // destroy: what AEP cannot delete stays, and the plan says why
    CliRun destroy = ok("destroy", "--auto-approve");
    assertThat(destroy.out())
        .contains(
            "# identityNamespace.loyalty will no longer be managed by aepform, but will not be"
                + " destroyed\n  # (AEP cannot delete an identity namespace")
        .contains(
            "# schema.members will no longer be managed by aepform, but will not be destroyed\n"
                + "  # (it is enabled for Profile, so it stays in AEP")
        .contains("# fieldGroup.loyalty will no longer be managed by aepform")
        .contains("# dataType.address will no longer be managed by aepform")
        .contains("# descriptor.loyalty_id will be destroyed");
    assertThat(custom(ResourceKind.IDENTITY_NAMESPACE)).hasSize(1);
    assertThat(custom(ResourceKind.SCHEMA)).hasSize(1);
    assertThat(custom(ResourceKind.FIELD_GROUP)).hasSize(1);
    assertThat(custom(ResourceKind.DATA_TYPE)).hasSize(1);
    assertThat(custom(ResourceKind.DESCRIPTOR)).isEmpty();
    assertThat(custom(ResourceKind.DATASET)).isEmpty();
    assertThat(JSON.readTree(platform.stateFile().toFile()).path("resources")).isEmpty();
  }

  @Test
  void aNamespaceADestroyLeftInAepIsAdoptedWhenDeclaredAgain() throws Exception {
    Files.delete(platform.dir.resolve("profile.yaml"));
    ok("apply", "--auto-approve");
    String id = stateId("identityNamespace.loyalty");
    ok("destroy", "--auto-approve");
    assertThat(custom(ResourceKind.IDENTITY_NAMESPACE)).hasSize(1);

    platform.emulator.clearRequestLog();
    CliRun plan = ok("plan");
    assertThat(plan.out())
        .contains("# identityNamespace.loyalty will be imported")
        .contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.");
    ok("apply", "--auto-approve");
    assertThat(platform.writes()).isEmpty();
    assertThat(stateId("identityNamespace.loyalty")).isEqualTo(id);
    plansNoChanges();
  }

  @Test
  void disablingProfileOnADatasetNeedsReplaceAndThenUpdatesItInPlace() throws Exception {
    // what references the dataset keeps its id: the confirmed update replaces nothing
    Files.writeString(
        platform.dir.resolve("merge.yaml"),
        """
        kind: mergePolicy
        name: members_first
        spec:
          name: Members First
          schema: {name: _xdm.context.profile}
          identityGraph: {type: pdg}
          attributeMerge:
            type: dataSetPrecedence
            order: ["${dataset.members.id}"]
        """);
    ok("apply", "--auto-approve");
    String dataset = stateId("dataset.members");
    edit("profile.yaml", "    unifiedProfile: [\"enabled:true\"]\n", "");

    CliRun refused = platform.cli("plan");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("dataset.members would be updated in place, and that disables Profile")
        .contains("To confirm, plan again with --replace dataset.members");

    platform.emulator.clearRequestLog();
    CliRun apply = ok("apply", "--replace", "dataset.members", "--auto-approve");
    assertThat(apply.out()).contains("Plan: 0 to add, 1 to change, 0 to destroy.");
    assertThat(platform.writes())
        .containsExactly("PATCH /data/foundation/catalog/dataSets/" + dataset + " -> 200");
    assertThat(stateId("dataset.members")).isEqualTo(dataset);
    plansNoChanges();
  }

  @Test
  void theUnionTagIsNeverRemovedNorANamespaceCodeChanged() throws Exception {
    ok("apply", "--auto-approve");
    edit("profile.yaml", "  meta:immutableTags: [union]\n", "");
    CliRun untag = platform.cli("plan");
    assertThat(untag.exitCode()).isEqualTo(1);
    assertThat(untag.err())
        .contains("schema.members: spec.meta:immutableTags is [\"union\"] and AEP never unsets it");
    edit("profile.yaml", "  meta:class:", "  meta:immutableTags: [union]\n  meta:class:");

    edit("namespace.yaml", "code: Loyalty", "code: Loyal");
    CliRun recode = platform.cli("plan");
    assertThat(recode.exitCode()).isEqualTo(1);
    assertThat(recode.err())
        .contains("namespace.yaml:5:")
        .contains("spec.code cannot change once the identityNamespace exists");
  }

  private static String manifests(Path dir) throws IOException {
    StringBuilder out = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        out.append(Files.readString(f));
      }
    }
    return out.toString();
  }
}
