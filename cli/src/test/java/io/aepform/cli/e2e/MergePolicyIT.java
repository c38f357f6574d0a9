package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Profile merge policies through the CLI on the local platform, which seeds Adobe's default policy
 * in every sandbox (edge-active, the default): the plan names the policy a new default demotes,
 * refuses a second edge-active policy, and destroy turns edge off before deleting and says that the
 * demoted policy is not restored. Export leaves Adobe's policy out.
 */
class MergePolicyIT {
  private static final String POLICIES = "/data/core/ups/config/mergePolicies";
  private static final String ADOBE = "Profile Default Merge Policy";

  @RegisterExtension final LocalPlatformExtension platform = LocalPlatformExtension.emulatorOnly();

  LifecycleSteps steps;

  @BeforeEach
  void start() throws Exception {
    CsvPipeline.write(platform.dir);
    platform.writeEnvironment(LocalPlatformExtension.SANDBOX);
    steps = new LifecycleSteps(platform);
  }

  @Test
  void aNewDefaultNamesThePolicyAepDemotes() throws Exception {
    // the sandbox's policies exist once Profile is first asked
    assertThat(steps.cli("plan").exitCode()).isZero();
    ObjectNode adobe = steps.named(ResourceKind.MERGE_POLICY, ADOBE);
    assertThat(adobe.path("default").asBoolean()).isTrue();

    CliRun plan = steps.cli("plan");
    assertThat(plan.out())
        .contains(
            "mergePolicy.by_dataset: becomes the default merge policy of _xdm.context.profile:"
                + " AEP demotes '"
                + ADOBE
                + "' (id "
                + adobe.path("id").asText()
                + "), and destroying this policy later does not make that one the default again");

    steps.apply();
    assertThat(steps.named(ResourceKind.MERGE_POLICY, ADOBE).path("default").asBoolean()).isFalse();
    ObjectNode ours = steps.named(ResourceKind.MERGE_POLICY, "CSV First");
    assertThat(Files.readString(platform.stateFile()))
        .contains("\"id\": \"" + ours.at("/attributeMerge/order/0").asText() + "\"");
    steps.plansNoChanges();

    CliRun destroyPlan = steps.cli("plan", "--destroy");
    assertThat(destroyPlan.out())
        .contains(
            "mergePolicy.by_dataset: is the default merge policy of _xdm.context.profile: deleting"
                + " it does not make the policy it replaced the default again");
  }

  @Test
  void anUpdateAndDriftArePutBack() throws Exception {
    steps.apply();
    String id = steps.named(ResourceKind.MERGE_POLICY, "CSV First").path("id").asText();
    steps.edit("merge.yaml", "type: pdg", "type: none");
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(platform.writes()).containsExactly("PUT " + POLICIES + "/" + id + " -> 200");
    steps.plansNoChanges();

    platform.emulator.renameObject(
        ResourceKind.MERGE_POLICY,
        platform.client.orgId(),
        LocalPlatformExtension.SANDBOX,
        id,
        "In the UI");
    CliRun plan = steps.plansChanges();
    assertThat(plan.out())
        .contains("# mergePolicy.by_dataset has changed")
        .contains("~ spec.name = \"In the UI\" -> \"CSV First\"");
    steps.apply();
    assertThat(steps.objects(ResourceKind.MERGE_POLICY))
        .extracting(p -> p.path("name").asText())
        .containsExactlyInAnyOrder(ADOBE, "CSV First");
    steps.plansNoChanges();
  }

  @Test
  void aSecondPolicyActiveOnEdgeIsRefusedAtPlanTime() throws Exception {
    steps.edit("merge.yaml", "default: true", "default: true\n  isActiveOnEdge: true");
    CliRun plan = steps.cli("plan");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .contains("merge.yaml:14:")
        .contains(
            "mergePolicy.by_dataset: AEP allows one merge policy active on edge per sandbox, and '"
                + ADOBE
                + "'");
    assertThat(platform.writes()).isEmpty();
  }

  @Test
  void destroyTurnsEdgeOffBeforeDeletingAnEdgeActivePolicy() throws Exception {
    assertThat(steps.cli("plan").exitCode()).isZero();
    String adobe = steps.named(ResourceKind.MERGE_POLICY, ADOBE).path("id").asText();
    platform.emulator.updateObject(
        ResourceKind.MERGE_POLICY,
        platform.client.orgId(),
        LocalPlatformExtension.SANDBOX,
        adobe,
        p -> p.put("isActiveOnEdge", false));
    steps.edit("merge.yaml", "default: true", "isActiveOnEdge: true");
    steps.apply();
    String id = steps.named(ResourceKind.MERGE_POLICY, "CSV First").path("id").asText();

    CliRun destroy = steps.cli("destroy", "--auto-approve");
    assertThat(destroy.exitCode()).as(destroy.out() + destroy.err()).isZero();
    assertThat(platform.writes())
        .containsSubsequence(
            "PUT " + POLICIES + "/" + id + " -> 200", "DELETE " + POLICIES + "/" + id + " -> 200");
    assertThat(steps.objects(ResourceKind.MERGE_POLICY))
        .extracting(p -> p.path("name").asText())
        .containsExactly(ADOBE);
  }

  @Test
  void importAndExportLeaveAdobesPolicyOut() throws Exception {
    steps.apply();
    String id = steps.named(ResourceKind.MERGE_POLICY, "CSV First").path("id").asText();
    assertThat(steps.cli("state", "rm", "mergePolicy.by_dataset").exitCode()).isZero();
    CliRun imported = steps.cli("import", "mergePolicy.by_dataset", id);
    assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
    steps.plansNoChanges();

    Path out = platform.root().resolve("exported");
    CliRun export = steps.cli("export", "--out", out.toString(), "--kind", "mergePolicy");
    assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        all.append(Files.readString(f));
      }
    }
    assertThat(all.toString())
        .contains("kind: mergePolicy\nname: csv_first\n")
        .contains("name: CSV First")
        .contains("default: true")
        .doesNotContain(ADOBE);
  }
}
