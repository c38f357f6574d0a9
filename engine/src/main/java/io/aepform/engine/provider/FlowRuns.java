package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.Runs;
import io.aepform.engine.runs.Schedule;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dataflow's schedule and its runs in the Flow Service. Runs are listed as
 * help/dataflows/api/monitor.md shows ({@code GET /runs?property=flowId=={FLOW_ID}}), newest first
 * and only as many as asked with {@code orderby=-createdAt&limit=N}
 * (help/dataflows/api/sort-and-filter.md); one run is {@code GET /runs/{RUN_ID}} (the spec's
 * retrieveFlowRun, answering {@code {"items": [run]}}).
 */
final class FlowRuns implements Runs {
  private static final String RUNS = FlowServiceApi.BASE + "runs";

  /**
   * The spec's {@code scheduleParams}: values may come back as strings ({@code "startTime":
   * "1612310466"}, update-dataflows.md), so they are read as text.
   */
  @Override
  public Optional<Schedule> schedule(Value body) {
    JsonNode s = Values.toJsonRedacted(body).path("scheduleParams");
    String start = s.path("startTime").asText("").strip();
    if (!start.matches("[0-9]{1,12}")) {
      return Optional.empty();
    }
    String interval = s.path("interval").asText("0").strip();
    return Optional.of(
        new Schedule(
            s.path("frequency").asText(""),
            interval.matches("[0-9]{1,9}") ? Long.parseLong(interval) : 0,
            Instant.ofEpochSecond(Long.parseLong(start)),
            !s.path("backfill").asText("true").equalsIgnoreCase("false")));
  }

  /** A flow is enabled unless it says {@code state: disabled} (the API answers lower case). */
  @Override
  public boolean enabled(Value body) {
    return !Values.toJsonRedacted(body)
        .path("state")
        .asText("enabled")
        .equalsIgnoreCase("disabled");
  }

  /**
   * {@code lastOperation} when it was an enable (help/sources/tutorials/api/create/analytics/
   * pendo-webhook.md shows {@code "lastOperation": {"started", "updated", "operation": "enable"}}),
   * else {@code updatedAt}: the enable action changes the flow.
   */
  @Override
  public Optional<Instant> enabledAt(Value body) {
    JsonNode flow = Values.toJsonRedacted(body);
    JsonNode last = flow.path("lastOperation");
    JsonNode at =
        last.path("operation").asText("").equalsIgnoreCase("enable")
            ? last.path("updated")
            : flow.path("updatedAt");
    return at.canConvertToLong() && at.asLong() > 0
        ? Optional.of(Instant.ofEpochMilli(at.asLong()))
        : Optional.empty();
  }

  @Override
  public List<Run> latest(PlatformClient client, String id, int limit) {
    ApiRequest request =
        ApiRequest.get(RUNS)
            .withQuery("property", "flowId==" + id)
            .withQuery("orderby", "-createdAt")
            .withQuery("limit", Integer.toString(limit));
    List<Run> runs = new ArrayList<>();
    for (JsonNode item : client.send(request).body().path("items")) {
      runs.add(FlowRunReader.read(item));
    }
    return runs;
  }

  @Override
  public Optional<Run> run(PlatformClient client, String runId) {
    return client
        .sendOrAbsent(ApiRequest.get(RUNS + "/" + ApiRequest.segment(runId)))
        .map(r -> r.body().path("items"))
        .filter(items -> items.isArray() && items.size() > 0)
        .map(items -> FlowRunReader.read(items.get(0)));
  }
}
