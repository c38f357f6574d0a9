package io.aepform.engine.plan;

import static io.aepform.engine.plan.PlanFixtures.address;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.Desired;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
  private static final Map<String, String> IDS =
      Map.of(
          "schema.demo_profile", "https://ns.adobe.com/tenant/schemas/abc",
          "dataset.leads", "65f0c0ffee");

  private static final String SALT = "c2FsdHNhbHRzYWx0c2FsdA==";

  @TempDir Path dir;

  private Configuration schemaAndDataset() {
    PlanFixtures.write(dir, "1-schema.yaml", PlanFixtures.SCHEMA);
    PlanFixtures.write(dir, "2-dataset.yaml", PlanFixtures.DATASET);
    return PlanFixtures.load(dir);
  }

  private static Resolver.Resolved resolve(Configuration config, Map<String, String> ids) {
    return PlanFixtures.resolve(config, PlanFixtures.defaults(config), PlanFixtures.known(ids));
  }

  private static Plan plan(Resolver.Resolved desired, Map<Address, Recorded> recorded) {
    return plan("dev", "lin-1", 3, desired, recorded, List.of());
  }

  /** The one call of the planner, so a change of its signature is one edit here. */
  private static Plan plan(
      String environment,
      String lineage,
      long serial,
      Resolver.Resolved desired,
      Map<Address, Recorded> recorded,
      List<Problem> warnings) {
    return Planner.plan(
        environment,
        lineage,
        serial,
        SALT,
        Kinds.all(Clock.systemUTC()),
        desired,
        recorded,
        warnings);
  }

  /** State as apply would leave it: exactly what was resolved, with its ids. */
  private static Map<Address, Recorded> applied(Resolver.Resolved resolved) {
    Map<Address, Recorded> state = new LinkedHashMap<>();
    for (Desired d : resolved.resources()) {
      List<Address> deps = d.decl().dependencies().stream().map(x -> x.target()).toList();
      Value stored = Secrets.digested(d.spec(), SALT);
      state.put(d.address(), new Recorded(d.address(), stored, d.attributes(), deps));
    }
    return state;
  }

  private static Recorded recorded(String address, String... dependencies) {
    return new Recorded(
        address(address),
        new Value.Obj(Map.of("name", Values.str(address))),
        Map.of("id", Values.str("id-" + address)),
        Arrays.stream(dependencies).map(PlanFixtures::address).toList());
  }

  private static List<String> summary(Plan plan) {
    return plan.changes().stream().map(c -> c.action() + " " + c.address()).toList();
  }

  @Test
  void withoutStateEverythingIsCreatedInDependencyOrder() {
    PlanFixtures.tutorial(dir);
    Configuration config = PlanFixtures.load(dir);

    Plan plan = plan(resolve(config, Map.of()), Map.of());

    assertThat(summary(plan))
        .containsExactly(
            "CREATE connection.s3",
            "CREATE schema.demo_profile",
            "CREATE dataset.leads",
            "CREATE sourceConnection.source",
            "CREATE targetConnection.target",
            "CREATE flow.ingest");
    assertThat(plan.toAdd()).isEqualTo(6);
    assertThat(plan.toChange()).isZero();
    assertThat(plan.toDestroy()).isZero();
    assertThat(plan.hasChanges()).isTrue();
  }

  @Test
  void aCreateShowsUnknownIdsAndTheSpecAfterAndNothingBefore() {
    Plan plan = plan(resolve(schemaAndDataset(), Map.of()), Map.of());

    ResourceChange schema = plan.changes().get(0);
    assertThat(schema.before()).isEmpty();
    assertThat(schema.reason()).isEmpty();
    Value after = schema.after().orElseThrow();
    assertThat(((Value.Obj) after).fields().keySet()).containsExactly("id", "altId", "spec");
    assertThat(Values.at(after, "/id").orElseThrow()).isInstanceOf(Value.Unknown.class);
    assertThat(Values.at(after, "/spec/title")).contains(Values.str("Sample Demo Profile XDM"));

    ResourceChange dataset = plan.changes().get(1);
    assertThat(((Value.Obj) dataset.after().orElseThrow()).fields().keySet())
        .containsExactly("id", "spec");
    assertThat(dataset.dependencies()).containsExactly(address("schema.demo_profile"));
  }

  @Test
  void aConfigurationMatchingStateIsNoOp() {
    Configuration config = schemaAndDataset();
    Resolver.Resolved resolved = resolve(config, IDS);

    Plan plan = plan(resolved, applied(resolved));

    assertThat(summary(plan)).containsExactly("NO_OP schema.demo_profile", "NO_OP dataset.leads");
    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.changes()).allMatch(c -> c.fields().isEmpty());
    assertThat(plan.changes().get(1).before()).isEqualTo(plan.changes().get(1).after());
  }

  @Test
  void aChangedFieldIsAnUpdateWithThatFieldOnly() {
    Configuration config = schemaAndDataset();
    Resolver.Resolved resolved = resolve(config, IDS);
    Map<Address, Recorded> state = applied(resolved);
    Recorded old = state.get(address("dataset.leads"));
    state.put(
        old.address(),
        new Recorded(
            old.address(),
            Values.with(old.spec(), "/description", Values.str("old text")),
            old.attributes(),
            old.dependencies()));

    Plan plan = plan(resolved, state);

    assertThat(summary(plan)).containsExactly("NO_OP schema.demo_profile", "UPDATE dataset.leads");
    ResourceChange update = plan.changes().get(1);
    assertThat(update.fields())
        .containsExactly(
            new FieldChange("/description", Optional.of(Values.str("old text")), Optional.empty()));
    assertThat(Values.at(update.before().orElseThrow(), "/id")).contains(Values.str("65f0c0ffee"));
    assertThat(plan.toChange()).isEqualTo(1);
    assertThat(plan.toAdd()).isZero();
  }

  @Test
  void aNewDependencyUnderAFieldThatForcesReplaceReplacesTheDependentWithAReason() {
    Configuration config = schemaAndDataset();
    Map<Address, Recorded> state = applied(resolve(config, IDS));
    state.remove(address("schema.demo_profile"));

    Plan plan = plan(resolve(config, Map.of("dataset.leads", "65f0c0ffee")), state);

    // a dataset's schemaRef cannot change in place (docs/kinds.md)
    assertThat(summary(plan))
        .containsExactly("CREATE schema.demo_profile", "REPLACE dataset.leads");
    assertThat(plan.changes().get(1).reason())
        .contains("spec.schemaRef.id")
        .contains("forces replacement");
    assertThat(plan.changes().get(1).fields())
        .singleElement()
        .satisfies(f -> assertThat(f.pointer()).isEqualTo("/schemaRef/id"))
        .satisfies(f -> assertThat(f.after().orElseThrow()).isInstanceOf(Value.Unknown.class));
  }

  @Test
  void resourcesOnlyInStateAreDeletedDependentsFirstAfterEverythingElse() {
    Configuration config = schemaAndDataset();
    Resolver.Resolved resolved = resolve(config, IDS);
    Map<Address, Recorded> state = new LinkedHashMap<>(applied(resolved));
    state.put(address("dataset.gone"), recorded("dataset.gone", "schema.demo_profile"));
    state.put(
        address("flow.old"), recorded("flow.old", "targetConnection.old", "sourceConnection.zzz"));
    state.put(address("sourceConnection.zzz"), recorded("sourceConnection.zzz"));
    state.put(address("targetConnection.old"), recorded("targetConnection.old", "dataset.gone"));

    Plan plan = plan(resolved, state);

    assertThat(summary(plan))
        .containsExactly(
            "NO_OP schema.demo_profile",
            "NO_OP dataset.leads",
            "DELETE flow.old",
            "DELETE targetConnection.old",
            "DELETE sourceConnection.zzz",
            "DELETE dataset.gone");
    ResourceChange delete = plan.changes().get(2);
    assertThat(delete.reason()).isEqualTo("not in the configuration");
    assertThat(delete.after()).isEmpty();
    assertThat(Values.at(delete.before().orElseThrow(), "/id")).contains(Values.str("id-flow.old"));
    assertThat(plan.toDestroy()).isEqualTo(4);
    assertThat(plan.toAdd()).isZero();
  }

  @Test
  void deleteOrderDoesNotDependOnStateOrder() {
    Configuration config = schemaAndDataset();
    Resolver.Resolved resolved = resolve(config, IDS);
    Map<Address, Recorded> forward = new LinkedHashMap<>();
    forward.put(address("dataset.b"), recorded("dataset.b"));
    forward.put(address("flow.a"), recorded("flow.a", "dataset.b"));
    forward.put(address("dataset.c"), recorded("dataset.c"));
    Map<Address, Recorded> backward = new LinkedHashMap<>();
    backward.put(address("dataset.c"), recorded("dataset.c"));
    backward.put(address("flow.a"), recorded("flow.a", "dataset.b"));
    backward.put(address("dataset.b"), recorded("dataset.b"));

    assertThat(summary(plan(resolved, forward)))
        .isEqualTo(summary(plan(resolved, backward)))
        .endsWith("DELETE flow.a", "DELETE dataset.c", "DELETE dataset.b");
  }

  @Test
  void thePlanCarriesItsStateIdentityOutputsAndWarnings() {
    Configuration config = schemaAndDataset();
    Problem warning = Problem.warning(Position.of("a.yaml"), "heads up");
    Plan plan = plan("prod", "lin-9", 42, resolve(config, IDS), Map.of(), List.of(warning));
    assertThat(plan.environment()).isEqualTo("prod");
    assertThat(plan.lineage()).isEqualTo("lin-9");
    assertThat(plan.serial()).isEqualTo(42);
    assertThat(plan.warnings()).containsExactly(warning);
    assertThat(plan.drift()).isEmpty();
  }

  @Test
  void anUnchangedSecretIsNoOpAndAChangedOneAnUpdateWithoutShowingIt() {
    PlanFixtures.tutorial(dir);
    Configuration config = PlanFixtures.load(dir);
    Map<String, String> ids = new LinkedHashMap<>(IDS);
    ids.put("connection.s3", "conn-1");
    Resolver.Resolved resolved = resolve(config, ids);
    Map<Address, Recorded> state = applied(resolved);
    Recorded s3 = state.get(address("connection.s3"));
    assertThat(Values.toJsonRevealed(s3.spec()).toString()).doesNotContain("wJalrXUtnFEMI");

    assertThat(plan(resolved, state).changes())
        .filteredOn(c -> c.address().equals(address("connection.s3")))
        .singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(Action.NO_OP));

    Map<String, Value> rotated = new LinkedHashMap<>(PlanFixtures.defaults(config));
    rotated.put("s3_secret", new Value.Sensitive(Values.str("rotated-secret")));
    Resolver.Resolved changed = PlanFixtures.resolve(config, rotated, PlanFixtures.known(ids));
    ResourceChange update =
        plan(changed, state).changes().stream()
            .filter(c -> c.address().equals(address("connection.s3")))
            .findFirst()
            .orElseThrow();
    assertThat(update.action()).isEqualTo(Action.UPDATE);
    assertThat(update.fields())
        .extracting(FieldChange::pointer)
        .containsExactly("/auth/params/s3SecretKey");
    assertThat(update.fields().get(0).after().orElseThrow()).isInstanceOf(Value.Sensitive.class);
  }

  @Test
  void aStartTimeSetByApplyIsNotAChange() {
    PlanFixtures.tutorial(dir);
    Configuration config = PlanFixtures.load(dir);
    Map<String, String> ids = new LinkedHashMap<>(IDS);
    ids.put("connection.s3", "conn-1");
    ids.put("sourceConnection.source", "src-1");
    ids.put("targetConnection.target", "tgt-1");
    ids.put("flow.ingest", "flow-1");
    Resolver.Resolved resolved = resolve(config, ids);
    Map<Address, Recorded> state = applied(resolved);
    Recorded flow = state.get(address("flow.ingest"));
    state.put(
        flow.address(),
        new Recorded(
            flow.address(),
            Values.with(flow.spec(), "/scheduleParams/startTime", Value.Num.of(1_700_000_000L)),
            flow.attributes(),
            flow.dependencies()));

    Plan plan = plan(resolved, state);

    assertThat(plan.hasChanges()).isFalse();
  }

  @Test
  void ignoredChangesDoNotPlanAnUpdate() {
    PlanFixtures.write(
        dir,
        "1-schema.yaml",
        PlanFixtures.SCHEMA + "lifecycle:\n  ignoreChanges: [/description]\n");
    Configuration config = PlanFixtures.load(dir);
    Resolver.Resolved resolved = resolve(config, IDS);
    Map<Address, Recorded> state = applied(resolved);
    Recorded old = state.get(address("schema.demo_profile"));
    state.put(
        old.address(),
        new Recorded(
            old.address(),
            Values.with(old.spec(), "/description", Values.str("edited in the UI")),
            old.attributes(),
            old.dependencies()));

    assertThat(summary(plan(resolved, state))).containsExactly("NO_OP schema.demo_profile");
  }
}
