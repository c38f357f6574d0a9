package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The metrics and activities of a completed run. A run copies the files ({@code copyActivity}) then
 * promotes them to the dataset as a batch ({@code promotionActivity}), each taking half the run, as
 * help/dataflows/api/monitor.md shows. Failures follow help/sources/notifications.md. Batch links
 * are relative to the emulator (the pages show platform.adobe.io).
 */
final class RunActivities {
  static final String COPY_ERROR = "CONNECTOR-1001-500";
  static final String PROCESSING_ERROR = "CONNECTOR-2001-500";
  private static final String COPY_MESSAGE = "Error in copying the data from Source.";
  private static final String PROCESSING_MESSAGE =
      "Error in processing (parsing, validation or transformation) the copied data.";
  private static final String PROMOTION_MESSAGE = "Error occurred at promotion activity.";

  private final RunRef ref;
  private final JsonNode flow;
  private final Intake in;
  private final RunOutcome outcome;
  private final String batch;
  private final long failedRecords;

  RunActivities(RunRef ref, JsonNode flow, Intake in, RunOutcome outcome, String batch) {
    this.ref = ref;
    this.flow = flow;
    this.in = in;
    this.outcome = outcome;
    this.batch = batch;
    // monitor.md's partial run: 1 of 100 records failed.
    this.failedRecords =
        outcome == RunOutcome.PARTIAL_FAILURE ? Math.max(1, in.records() / 100) : 0;
  }

  /** Success or partial failure: output = input - failed, for records and files. */
  ObjectNode metrics() {
    ObjectNode m = Json.object();
    m.set("durationSummary", duration(ref.at(), ref.completesAt()));
    m.set("sizeSummary", size(in.bytes(), outputBytes()));
    m.set("recordSummary", records());
    ObjectNode files = files(in.files(), in.files()).put("failedFileCount", 0);
    files.putArray("activityRefs").add("promotionActivity");
    m.set("fileSummary", files);
    ObjectNode status = m.putObject("statusSummary").put("status", "success");
    if (outcome == RunOutcome.PARTIAL_FAILURE) {
      status.set("errors", errors(PROCESSING_ERROR, PROMOTION_MESSAGE));
      status.putArray("activityRefs").add("promotionActivity");
    }
    return m;
  }

  /** notifications.md's failed run: no completion time, unknown (-1) input, the error. */
  ObjectNode failedMetrics() {
    ObjectNode m = Json.object();
    m.putObject("durationSummary").put("startedAtUTC", ref.at());
    m.putObject("sizeSummary").put("inputBytes", -1);
    m.putObject("fileSummary").put("inputFileCount", -1);
    m.putObject("statusSummary").put("status", "failed").set("errors", failure());
    return m;
  }

  ArrayNode activities() {
    ArrayNode a = Json.array();
    if (outcome == RunOutcome.COPY_FAILURE) {
      a.add(copy());
    } else if (outcome == RunOutcome.PROCESSING_FAILURE) {
      a.add(promotion());
    } else {
      a.add(copy()).add(promotion());
    }
    return a;
  }

  private ObjectNode copy() {
    // A failed copy is the run's last activity: it ends when the run does.
    long end = outcome == RunOutcome.COPY_FAILURE ? ref.completesAt() : middle();
    ObjectNode c = Json.object().put("id", "copyActivity").put("updatedAtUTC", end);
    ObjectNode d = duration(ref.at(), end);
    d.putObject("extensions").put("windowStart", windowStart()).put("windowEnd", ref.at());
    c.set("durationSummary", d);
    boolean failed = outcome == RunOutcome.COPY_FAILURE;
    c.set(
        "sizeSummary", failed ? Json.object().put("inputBytes", -1) : size(in.bytes(), in.bytes()));
    c.putObject("recordSummary");
    c.set(
        "fileSummary",
        failed ? Json.object().put("inputFileCount", -1) : files(in.files(), in.files()));
    ObjectNode status = c.putObject("statusSummary").put("status", failed ? "failed" : "success");
    if (failed) {
      status.set("errors", failure());
    }
    status.putObject("extensions").put("type", "one-time");
    ObjectNode source = c.putArray("sourceInfo").addObject();
    source
        .put("id", flow.path("sourceConnectionIds").path(0).asText())
        .put("type", "SourceConnection");
    source.putObject("reference").put("type", "AdfRunId").putArray("ids").add(copyRunId());
    return c;
  }

