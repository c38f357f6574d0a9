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
import org.junit.jupiter.api.Test;

class TargetConnectionKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("targetConnection");

  private static final String TARGET =
      """
      connectionSpec:
        id: data-lake
      data:
        format: parquet_xdm
        schema:
          id: https://ns.adobe.com/t/schemas/1
          version: application/vnd.adobe.xed-full+json;version=1
      params:
        dataSetId: 65f0c0ffee
      """;

  @Test
  void describesTheKind() {
    assertThat(kind).isInstanceOf(TargetConnectionKind.class);
    assertThat(kind.kind()).isEqualTo("targetConnection");
    assertThat(kind.nameField()).isEqualTo("name");
    assertThat(kind.attributes()).containsExactlyInAnyOrder("id", "name");
  }

  @Test
  void theTutorialTargetHasNoProblems() {
    Value spec = prepared(kind, "lake", TARGET);
    assertThat(at(spec, "/name")).isEqualTo(Values.str("lake"));
    assertThat(at(spec, "/connectionSpec/id"))
        .isEqualTo(Values.str("c604ff05-7f1a-43c0-8e18-33bf874cb11c"));
    assertThat(at(spec, "/connectionSpec/version")).isEqualTo(Values.str("1.0"));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void theDatasetIdIsRequired() {
    assertThat(
            problems(
                kind,
                prepared(kind, "t", TARGET.replace("  dataSetId: 65f0c0ffee\n", "  other: x\n"))))
        .containsExactly("/params/dataSetId: missing required field spec.params.dataSetId");
  }

  @Test
  void requiredFieldsAreReportedWithTheirPointers() {
    assertThat(problems(kind, prepared(kind, "t", "description: x\n")))
        .containsExactly(
            "/connectionSpec: missing required field spec.connectionSpec",
            "/data: missing required field spec.data",
            "/params: missing required field spec.params");
  }

  @Test
  void theDatasetIdMayBeUnknownUntilApply() {
    Value spec =
        kind.normalize(
            Values.with(
                kind.prepare("t", spec(TARGET)),
                "/params/dataSetId",
                unknown("dataset", "leads", "id")));
    assertThat(problems(kind, spec)).isEmpty();
    assertThat(at(spec, "/params/dataSetId")).isInstanceOf(Value.Unknown.class);
  }

  @Test
  void aNumericDatasetIdIsSentAsText() {
    assertThat(at(prepared(kind, "t", TARGET.replace("65f0c0ffee", "12345")), "/params/dataSetId"))
        .isEqualTo(Values.str("12345"));
  }
}
