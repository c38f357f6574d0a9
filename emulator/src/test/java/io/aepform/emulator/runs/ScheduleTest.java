package io.aepform.emulator.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.emulator.http.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A flow's scheduleParams as times, whether stored as the spec types them or as strings. */
class ScheduleTest {
  private static JsonNode flow(String scheduleParams) {
    return Json.parse(
        ("{\"scheduleParams\":" + scheduleParams + "}").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsDeclaredTypesAndTheStringsAnswersCarry() {
    Schedule typed =
        Schedule.of(flow("{\"startTime\":100,\"frequency\":\"hour\",\"interval\":\"2\"}"));
    Schedule strings =
        Schedule.of(
            flow(
                "{\"startTime\":\"100\",\"frequency\":\"hour\",\"interval\":\"2\",\"backfill\":\"true\"}"));
    assertThat(typed).isEqualTo(strings).isEqualTo(new Schedule(100_000, 7_200_000, true));
  }

  @Test
  void backfillDefaultsToTrueAndOnceHasNoPeriod() {
    Schedule once = Schedule.of(flow("{\"startTime\":5,\"frequency\":\"once\"}"));
    assertThat(once.once()).isTrue();
    assertThat(once.backfill()).isTrue();
    assertThat(once.firstTickFrom(5_000)).isEqualTo(5_000);
    assertThat(once.firstTickFrom(5_001)).isEqualTo(Long.MAX_VALUE);
    Schedule noBackfill =
        Schedule.of(
            flow("{\"startTime\":0,\"frequency\":\"week\",\"interval\":\"1\",\"backfill\":false}"));
    assertThat(noBackfill.backfill()).isFalse();
    assertThat(noBackfill.firstTickFrom(1)).isEqualTo(604_800_000L);
  }
}
