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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlowKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("flow");

  private static final String FLOW =
      """
      flowSpec:
        id: cloud-storage
        version: 1
      sourceConnectionIds:
        - src-1
      targetConnectionIds:
        - tgt-1
      scheduleParams:
        frequency: minute
        interval: 1000
        startTime: "1700000000"
        backfill: "true"
      """;

  private Value flow(String yaml) {
    return prepared(kind, "ingest", yaml);
  }

  private Value withSchedule(String schedule) {
    return flow(FLOW.substring(0, FLOW.indexOf("scheduleParams:")) + schedule);
  }

  @Test
  void describesTheKind() {
    assertThat(kind).isInstanceOf(FlowKind.class);
    assertThat(kind.kind()).isEqualTo("flow");
    assertThat(kind.nameField()).isEqualTo("name");
    assertThat(kind.attributes()).containsExactlyInAnyOrder("id", "name");
  }

  @Test
  void theFlowSpecAliasIsExpandedAndItsVersionSentAsAString() {
    Value spec = flow(FLOW);
    assertThat(at(spec, "/flowSpec/id"))
        .isEqualTo(Values.str("9753525b-82c7-4dce-8a9b-5ccfce2b9876"));
    assertThat(at(spec, "/flowSpec/version")).isEqualTo(Values.str("1.0"));
    assertThat(at(spec, "/name")).isEqualTo(Values.str("ingest"));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void theVersionDefaultsTo1Point0() {
    assertThat(at(flow(FLOW.replace("  version: 1\n", "")), "/flowSpec/version"))
        .isEqualTo(Values.str("1.0"));
  }

  @Test
  void scheduleValuesAreSentAsTheApiDeclaresThem() {
    Value spec = flow(FLOW);
    assertThat(at(spec, "/scheduleParams/interval")).isEqualTo(Values.str("1000"));
    assertThat(at(spec, "/scheduleParams/startTime")).isEqualTo(Value.Num.of(1_700_000_000L));
    assertThat(at(spec, "/scheduleParams/backfill")).isEqualTo(new Value.Bool(true));
  }

  @Test
  void startTimeGivenAsTextBecomesANumber() {
    Value spec =
        withSchedule("scheduleParams:\n  frequency: hour\n  interval: 1\n  startTime: \"123\"\n");
    assertThat(at(spec, "/scheduleParams/startTime")).isEqualTo(Value.Num.of(123));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void startTimeThatIsNotANumberIsReported() {
    Value spec =
        withSchedule("scheduleParams:\n  frequency: hour\n  interval: 1\n  startTime: tomorrow\n");
    assertThat(problems(kind, spec))
        .containsExactly(
            "/scheduleParams/startTime: spec.scheduleParams.startTime must be an integer");
  }

  @Test
  void connectionIdsAreSentAsStrings() {
    Value spec = flow(FLOW.replace("- src-1", "- 42"));
    assertThat(at(spec, "/sourceConnectionIds"))
        .isEqualTo(new Value.Arr(List.of(Values.str("42"))));
  }

  @Test
  void normalisingTwiceGivesTheSameSpec() {
    Value once = flow(FLOW);
    assertThat(kind.normalize(once)).isEqualTo(once);
  }

  @Test
  void requiredFieldsAreReportedWithTheirPointers() {
    assertThat(problems(kind, flow("description: x\n")))
        .containsExactly(
            "/flowSpec: missing required field spec.flowSpec",
            "/sourceConnectionIds: missing required field spec.sourceConnectionIds",
            "/targetConnectionIds: missing required field spec.targetConnectionIds",
            "/scheduleParams: missing required field spec.scheduleParams");
  }

  @Test
  void connectionIdListsMayNotBeEmpty() {
    Value spec =
        flow(FLOW.replace("sourceConnectionIds:\n  - src-1\n", "sourceConnectionIds: []\n"));
    assertThat(problems(kind, spec))
        .containsExactly("/sourceConnectionIds: spec.sourceConnectionIds needs at least one id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"15", "30", "1000"})
  void minuteIntervalsOfAtLeast15AreFine(String interval) {
    assertThat(
            problems(
                kind,
                withSchedule(
                    "scheduleParams:\n  frequency: minute\n  interval: " + interval + "\n")))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"14", "1", "0", "'-5'", "'15.5'", "'often'", "true"})
  void minuteIntervalsUnder15OrNotWholeNumbersAreRefused(String interval) {
    assertThat(
            problems(
                kind,
                withSchedule(
                    "scheduleParams:\n  frequency: minute\n  interval: " + interval + "\n")))
        .containsExactly(
            "/scheduleParams/interval: spec.scheduleParams.interval must be a whole number of at"
                + " least 15 for frequency minute");
  }

  @ParameterizedTest
  @CsvSource({"hour, 1", "day, 1", "week, 2"})
  void otherFrequenciesTakeAnyPositiveInterval(String frequency, String interval) {
    assertThat(
            problems(
                kind,
                withSchedule(
                    "scheduleParams:\n  frequency: "
                        + frequency
                        + "\n  interval: "
                        + interval
                        + "\n")))
        .isEmpty();
  }

  @Test
  void aZeroHourIntervalIsRefused() {
    assertThat(problems(kind, withSchedule("scheduleParams:\n  frequency: hour\n  interval: 0\n")))
        .containsExactly(
            "/scheduleParams/interval: spec.scheduleParams.interval must be a whole number of at"
                + " least 1 for frequency hour");
  }

  @Test
  void aRepeatingFlowNeedsAnInterval() {
    assertThat(problems(kind, withSchedule("scheduleParams:\n  frequency: day\n")))
        .containsExactly("/scheduleParams: missing required field spec.scheduleParams.interval");
  }

  @Test
  void aFlowRunOnceTakesNoInterval() {
    assertThat(problems(kind, withSchedule("scheduleParams:\n  frequency: once\n"))).isEmpty();
    assertThat(problems(kind, withSchedule("scheduleParams:\n  frequency: once\n  interval: 15\n")))
        .containsExactly("/scheduleParams/interval: a flow run once takes no interval");
  }

  @Test
  void anUnknownFrequencyIsRefusedWithTheAllowedValues() {
    assertThat(
            problems(kind, withSchedule("scheduleParams:\n  frequency: monthly\n  interval: 1\n")))
        .containsExactly(
            "/scheduleParams/frequency: spec.scheduleParams.frequency must be one of [day, hour,"
                + " minute, once, week], not \"monthly\"");
  }

  @Test
  void theStateIsEnabledOrDisabled() {
    assertThat(problems(kind, flow(FLOW + "state: disabled\n"))).isEmpty();
    assertThat(problems(kind, flow(FLOW + "state: paused\n")))
        .containsExactly("/state: spec.state must be one of [disabled, enabled], not \"paused\"");
  }

  @Test
  void unknownValuesAreNotChecked() {
    Value spec = flow(FLOW);
    spec = Values.with(spec, "/scheduleParams/interval", unknown("dataset", "x", "name"));
    spec = Values.with(spec, "/scheduleParams/frequency", unknown("dataset", "y", "name"));
    spec =
        Values.with(
            spec,
            "/sourceConnectionIds",
            new Value.Arr(List.of(unknown("sourceConnection", "s", "id"))));
    spec = kind.normalize(spec);
    assertThat(problems(kind, spec)).isEmpty();
    assertThat(at(spec, "/scheduleParams/interval")).isInstanceOf(Value.Unknown.class);
  }

  @Test
  void aSensitiveIntervalIsStillChecked() {
    Value spec =
        kind.normalize(
            Values.with(
                flow(FLOW), "/scheduleParams/interval", new Value.Sensitive(Value.Num.of(5))));
    assertThat(at(spec, "/scheduleParams/interval"))
        .isEqualTo(new Value.Sensitive(Values.str("5")));
    assertThat(problems(kind, spec))
        .containsExactly(
            "/scheduleParams/interval: spec.scheduleParams.interval must be a whole number of at"
                + " least 15 for frequency minute");
  }

  /** update-dataflows.md: a start time that has passed cannot change; the plan says so. */
  @Test
  void aStartTimeThatHasPassedCannotChange() {
    Clock at = Clock.fixed(Instant.ofEpochSecond(2_000_000_000L), ZoneOffset.UTC);
    Kind flow = Kinds.all(at).get("flow");
    Value started =
        spec("scheduleParams: {frequency: hour, interval: '1', startTime: 1999999000}\n");
    Value later = spec("scheduleParams: {frequency: hour, interval: '1', startTime: 2000003600}\n");
    assertThat(flow.refuseUpdate(started, later, List.of("/scheduleParams/startTime")))
        .hasValueSatisfying(
            why -> assertThat(why).contains("spec.scheduleParams.startTime cannot change"));
    Value future =
        spec("scheduleParams: {frequency: hour, interval: '1', startTime: 2000000500}\n");
    assertThat(flow.refuseUpdate(future, later, List.of("/scheduleParams/startTime"))).isEmpty();
    assertThat(flow.refuseUpdate(started, later, List.of("/name"))).isEmpty();
  }

  /** A flow declared disabled is created enabled: the plan warns unless it starts later. */
  @Test
  void creatingADisabledFlowThatMayRunFirstIsAWarningNamingAFutureStartTime() {
    Clock at = Clock.fixed(Instant.ofEpochSecond(2_000_000_000L), ZoneOffset.UTC);
    Kind flow = Kinds.all(at).get("flow");
    String warning =
        "is declared state: disabled, but AEP creates a flow enabled (the create call takes no"
            + " state) and aepform disables it right after: with no scheduleParams.startTime in"
            + " the future, its first run may start before that and ingest. Set"
            + " scheduleParams.startTime to a future time (epoch seconds) so it does not run"
            + " before you enable it";
    Value noStart = spec("state: disabled\nscheduleParams: {frequency: hour, interval: '1'}\n");
    Value past =
        spec("state: disabled\nscheduleParams: {frequency: hour, startTime: 1999999000}\n");
    Value future =
        spec("state: disabled\nscheduleParams: {frequency: hour, startTime: 2000000500}\n");
    Value enabled = spec("scheduleParams: {frequency: hour, interval: '1'}\n");
    Optional<Value> none = Optional.empty();
    assertThat(flow.sideEffects(none, Optional.of(noStart), List::of)).containsExactly(warning);
    assertThat(flow.sideEffects(none, Optional.of(past), List::of)).containsExactly(warning);
    assertThat(flow.sideEffects(none, Optional.of(future), List::of)).isEmpty();
    assertThat(flow.sideEffects(none, Optional.of(enabled), List::of)).isEmpty();
    // an update is an action call on the existing flow: no run starts
    assertThat(flow.sideEffects(Optional.of(enabled), Optional.of(noStart), List::of)).isEmpty();
    // a replacement is a create too
    assertThat(flow.replaceWarnings(past)).contains(warning);
    assertThat(flow.replaceWarnings(future)).doesNotContain(warning);
  }
}
