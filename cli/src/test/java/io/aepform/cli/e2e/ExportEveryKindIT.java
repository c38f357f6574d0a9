package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The done-when of issues 17 and 18: a sandbox built by hand with every kind aepform manages is
 * exported; the export plans no changes against that sandbox (with --import), and applied to an
 * empty sandbox of another org (another tenant id) it makes every object and then plans no changes.
 * Secrets and Adobe's own objects stay out of the exported files.
 */
class ExportEveryKindIT {
  private static final String SECRET_VARIABLE = "HAND_BUCKET_S3SECRETKEY";
  private static final String ADOBE_POLICY = "Profile Default Merge Policy";
  private static final ClientCredentials OTHER_ORG =
      new ClientCredentials("other-client", "other-secret", "OTHERORG@AdobeOrg");

  @RegisterExtension
  final LocalPlatformExtension platform =
      LocalPlatformExtension.emulatorOnly()
          .options(
              EmulatorOptions.builder()
                  .client(EmulatorOptions.LOCAL_CLIENT)
                  .client(OTHER_ORG)
                  .build());

  private Path out;

  @Test
  void aSandboxBuiltByHandIsExportedAndAppliedToAnEmptySandboxWithNothingLeftToDo()
      throws Exception {
    new HandBuiltSandbox(platform, "hand").build();
    // Adobe's own objects are there too, as in every sandbox
    assertThat(platform.emulator.objects(ResourceKind.MERGE_POLICY, org(), "hand"))
        .extracting(p -> p.path("name").asText())
        .contains(ADOBE_POLICY);
    assertThat(platform.emulator.objects(ResourceKind.IDENTITY_NAMESPACE, org(), "hand"))
        .extracting(n -> n.path("code").asText())
        .contains("Email", "ECID");
    out = platform.root().resolve("exported");
    environment("hand");
    environment("copy");

    CliRun export = cli("hand", "export", "--out", out.toString(), "--import");
    assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
    assertThat(export.err()).isEmpty();
    assertThat(export.out())
        .contains("Exported 23 resources")
        .contains("Imported 23")
        .contains(SECRET_VARIABLE)
        .doesNotContain("Warning");

    String manifests = manifests();
    for (String kind :
        new String[] {
          "identityNamespace",
          "dataType",
          "fieldGroup",
          "schema",
          "descriptor",
          "connection",
          "sourceConnection",
          "dataset",
          "targetConnection",
          "mappingSet",
          "flow",
          "mergePolicy"
        }) {
      assertThat(manifests).as(kind).contains("kind: " + kind + "\n");
    }
    assertThat(manifests)
        .doesNotContain(HandBuiltSandbox.SECRET)
        .contains("s3SecretKey: ${env." + SECRET_VARIABLE + "}")
        .doesNotContain(ADOBE_POLICY)
        .doesNotContain("code: Email")
        .doesNotContain("code: ECID")
        .contains("xdm:namespace: Email")
        .contains("- ${dataset.hand_members.id}")
        .contains("mappingId: ${mappingSet.mapping_set.id}")
        .contains("mappingVersion: ${mappingSet.mapping_set.version}")
        .contains("xdm:namespace: ${identityNamespace.hand_loyalty.code}")
        .contains("$ref: ${dataType.hand_address.id}")
        .contains("- union")
        // the tenant namespace, which differs between orgs, is the platform's
        .contains("_${platform.tenantId}:")
        .contains("xdm:sourceProperty: /_${platform.tenantId}/loyaltyId")
        .contains("destination: _${platform.tenantId}.storeId")
        .doesNotContain("_" + Emulator.tenantOf(org()) + ":")
        .doesNotContain("_" + Emulator.tenantOf(org()) + "/")
        .doesNotContain("_" + Emulator.tenantOf(org()) + ".");
    assertThat(manifests.split("kind: fieldGroup\n", -1)).hasSize(2);
    assertThat(export.out())
        .contains(out.resolve("merge_policies.yaml").toString())
        .contains(out.resolve("mapping_sets.yaml").toString());

    // the export describes the sandbox it was read from: nothing to do there
    assertThat(cli("hand", "validate").exitCode()).isZero();
    platform.emulator.clearRequestLog();
    plansNoChanges("hand");
    assertThat(platform.writes()).allMatch(w -> w.contains("/mappingSets/validate"));

    // and makes the same objects in an empty sandbox of another org
    CliRun apply = cli("copy", "apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Apply complete! Resources: 23 added, 0 changed");
    plansNoChanges("copy");
    // the secret is in no file: manifests, states (--import's and the copy's), backups
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(HandBuiltSandbox.SECRET);
      }
    }
    Map<ResourceKind, List<String>> hand = shapes("hand");
    Map<ResourceKind, List<String>> copy = shapes("copy");
    hand.forEach(
        (kind, objects) ->
            assertThat(copy.get(kind)).as(kind.name()).isEqualTo(objects).isNotEmpty());
    for (String sandbox : List.of("hand", "copy")) {
      assertThat(only(ResourceKind.FLOW, sandbox).at("/transformations/0/params/mappingVersion"))
          .as(sandbox)
          .hasToString("\"" + only(ResourceKind.MAPPING_SET, sandbox).path("version") + "\"");
    }

    // destroy takes all of it apart, dependents first, leaving what AEP cannot delete
    CliRun destroy = cli("copy", "destroy", "--auto-approve");
    assertThat(destroy.exitCode()).as(destroy.out() + destroy.err()).isZero();
    assertThat(destroy.out()).contains("Destroy complete! Resources: 16 destroyed.");
    Map<ResourceKind, List<String>> left = shapes("copy");
    left.forEach(
        (kind, objects) ->
            assertThat(objects)
                .as(kind.name())
                .hasSize(
                    switch (kind) {
                      case IDENTITY_NAMESPACE, SCHEMA -> 2;
                      case DATA_TYPE, FIELD_GROUP, MAPPING_SET -> 1;
                      default -> 0;
                    }));
  }

  /** The shapes in the sandbox's org, its org, client and tenant written the same for every org. */
  private Map<ResourceKind, List<String>> shapes(String sandbox) {
    String org = org(sandbox);
    String client = sandbox.equals("copy") ? OTHER_ORG.clientId() : platform.client.clientId();
    Map<ResourceKind, List<String>> shapes = new HashMap<>();
    SandboxShapes.of(platform.emulator, org, sandbox)
        .forEach(
            (kind, objects) ->
                shapes.put(
                    kind,
                    objects.stream()
                        .map(
                            o ->
                                o.replace(org, "ORG")
                                    .replace(client, "CLIENT")
                                    .replace(Emulator.tenantOf(org), "TENANT"))
                        .sorted()
                        .toList()));
    return shapes;
  }

  /** "copy" lives in another org than the sandbox built by hand. */
  private String org(String sandbox) {
    return sandbox.equals("copy") ? OTHER_ORG.orgId() : org();
  }

  private String org() {
    return platform.client.orgId();
  }

  private ObjectNode only(ResourceKind kind, String sandbox) {
    List<ObjectNode> all = platform.emulator.objects(kind, org(sandbox), sandbox);
    assertThat(all).as(kind + " in " + sandbox).hasSize(1);
    return all.get(0);
  }

  private void plansNoChanges(String env) {
    CliRun plan = cli(env, "plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(env + ":\n" + plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
  }

  private CliRun cli(String env, String... command) {
    Map<String, String> vars = new HashMap<>(platform.env());
    vars.put(SECRET_VARIABLE, HandBuiltSandbox.SECRET);
    if (env.equals("copy")) {
      vars.put("AEP_CLIENT_ID", OTHER_ORG.clientId());
      vars.put("AEP_CLIENT_SECRET", OTHER_ORG.clientSecret());
      vars.put("AEP_ORG_ID", OTHER_ORG.orgId());
    }
    String[] args = new String[command.length + 5];
    System.arraycopy(command, 0, args, 0, command.length);
    System.arraycopy(
        new String[] {"--dir", out.toString(), "--env", env, "--no-color"},
        0,
        args,
        command.length,
        5);
    return CliRun.run(vars, args);
  }

  private void environment(String sandbox) throws IOException {
    Files.createDirectories(out.resolve("environments"));
    Files.writeString(
        out.resolve("environments/" + sandbox + ".yaml"),
        "sandbox: " + sandbox + "\nplatform: " + platform.emulator.baseUrl() + "\n");
  }

  private String manifests() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    return all.toString();
  }
}
