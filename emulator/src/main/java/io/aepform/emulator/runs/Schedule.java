package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Json;
import java.util.Map;

/**
 * A flow's {@code scheduleParams} as times: runs fall on {@code startTime + k * interval}.
 *
 * <p>help/sources/tutorials/api/collect/crm.md: startTime "Determines when the dataflow will begin
 * its first run"; "an interval of 15 with frequency minute means the dataflow runs every 15
 * minutes"; {@code once} takes no interval. Calendar units are fixed lengths in UTC.
 *
 * @param startMillis {@code startTime} (epoch seconds) in milliseconds
 * @param periodMillis the interval in milliseconds; 0 for {@code once}
 * @param backfill whether the first run also ingests data from before {@code startTime} (default
 *     true, as the cloud storage flow spec's scheduleSpec declares)
 */
record Schedule(long startMillis, long periodMillis, boolean backfill) {
  private static final Map<String, Long> UNIT_MILLIS =
      Map.of("minute", 60_000L, "hour", 3_600_000L, "day", 86_400_000L, "week", 604_800_000L);

  /**
   * Reads a stored flow. Values are read leniently (strings or numbers) because the flow was
   * validated when it was written.
   */
  static Schedule of(JsonNode flow) {
    JsonNode s = flow.path("scheduleParams");
    long start = Long.parseLong(s.path("startTime").asText("0").trim()) * 1000;
    Long unit = UNIT_MILLIS.get(s.path("frequency").asText());
    long period = unit == null ? 0 : unit * Long.parseLong(s.path("interval").asText("1").trim());
    boolean backfill = !s.path("backfill").asText("true").equals("false");
    return new Schedule(start, period, backfill);
  }

  boolean once() {
    return periodMillis == 0;
  }

  /** The first scheduled time at or after {@code t}, or {@code Long.MAX_VALUE} if there is none. */
  long firstTickFrom(long t) {
    if (t <= startMillis) {
      return startMillis;
    }
    if (once()) {
      return Long.MAX_VALUE;
    }
    long k = (t - startMillis + periodMillis - 1) / periodMillis;
    return startMillis + k * periodMillis;
  }

  ObjectNode toJson() {
    return Json.object()
        .put("startMillis", startMillis)
        .put("periodMillis", periodMillis)
        .put("backfill", backfill);
  }

  static Schedule fromJson(JsonNode n) {
    return new Schedule(
        n.path("startMillis").asLong(),
        n.path("periodMillis").asLong(),
        n.path("backfill").asBoolean(true));
  }
}
