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

class SourceConnectionKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("sourceConnection");

  private static final String SOURCE =
      """
      baseConnectionId: 0a1b2c3d
      connectionSpec:
        id: amazon-s3
      data:
        format: delimited
      params:
        path: partners-demo/leads.csv
      """;

  @Test
  void describesTheKind() {
    assertThat(kind).isInstanceOf(SourceConnectionKind.class);
    assertThat(kind.kind()).isEqualTo("sourceConnection");
    assertThat(kind.nameField()).isEqualTo("name");
    assertThat(kind.attributes()).containsExactlyInAnyOrder("id", "name");
  }

  @Test
  void theTutorialSourceHasNoProblems() {
    Value spec = prepared(kind, "leads_csv", SOURCE);
    assertThat(at(spec, "/name")).isEqualTo(Values.str("leads_csv"));
    assertThat(at(spec, "/connectionSpec/id"))
        .isEqualTo(Values.str("ecadc60c-7455-4d87-84dc-2a0e293d997b"));
    assertThat(at(spec, "/connectionSpec/version")).isEqualTo(Values.str("1.0"));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void requiredFieldsAreReportedWithTheirPointers() {
    assertThat(problems(kind, prepared(kind, "s", "params:\n  path: x\n")))
        .containsExactly(
            "/baseConnectionId: missing required field spec.baseConnectionId",
            "/connectionSpec: missing required field spec.connectionSpec",
            "/data: missing required field spec.data");
  }

  @Test
  void theBaseConnectionIdMayBeUnknownUntilApply() {
    Value spec =
        kind.normalize(
            Values.with(
                kind.prepare("s", spec(SOURCE)),
                "/baseConnectionId",
                unknown("connection", "s3", "id")));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void paramsAreNotSecret() {
    assertThat(Values.containsSensitive(prepared(kind, "s", SOURCE))).isFalse();
  }

  @Test
  void aNumericPathIsSentAsText() {
    assertThat(
            at(
                prepared(kind, "s", SOURCE.replace("partners-demo/leads.csv", "2024")),
                "/params/path"))
        .isEqualTo(Values.str("2024"));
  }
}
