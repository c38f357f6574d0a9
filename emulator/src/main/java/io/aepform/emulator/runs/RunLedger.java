package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A flow's history as far as its runs are concerned: the stretches of time it was enabled, each
 * with its schedule and run settings. Runs are computed from it and the clock when read, so nothing
 * runs in the background and a fixed clock gives the same runs every time.
 */
record RunLedger(String flowId, String salt, List<Segment> segments) {
  RunLedger {
    segments = List.copyOf(segments);
  }

  /**
   * {@code salt} (the flow's name when its runs began) and the seed decide run outcomes, so the
   * same calls with the same seed and clock give the same outcomes, whatever the random flow ids.
   */
  static RunLedger empty(String flowId, String salt) {
    return new RunLedger(flowId, salt, List.of());
  }

  Optional<Segment> openSegment() {
    return segments.isEmpty() || !last().open() ? Optional.empty() : Optional.of(last());
  }

  /** Starts a stretch at {@code at} (after any earlier one), with a run at {@code first}. */
  RunLedger opened(long at, long first, Schedule schedule, RunSettings settings) {
    long from = segments.isEmpty() ? at : Math.max(at, last().to());
    long firstRun = first == Segment.NONE ? first : Math.max(first, from);
    return with(new Segment(from, Segment.OPEN, firstRun, schedule, settings));
  }

  /** Ends the open stretch; runs that start before {@code end} belong to it. */
  RunLedger closed(long end) {
    if (openSegment().isEmpty()) {
      return this;
    }
    List<Segment> s = new ArrayList<>(segments);
    s.set(s.size() - 1, last().closedAt(end));
    return new RunLedger(flowId, salt, s);
  }

  /** The open stretch with other settings from {@code at}: earlier runs keep the old ones. */
  RunLedger settingsChanged(long at, RunSettings settings) {
    Segment open = openSegment().orElseThrow();
    if (open.settings().equals(settings)) {
      return this;
    }
    if (at <= open.from()) {
      List<Segment> s = new ArrayList<>(segments);
      s.set(s.size() - 1, open.withSettings(settings));
      return new RunLedger(flowId, salt, s);
    }
    return closed(at).opened(at, Segment.NONE, open.schedule(), settings);
  }

  /** All run times up to {@code now}, ascending, each with the stretch it belongs to. */
  List<RunRef> runs(long now) {
    List<RunRef> out = new ArrayList<>();
    long previous = Segment.NONE;
    for (Segment s : segments) {
      for (long t : s.times(now)) {
        out.add(new RunRef(flowId, t, previous, s, salt + "#" + out.size()));
        previous = t;
      }
    }
    return out;
  }

  private Segment last() {
    return segments.get(segments.size() - 1);
  }

  private RunLedger with(Segment s) {
    List<Segment> all = new ArrayList<>(segments);
    all.add(s);
    return new RunLedger(flowId, salt, all);
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object().put("flowId", flowId).put("salt", salt);
    ArrayNode a = o.putArray("segments");
    segments.forEach(s -> a.add(s.toJson()));
    return o;
  }

  static RunLedger fromJson(JsonNode n) {
    List<Segment> s = new ArrayList<>();
    n.path("segments").forEach(j -> s.add(Segment.fromJson(j)));
    return new RunLedger(n.path("flowId").asText(), n.path("salt").asText(), s);
  }
}
