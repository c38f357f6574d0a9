package io.aepform.engine.plan;

import static io.aepform.engine.plan.PlanFixtures.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.Desired;
import io.aepform.engine.manifest.ManifestException;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.provider.Specs;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverTest {
  @TempDir Path dir;

  private Resolver.Resolved resolveTutorial(Resolver.KnownIds known) {
    PlanFixtures.tutorial(dir);
    Configuration config = PlanFixtures.load(dir);
    return PlanFixtures.resolve(config, PlanFixtures.defaults(config), known);
  }

  private static Desired find(Resolver.Resolved resolved, String address) {
    return resolved.resources().stream()
        .filter(d -> d.address().equals(address(address)))
        .findFirst()
        .orElseThrow();
  }

  private static Value at(Desired d, String pointer) {
    return Values.at(d.spec(), pointer).orElseThrow(() -> new AssertionError(pointer));
  }

  private List<Problem> problems(Configuration config) {
    try {
      PlanFixtures.resolve(config, PlanFixtures.defaults(config), PlanFixtures.nothingKnown());
    } catch (ManifestException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void resourcesComeInDependencyOrder() {
    Resolver.Resolved resolved = resolveTutorial(PlanFixtures.nothingKnown());
    assertThat(resolved.resources())
        .extracting(d -> d.address().toString())
        .containsExactly(
            "connection.s3",
            "schema.demo_profile",
            "dataset.leads",
            "sourceConnection.source",
            "targetConnection.target",
            "flow.ingest");
  }

  @Test
  void idsOfResourcesNotYetCreatedAreUnknownAndSoAreTheValuesReadingThem() {
    Resolver.Resolved resolved = resolveTutorial(PlanFixtures.nothingKnown());

    Desired schema = find(resolved, "schema.demo_profile");
    assertThat(schema.attributes().get("id")).isInstanceOf(Value.Unknown.class);
    assertThat(schema.attributes().get("altId")).isInstanceOf(Value.Unknown.class);
    assertThat(schema.attributes().get("title")).isEqualTo(Values.str("Sample Demo Profile XDM"));

    Desired dataset = find(resolved, "dataset.leads");
    Value schemaRef = at(dataset, "/schemaRef/id");
    assertThat(schemaRef).isInstanceOf(Value.Unknown.class);
    assertThat(((Value.Unknown) schemaRef).template().source())
        .isEqualTo("${schema.demo_profile.id}");
    assertThat(at(find(resolved, "flow.ingest"), "/sourceConnectionIds/0"))
        .isInstanceOf(Value.Unknown.class);
  }

  @Test
  void idsKnownFromStateAreUsed() {
    Resolver.Resolved resolved =
        resolveTutorial(
            PlanFixtures.known(
                Map.of(
                    "schema.demo_profile", "https://ns.adobe.com/tenant/schemas/abc",
                    "dataset.leads", "65f0c0ffee")));

    assertThat(find(resolved, "schema.demo_profile").attributes().get("id"))
        .isEqualTo(Values.str("https://ns.adobe.com/tenant/schemas/abc"));
    assertThat(at(find(resolved, "dataset.leads"), "/schemaRef/id"))
        .isEqualTo(Values.str("https://ns.adobe.com/tenant/schemas/abc"));
    Desired target = find(resolved, "targetConnection.target");
    assertThat(at(target, "/params/dataSetId")).isEqualTo(Values.str("65f0c0ffee"));
    assertThat(Values.isKnown(target.spec())).isTrue();
    assertThat(find(resolved, "flow.ingest").attributes().get("id"))
        .isInstanceOf(Value.Unknown.class);
  }

  @Test
  void theRemoteNameDefaultsToTheLogicalName() {
    Resolver.Resolved resolved = resolveTutorial(PlanFixtures.nothingKnown());
    Desired dataset = find(resolved, "dataset.leads");
    assertThat(at(dataset, "/name")).isEqualTo(Values.str("leads"));
    assertThat(dataset.attributes().get("name")).isEqualTo(Values.str("leads"));
    assertThat(find(resolved, "flow.ingest").attributes().get("name"))
        .isEqualTo(Values.str("ingest"));
  }

  @Test
  void anExplicitRemoteNameWins() {
    PlanFixtures.write(
        dir,
        "d.yaml",
        PlanFixtures.DATASET
            .replace("${schema.demo_profile.id}", "https://ns.adobe.com/x")
            .replace("spec:\n", "spec:\n  name: Leads Dataset\n"));
    Configuration config = PlanFixtures.load(dir);
    Desired dataset =
        PlanFixtures.resolve(config, Map.of(), PlanFixtures.nothingKnown()).resources().get(0);
    assertThat(dataset.attributes().get("name")).isEqualTo(Values.str("Leads Dataset"));
  }

  @Test
  void specsAreNormalisedAndSecretsMarked() {
    Resolver.Resolved resolved = resolveTutorial(PlanFixtures.nothingKnown());

    Desired flow = find(resolved, "flow.ingest");
    assertThat(at(flow, "/flowSpec/id")).isEqualTo(Values.str(Specs.CLOUD_STORAGE_FLOW));
    assertThat(at(flow, "/flowSpec/version")).isEqualTo(Values.str("1.0"));
    assertThat(at(flow, "/scheduleParams/interval")).isEqualTo(Values.str("15"));
    assertThat(at(flow, "/scheduleParams/backfill")).isEqualTo(new Value.Bool(true));

    Desired connection = find(resolved, "connection.s3");
    assertThat(at(connection, "/auth/params/s3AccessKey")).isEqualTo(Values.str("AKIAEXAMPLE"));
    assertThat(Values.at(connection.spec(), "/auth/params").orElseThrow())
        .isEqualTo(
            new Value.Obj(
                Map.of(
                    "s3AccessKey",
                    Values.str("AKIAEXAMPLE"),
                    "s3SecretKey",
                    new Value.Sensitive(Values.str("wJalrXUtnFEMI")))));
    assertThat(at(find(resolved, "sourceConnection.source"), "/params/path"))
        .isEqualTo(Values.str("partners-demo/leads.csv"));
  }

  @Test
  void problemsOfEveryResourceAreCollectedWithPositionsAndAddresses() {
    PlanFixtures.write(dir, "a.yaml", "kind: dataset\nname: a\nspec:\n  description: x\n");
    PlanFixtures.write(
        dir,
        "b.yaml",
        "kind: flow\nname: b\nspec:\n  flowSpec:\n    id: cloud-storage\n"
            + "  scheduleParams:\n    frequency: minute\n    interval: 5\n");
    Configuration config = PlanFixtures.load(dir);
    String a = dir.resolve("a.yaml").toString();
    String b = dir.resolve("b.yaml").toString();

    List<String> messages = problems(config).stream().map(Problem::toString).toList();

    assertThat(messages)
        .contains(
            a + ":4:3: dataset.a: missing required field spec.schemaRef",
            b + ":4:3: flow.b: missing required field spec.sourceConnectionIds",
            b
                + ":8:15: flow.b: spec.scheduleParams.interval must be a whole number of at"
                + " least 15 for frequency minute");
    assertThat(messages).allMatch(m -> m.startsWith(a) || m.startsWith(b));
  }

  @Test
  void anEvaluationErrorDoesNotHideTheProblemsOfOtherResources() {
    PlanFixtures.write(dir, "a.yaml", "kind: variable\nname: region\n");
    PlanFixtures.write(
        dir,
        "b.yaml",
        "kind: dataset\nname: a\nspec:\n  description: ${var.region}\n"
            + "  schemaRef:\n    id: x\n    contentType: y\n");
    PlanFixtures.write(dir, "c.yaml", "kind: dataset\nname: c\nspec:\n  description: x\n");
    Configuration config = PlanFixtures.load(dir);

    List<Problem> problems = problems(config);

    assertThat(problems)
        .extracting(Problem::message)
        .anyMatch(m -> m.startsWith("variable 'region' has no value"))
        .anyMatch(m -> m.equals("dataset.c: missing required field spec.schemaRef"));
    assertThat(problems.get(0).position().toString()).isEqualTo(dir.resolve("b.yaml") + ":4:16");
  }

  @Test
  void outputsAreEvaluatedAndKeepTheirSensitivity() {
    PlanFixtures.tutorial(dir);
    PlanFixtures.write(
        dir,
        "outputs.yaml",
        """
        kind: output
        name: schema_id
        value: ${schema.demo_profile.id}
        ---
        kind: output
        name: bucket
        value: ${var.bucket}
        ---
        kind: output
        name: secret_copy
        value: ${var.s3_secret}
        ---
        kind: output
        name: marked
        value: plain
        sensitive: true
        """);
    Configuration config = PlanFixtures.load(dir);

    List<OutputValue> outputs =
        PlanFixtures.resolve(config, PlanFixtures.defaults(config), PlanFixtures.nothingKnown())
            .outputs();

    assertThat(outputs)
        .extracting(OutputValue::name)
        .containsExactly("schema_id", "bucket", "secret_copy", "marked");
    assertThat(outputs.get(0).value()).isInstanceOf(Value.Unknown.class);
    assertThat(outputs.get(0).sensitive()).isFalse();
    assertThat(outputs.get(1).value()).isEqualTo(Values.str("partners-demo"));
    assertThat(outputs.get(2).sensitive()).isTrue();
    assertThat(outputs.get(2).value()).isEqualTo(new Value.Sensitive(Values.str("wJalrXUtnFEMI")));
    assertThat(outputs.get(3).sensitive()).isTrue();
    assertThat(outputs.get(3).value()).isEqualTo(new Value.Sensitive(Values.str("plain")));
  }

  @Test
  void aMissingVariableValueIsAnErrorAtTheExpression() {
    PlanFixtures.tutorial(dir);
    Configuration config = PlanFixtures.load(dir);
    assertThatThrownBy(
            () ->
                PlanFixtures.resolve(
                    config,
                    Map.of("interval", Value.Num.of(15), "s3_secret", Values.str("x")),
                    PlanFixtures.nothingKnown()))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            dir.resolve("4-source.yaml")
                + ":10:11: variable 'bucket' has no value: pass --var bucket=VALUE, set it in the"
                + " environment file, or give it a default");
  }
}