  private ObjectNode promotion() {
    boolean failed = outcome == RunOutcome.PROCESSING_FAILURE;
    long start = failed ? ref.at() : middle();
    ObjectNode p =
        Json.object().put("id", "promotionActivity").put("updatedAtUTC", ref.completesAt());
    p.set("durationSummary", duration(start, ref.completesAt()));
    p.set(
        "sizeSummary",
        failed ? Json.object().put("inputBytes", -1) : size(in.bytes(), outputBytes()));
    p.set("recordSummary", failed ? Json.object() : records());
    ObjectNode files =
        failed ? Json.object().put("inputFileCount", -1) : files(in.files(), in.files());
    files.putObject("extensions").putObject("manifest").put("fileInfo", batchMeta("input_files"));
    p.set("fileSummary", files);
    p.set("statusSummary", promotionStatus(failed));
    ObjectNode target = p.putArray("targetInfo").addObject();
    target
        .put("id", flow.path("targetConnectionIds").path(0).asText())
        .put("type", "TargetConnection");
    target.putObject("reference").put("type", "Batch").putArray("ids").add(batch);
    return p;
  }

  private ObjectNode promotionStatus(boolean failed) {
    ObjectNode s = Json.object().put("status", failed ? "failed" : "success");
    if (failed) {
      s.set("errors", failure());
    } else if (outcome == RunOutcome.PARTIAL_FAILURE) {
      s.set("errors", errors(PROCESSING_ERROR, PROMOTION_MESSAGE));
      ObjectNode ext = s.putObject("extensions");
      ext.putObject("manifest")
          .put("failedRecords", batchMeta("row_errors"))
          .put("sampleErrors", batchMeta("row_error_samples.json"));
      ArrayNode e = ext.putArray("errors");
      e.addObject()
          .put("code", "INGEST-1212-400")
          .put(
              "message",
              "Encountered "
                  + failedRecords
                  + " errors in the data. Successfully ingested "
                  + (in.records() - failedRecords)
                  + " rows. Review the associated diagnostic files for additional details.");
      e.addObject()
          .put("code", "MAPPER-3700-400")
          .put("recordCount", failedRecords)
          .put("message", "Mapper Transform Error");
    }
    return s;
  }

  private ArrayNode failure() {
    return outcome == RunOutcome.COPY_FAILURE
        ? errors(COPY_ERROR, COPY_MESSAGE)
        : errors(PROCESSING_ERROR, PROCESSING_MESSAGE);
  }

  private static ArrayNode errors(String code, String message) {
    ArrayNode a = Json.array();
    a.addObject().put("code", code).put("message", message);
    return a;
  }

  private ObjectNode records() {
    return Json.object()
        .put("inputRecordCount", in.records())
        .put("outputRecordCount", in.records() - failedRecords)
        .put("failedRecordCount", failedRecords);
  }

  private long outputBytes() {
    return in.records() == 0 ? 0 : in.bytes() * (in.records() - failedRecords) / in.records();
  }

  private static ObjectNode duration(long start, long end) {
    return Json.object().put("startedAtUTC", start).put("completedAtUTC", end);
  }

  private static ObjectNode size(long input, long output) {
    return Json.object().put("inputBytes", input).put("outputBytes", output);
  }

  private static ObjectNode files(long input, long output) {
    return Json.object().put("inputFileCount", input).put("outputFileCount", output);
  }

  private long middle() {
    return ref.at() + (ref.completesAt() - ref.at()) / 2;
  }

  /** The files a run looks at changed after the previous run (or, first, since startTime). */
  private long windowStart() {
    if (ref.previousAt() != Segment.NONE) {
      return ref.previousAt();
    }
    return ref.segment().schedule().backfill() ? 0 : ref.segment().schedule().startMillis();
  }

  private String copyRunId() {
    return UUID.nameUUIDFromBytes(("copy/" + ref.id()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private String batchMeta(String path) {
    return "/data/foundation/export/batches/" + batch + "/meta?path=" + path;
  }
}
