package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.problems;
import static io.aepform.engine.provider.SpecTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.ConfigRequest;
import io.aepform.engine.Engine;
import io.aepform.engine.ValidationResult;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergePolicyKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("mergePolicy");

  private static final String POLICY =
      """
      name: Loyalty members ordered by ID
      schema: {name: _xdm.context.profile}
      identityGraph: {type: none}
      attributeMerge:
        type: dataSetPrecedence
        order: [5b76f86b85d0e00000be5c8b, 5b76f8d787a6af01e2ceda18]
      default: true
      """;

  /** Adobe's default policy as the list answers of profile/api/merge-policies.md show it. */
  private static final Remote ADOBE =
      remote(
          "0bf16e61-90e9-4204-b8fa-ad250360957b",
          """
          name: Profile Default Merge Policy
          schema: {name: _xdm.context.profile}
          identityGraph: {type: none}
          attributeMerge: {type: timestampOrdered}
          isActiveOnEdge: true
          default: true
          """);

  private static Remote remote(String id, String yaml) {
    Value body = spec(yaml);
    String name = ((Value.Str) at(body, "/name")).value();
    return new Remote(id, name, "", Map.of("id", new Value.Str(id)), body, Instant.EPOCH);
  }

  @TempDir Path dir;

  @Test
  void validateRefusesASecondDefaultOfOneSchemaAndASecondPolicyActiveOnEdge() throws IOException {
    String policy =
        """
        kind: mergePolicy
        name: %s
        spec:
          schema: {name: _xdm.context.profile}
          identityGraph: {type: none}
          attributeMerge: {type: timestampOrdered}
          default: true
          isActiveOnEdge: true
        """;
    Files.writeString(
        dir.resolve("main.yaml"), policy.formatted("first") + "---\n" + policy.formatted("second"));
    ValidationResult result =
        new Engine(Map.of())
            .validate(new ConfigRequest(dir, "default", VariableValues.Inputs.none()));
    assertThat(result.valid()).isFalse();
    assertThat(result.problems())
        .extracting(Object::toString)
        .containsExactly(
            dir.resolve("main.yaml")
                + ":16:12: mergePolicy.second: AEP keeps one merge policy as the default of"
                + " _xdm.context.profile (profile/api/merge-policies.md), and mergePolicy.first"
                + " is declared so already: set default: false on one of them",
            dir.resolve("main.yaml")
                + ":17:19: mergePolicy.second: AEP keeps one merge policy active on edge"
                + " (profile/api/merge-policies.md), and mergePolicy.first is declared so"
                + " already: set isActiveOnEdge: false on one of them");
  }

  @Test
  void describesTheKind() {
    assertThat(kind).isInstanceOf(MergePolicyKind.class);
    assertThat(kind.nameField()).isEqualTo("name");
    assertThat(kind.attributes()).containsExactlyInAnyOrder("id", "name");
  }

  @Test
  void defaultAndEdgeAreFalseWhenLeftOut() {
    Value spec = prepared(kind, "p", POLICY.replace("default: true\n", ""));
    assertThat(at(spec, "/default")).isEqualTo(new Value.Bool(false));
    assertThat(at(spec, "/isActiveOnEdge")).isEqualTo(new Value.Bool(false));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void datasetPrecedenceNeedsAnOrderOfDistinctDatasetsAndTimestampsNone() {
    String noOrder =
        POLICY.replace("  order: [5b76f86b85d0e00000be5c8b, 5b76f8d787a6af01e2ceda18]\n", "");
    assertThat(problems(kind, prepared(kind, "p", noOrder)))
        .containsExactly(
            "/attributeMerge: spec.attributeMerge.order must list the datasets in order of"
                + " priority for dataSetPrecedence");
    assertThat(
            problems(
                kind,
                prepared(
                    kind,
                    "p",
                    POLICY.replace("5b76f8d787a6af01e2ceda18", "5b76f86b85d0e00000be5c8b"))))
        .containsExactly(
            "/attributeMerge/order/1: spec.attributeMerge.order lists a dataset twice");
    assertThat(
            problems(
                kind, prepared(kind, "p", POLICY.replace("dataSetPrecedence", "timestampOrdered"))))
        .containsExactly(
            "/attributeMerge/order: spec.attributeMerge.order is only for type dataSetPrecedence");
  }

  @Test
  void aNewDefaultNamesThePolicyAepDemotesAndSaysNothingRestoresIt() {
    Value after = prepared(kind, "p", POLICY);
    assertThat(kind.sideEffects(Optional.empty(), Optional.of(after), () -> List.of(ADOBE)))
        .containsExactly(
            "becomes the default merge policy of _xdm.context.profile: AEP demotes 'Profile"
                + " Default Merge Policy' (id 0bf16e61-90e9-4204-b8fa-ad250360957b), and destroying"
                + " this policy later does not make that one the default again");
    assertThat(kind.sideEffects(Optional.of(after), Optional.of(after), () -> List.of(ADOBE)))
        .as("already the default")
        .isEmpty();
    assertThat(kind.sideEffects(Optional.of(after), Optional.empty(), List::of))
        .containsExactly(
            "is the default merge policy of _xdm.context.profile: deleting it does not make the"
                + " policy it replaced the default again");
  }

  @Test
  void adobesDefaultPolicyIsNeitherExportedNorDeleted() {
    assertThat(kind.system(ADOBE)).isTrue();
    assertThat(kind.system(remote("x", POLICY))).isFalse();
    assertThat(kind.undeletable(ADOBE.body(), List.of())).isPresent();
    assertThat(kind.undeletable(prepared(kind, "p", POLICY), List.of())).isEmpty();
  }
}
