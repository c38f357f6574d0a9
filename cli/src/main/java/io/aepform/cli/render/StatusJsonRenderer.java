package io.aepform.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.Version;
import io.aepform.engine.monitor.FlowStatus;
import io.aepform.engine.monitor.StatusResult;
import io.aepform.engine.runs.Counts;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunError;
import io.aepform.engine.runs.RunStatus;
import io.aepform.engine.runs.Schedule;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The machine format of {@code status} (documented in docs/plan-json.md): every key is always
 * there, {@code null} when the platform does not say.
 */
public final class StatusJsonRenderer {
  /** Bumped on incompatible changes of the format. */
  public static final String FORMAT_VERSION = "1.0";

  private StatusJsonRenderer() {}

  public static String render(StatusResult result) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("aepform_version", Version.current());
    root.put("environment", result.environment());
    root.put("checked_at", RunText.time(result.at()));
    ArrayNode flows = root.putArray("flows");
    result.flows().forEach(f -> flows.add(flow(f)));
    ObjectNode summary = root.putObject("summary");
    summary.put("flows", result.flows().size());
    for (FlowStatus.State s : FlowStatus.State.values()) {
      summary.put(s.name().toLowerCase(Locale.ROOT), result.count(s));
    }
    for (RunStatus s :
        new RunStatus[] {
          RunStatus.SUCCESS, RunStatus.PARTIAL_FAILURE, RunStatus.FAILED, RunStatus.IN_PROGRESS
        }) {
      summary.put("latest_" + s.jsonName(), result.latest(s));
    }
    summary.put("never_run", result.neverRun());
    summary.put("latest_failed_or_partly", result.latestFailedOrPartly());
    return Json.pretty(root);
  }

  private static ObjectNode flow(FlowStatus f) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("address", f.address().toString());
    n.put("id", f.id());
    n.put("name", f.name());
    n.put("state", f.state().name().toLowerCase(Locale.ROOT));
    if (f.schedule().isPresent()) {
      n.set("schedule", schedule(f.schedule().get()));
    } else {
      n.putNull("schedule");
    }
    time(n, "next_run", f.nextRun());
    ArrayNode runs = n.putArray("runs");
    f.runs().forEach(r -> runs.add(run(r)));
    return n;
  }

  private static ObjectNode schedule(Schedule s) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("frequency", s.frequency());
    if (s.period().isPresent()) {
      n.put("interval", s.interval());
    } else {
      n.putNull("interval");
    }
    n.put("start_time", RunText.time(s.start()));
    n.put("backfill", s.backfill());
    return n;
  }

  private static ObjectNode run(Run r) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("id", r.id());
    n.put("status", r.status().jsonName());
    n.put("platform_status", r.platformStatus());
    time(n, "started_at", r.started());
    time(n, "ended_at", r.ended());
    if (r.duration().isPresent()) {
      n.put("duration_ms", r.duration().get().toMillis());
    } else {
      n.putNull("duration_ms");
    }
    n.set("records", counts(r.records()));
    n.set("files", counts(r.files()));
    ArrayNode errors = n.putArray("errors");
    r.errors().forEach(e -> errors.add(error(e)));
    return n;
  }

  private static ObjectNode error(RunError e) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("code", e.code());
    n.put("message", e.message());
    if (e.activity().isEmpty()) {
      n.putNull("activity");
    } else {
      n.put("activity", e.activity());
    }
    count(n, "records", e.records());
    n.put("explanation", e.explanation());
    return n;
  }

  private static ObjectNode counts(Counts c) {
    ObjectNode n = Json.NODES.objectNode();
    count(n, "read", c.read());
    count(n, "written", c.written());
    count(n, "failed", c.failed());
    return n;
  }

  private static void count(ObjectNode n, String key, OptionalLong v) {
    if (v.isPresent()) {
      n.put(key, v.getAsLong());
    } else {
      n.putNull(key);
    }
  }

  private static void time(ObjectNode n, String key, Optional<Instant> t) {
    if (t.isPresent()) {
      n.put(key, RunText.time(t.get()));
    } else {
      n.putNull(key);
    }
  }
}
