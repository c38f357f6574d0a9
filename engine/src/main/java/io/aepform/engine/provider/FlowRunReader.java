package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.runs.Counts;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunError;
import io.aepform.engine.runs.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A run object as Adobe's pages show it (help/dataflows/api/monitor.md; a failed one in
 * help/sources/notifications.md): {@code metrics} with {@code durationSummary}, {@code
 * recordSummary}, {@code fileSummary}, {@code statusSummary}, and {@code activities}, each with its
 * own {@code statusSummary}. The spec spells the last {@code activites} (see {@code
 * ApiDeviations}): the pages' spelling is read first, the spec's when it is absent.
 */
final class FlowRunReader {
  private FlowRunReader() {}

  static Run read(JsonNode item) {
    JsonNode metrics = item.path("metrics");
    Counts records =
        counts(
            metrics.path("recordSummary"),
            "inputRecordCount",
            "outputRecordCount",
            "failedRecordCount");
    Counts files =
        counts(metrics.path("fileSummary"), "inputFileCount", "outputFileCount", "failedFileCount");
    String platformStatus = metrics.path("statusSummary").path("status").asText("");
    RunStatus status = RunStatus.of(platformStatus, records.anyFailed() || files.anyFailed());
    JsonNode duration = metrics.path("durationSummary");
    Optional<Instant> started =
        millis(duration.path("startedAtUTC")).or(() -> millis(item.path("createdAt")));
    return new Run(
        item.path("id").asText(),
        status,
        platformStatus,
        started,
        status.finished() ? ended(item, duration) : Optional.empty(),
        records,
        files,
        errors(item));
  }

  /**
   * A failed run has no {@code completedAtUTC} in its metrics (notifications.md): its end is when
   * its last activity completed, else when the run was last updated.
   */
  private static Optional<Instant> ended(JsonNode item, JsonNode duration) {
    Optional<Instant> completed = millis(duration.path("completedAtUTC"));
    if (completed.isPresent()) {
      return completed;
    }
    Optional<Instant> last = Optional.empty();
    for (JsonNode activity : activities(item)) {
      Optional<Instant> at = millis(activity.path("durationSummary").path("completedAtUTC"));
      if (at.isPresent() && (last.isEmpty() || at.get().isAfter(last.get()))) {
        last = at;
      }
    }
    return last.or(() -> millis(item.path("updatedAt")));
  }

  /**
   * The errors of the activities that report some (their {@code statusSummary.errors} and the
   * detail under {@code statusSummary.extensions.errors}), else those of the run as a whole; each
   * once.
   */
  private static List<RunError> errors(JsonNode item) {
    Map<String, RunError> found = new LinkedHashMap<>();
    for (JsonNode activity : activities(item)) {
      JsonNode summary = activity.path("statusSummary");
      String id = activity.path("id").asText("");
      add(found, summary.path("errors"), id);
      add(found, summary.path("extensions").path("errors"), id);
    }
    if (found.isEmpty()) {
      add(found, item.path("metrics").path("statusSummary").path("errors"), "");
    }
    return new ArrayList<>(found.values());
  }

  private static void add(Map<String, RunError> found, JsonNode errors, String activity) {
    for (JsonNode e : errors) {
      String code = e.path("code").asText("");
      String message = e.path("message").asText("");
      OptionalLong records =
          e.path("recordCount").canConvertToLong()
              ? OptionalLong.of(e.path("recordCount").asLong())
              : OptionalLong.empty();
      found.putIfAbsent(
          code + "\n" + message,
          new RunError(code, message, activity, records, FlowRunErrors.explain(code)));
    }
  }

  private static JsonNode activities(JsonNode item) {
    JsonNode pages = item.path("activities");
    return pages.isArray() ? pages : item.path("activites");
  }

  private static Counts counts(JsonNode summary, String read, String written, String failed) {
    return new Counts(
        count(summary.path(read)), count(summary.path(written)), count(summary.path(failed)));
  }

  /** A count; a failed run reports {@code -1} for what it never got to (notifications.md). */
  private static OptionalLong count(JsonNode n) {
    return n.isNumber() && n.asLong() >= 0 ? OptionalLong.of(n.asLong()) : OptionalLong.empty();
  }

  private static Optional<Instant> millis(JsonNode n) {
    return n.canConvertToLong() && n.asLong() > 0
        ? Optional.of(Instant.ofEpochMilli(n.asLong()))
        : Optional.empty();
  }
}
