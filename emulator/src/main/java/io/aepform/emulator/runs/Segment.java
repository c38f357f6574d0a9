package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of time [from, to) in which a flow was enabled with one schedule and one set of run
 * settings. Its runs are the schedule's times inside it, plus {@code first}: the run that starts
 * when a flow is created or re-enabled.
 *
 * @param from first millisecond (inclusive)
 * @param to end (exclusive); {@link #OPEN} while the stretch lasts
 * @param first a run time outside the schedule's grid, or {@link #NONE}
 */
record Segment(long from, long to, long first, Schedule schedule, RunSettings settings) {
  static final long OPEN = Long.MAX_VALUE;
  static final long NONE = -1;

  boolean open() {
    return to == OPEN;
  }

  Segment closedAt(long end) {
    return new Segment(from, Math.max(from, end), first, schedule, settings);
  }

  Segment withSettings(RunSettings s) {
    return new Segment(from, to, first, schedule, s);
  }

  /** Run times up to {@code now} (inclusive), ascending. */
  List<Long> times(long now) {
    long end = Math.min(to, now == Long.MAX_VALUE ? now : now + 1);
    List<Long> out = new ArrayList<>();
    long tick = schedule.firstTickFrom(from);
    boolean firstDue = first != NONE && first >= from && first < end;
    while (tick < end || firstDue) {
      if (firstDue && (tick >= end || first <= tick)) {
        out.add(first);
        tick = first == tick ? next(tick) : tick;
        firstDue = false;
      } else {
        out.add(tick);
        tick = next(tick);
      }
    }
    return out;
  }

  private long next(long tick) {
    return schedule.once() ? Long.MAX_VALUE : tick + schedule.periodMillis();
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object().put("from", from);
    if (!open()) {
      o.put("to", to);
    }
    if (first != NONE) {
      o.put("first", first);
    }
    o.set("schedule", schedule.toJson());
    o.set("settings", settings.toJson());
    return o;
  }

  static Segment fromJson(JsonNode n) {
    return new Segment(
        n.path("from").asLong(),
        n.has("to") ? n.get("to").asLong() : OPEN,
        n.has("first") ? n.get("first").asLong() : NONE,
        Schedule.fromJson(n.path("schedule")),
        RunSettings.fromJson(n.path("settings")));
  }
}
