package io.aepform.engine.monitor;

import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What {@code status} found: each dataflow of the environment, as of {@code at}. */
public record StatusResult(String environment, Instant at, List<FlowStatus> flows) {
  public StatusResult {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(at, "at");
    flows = List.copyOf(flows);
  }

  /** How many flows are in {@code state}. */
  public long count(FlowStatus.State state) {
    return flows.stream().filter(f -> f.state() == state).count();
  }

  /** How many flows' latest run is {@code status}. */
  public long latest(RunStatus status) {
    return flows.stream().filter(f -> f.latest().map(Run::status).orElse(null) == status).count();
  }

  /** How many flows the platform has have not run yet. */
  public long neverRun() {
    return flows.stream()
        .filter(f -> f.state() != FlowStatus.State.MISSING && f.runs().isEmpty())
        .count();
  }

  /** True when the latest run of some flow failed or partly failed. */
  public boolean latestFailedOrPartly() {
    return flows.stream()
        .anyMatch(f -> f.latest().map(r -> r.status().failedOrPartly()).orElse(false));
  }
}
