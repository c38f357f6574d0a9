package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.problems;
import static io.aepform.engine.provider.SpecTestSupport.spec;
import static io.aepform.engine.provider.SpecTestSupport.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("schema");

  private static final String PROFILE =
      """
      title: Sample Demo Profile XDM
      type: object
      description: ""
      allOf:
        - $ref: https://ns.adobe.com/xdm/context/profile
      meta:class: https://ns.adobe.com/xdm/context/profile
      """;

  @Test
  void describesTheKind() {
    assertThat(kind).isInstanceOf(SchemaKind.class);
    assertThat(kind.kind()).isEqualTo("schema");
    assertThat(kind.nameField()).isEqualTo("title");
    assertThat(kind.attributes()).containsExactlyInAnyOrder("id", "altId", "title");
  }

  @Test
  void theTutorialSchemaHasNoProblems() {
    assertThat(problems(kind, prepared(kind, "demo_profile", PROFILE))).isEmpty();
  }

  @Test
  void titleTypeAndDescriptionHaveDefaults() {
    Value spec =
        prepared(
            kind, "demo_profile", "allOf:\n  - $ref: https://ns.adobe.com/xdm/context/profile\n");
    assertThat(at(spec, "/title")).isEqualTo(Values.str("demo_profile"));
    assertThat(at(spec, "/type")).isEqualTo(Values.str("object"));
    assertThat(at(spec, "/description")).isEqualTo(Values.str(""));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void givenValuesAreKept() {
    Value spec = prepared(kind, "demo_profile", PROFILE.replace("\"\"", "People"));
    assertThat(at(spec, "/title")).isEqualTo(Values.str("Sample Demo Profile XDM"));
    assertThat(at(spec, "/description")).isEqualTo(Values.str("People"));
  }

  @Test
  void allOfIsRequired() {
    assertThat(problems(kind, prepared(kind, "s", "meta:class: x\n")))
        .containsExactly("/allOf: missing required field spec.allOf");
  }

  @Test
  void theTypeMustBeObject() {
    assertThat(problems(kind, prepared(kind, "s", PROFILE.replace("type: object", "type: array"))))
        .containsExactly("/type: spec.type must be one of [object], not \"array\"");
  }

  @Test
  void allOfNeedsAtLeastTheClassAndEachEntryARef() {
    assertThat(problems(kind, prepared(kind, "s", "allOf: []\n")))
        .containsExactly("/allOf: spec.allOf needs at least the class: - $ref: <class $id>");
    assertThat(
            problems(
                kind,
                prepared(
                    kind, "s", "allOf:\n  - $ref: https://x\n  - title: no ref\n  - $ref: [1]\n")))
        .containsExactly(
            "/allOf/1/$ref: missing required field spec.allOf.1.$ref",
            "/allOf/2/$ref: spec.allOf.2.$ref must be a string");
  }

  @Test
  void anUnknownRefIsNotAProblem() {
    Value spec =
        kind.normalize(
            kind.prepare(
                "s",
                new Value.Obj(
                    Map.of(
                        "allOf",
                        new Value.Arr(
                            List.of(
                                new Value.Obj(
                                    Map.of("$ref", unknown("schema", "mixin", "id")))))))));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void aNumberTitleIsSentAsText() {
    assertThat(
            at(prepared(kind, "s", PROFILE.replace("Sample Demo Profile XDM", "2024")), "/title"))
        .isEqualTo(Values.str("2024"));
  }
}
