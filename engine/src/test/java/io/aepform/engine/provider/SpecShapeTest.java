package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.spec;
import static io.aepform.engine.provider.SpecTestSupport.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.manifest.ResourceKind.SpecProblem;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import org.junit.jupiter.api.Test;

class SpecShapeTest {
  private static final SpecShape SHAPE =
      SpecShape.builder()
          .required("/name", JsonType.STRING)
          .required("/schedule/interval", JsonType.STRING)
          .optional("/schedule/startTime", JsonType.INTEGER)
          .optional("/enabled", JsonType.BOOLEAN)
          .build();

  @Test
  void normaliseConvertsDeclaredFieldsAndLeavesTheRest() {
    Value out =
        SHAPE.normalize(
            spec(
                "name: 12\nschedule:\n  interval: 1000\n  startTime: \"123\"\n"
                    + "enabled: \"true\"\nextra: 5\n"));
    assertThat(at(out, "/name")).isEqualTo(Values.str("12"));
    assertThat(at(out, "/schedule/interval")).isEqualTo(Values.str("1000"));
    assertThat(at(out, "/schedule/startTime")).isEqualTo(Value.Num.of(123));
    assertThat(at(out, "/enabled")).isEqualTo(new Value.Bool(true));
    assertThat(at(out, "/extra")).isEqualTo(Value.Num.of(5));
  }

  @Test
  void normaliseIsIdempotent() {
    Value once = SHAPE.normalize(spec("name: 12\nschedule:\n  interval: 15\n"));
    assertThat(SHAPE.normalize(once)).isEqualTo(once);
  }

  @Test
  void normaliseKeepsSecretsSecret() {
    Value in =
        new Value.Obj(
            java.util.Map.of(
                "name",
                Values.str("x"),
                "schedule",
                new Value.Obj(
                    java.util.Map.of("interval", new Value.Sensitive(Value.Num.of(15))))));
    assertThat(at(SHAPE.normalize(in), "/schedule/interval"))
        .isEqualTo(new Value.Sensitive(Values.str("15")));
  }

  @Test
  void normaliseLeavesUnknownsAlone() {
    Value in =
        new Value.Obj(
            java.util.Map.of(
                "name",
                unknown("dataset", "d", "name"),
                "schedule",
                new Value.Obj(java.util.Map.of("interval", Value.Num.of(15)))));
    Value out = SHAPE.normalize(in);
    assertThat(at(out, "/name")).isEqualTo(unknown("dataset", "d", "name"));
    assertThat(at(out, "/schedule/interval")).isEqualTo(Values.str("15"));
  }

  @Test
  void missingRequiredFieldsAreReportedAtTheirPointer() {
    assertThat(SHAPE.check(spec("other: 1\n")))
        .containsExactly(
            new SpecProblem("/name", "missing required field spec.name"),
            new SpecProblem("/schedule/interval", "missing required field spec.schedule.interval"));
  }

  @Test
  void anExplicitNullIsMissing() {
    assertThat(SHAPE.check(spec("name: null\nschedule:\n  interval: '1'\n")))
        .containsExactly(new SpecProblem("/name", "missing required field spec.name"));
  }

  @Test
  void knownValuesOfTheWrongTypeAreReported() {
    assertThat(
            SHAPE.check(
                spec("name: [a]\nschedule:\n  interval: '1'\n  startTime: soon\nenabled: maybe\n")))
        .containsExactly(
            new SpecProblem("/name", "spec.name must be a string"),
            new SpecProblem("/schedule/startTime", "spec.schedule.startTime must be an integer"),
            new SpecProblem("/enabled", "spec.enabled must be true or false"));
  }

  @Test
  void unknownAndSensitiveValuesAreCheckedOnlyWhenKnown() {
    Value in =
        new Value.Obj(
            java.util.Map.of(
                "name",
                unknown("dataset", "d", "name"),
                "schedule",
                new Value.Obj(
                    java.util.Map.of(
                        "interval", new Value.Sensitive(Values.str("15")),
                        "startTime", new Value.Sensitive(Values.str("soon"))))));
    assertThat(SHAPE.check(in))
        .containsExactly(
            new SpecProblem("/schedule/startTime", "spec.schedule.startTime must be an integer"));
  }

  @Test
  void fieldNamesAreWrittenAsUsersWriteThem() {
    assertThat(SpecShape.field("/scheduleParams/interval"))
        .isEqualTo("spec.scheduleParams.interval");
  }
}
