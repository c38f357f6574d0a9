package io.aepform.engine.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What waiting for the first runs after an apply found, one entry per flow, and how long it waited
 * at most.
 */
public record RunWaitResult(List<WaitedRun> flows, Duration timeout) {
  public RunWaitResult {
    flows = List.copyOf(flows);
    Objects.requireNonNull(timeout, "timeout");
  }

  /** True when a run waited for failed, partly failed or did not end in time. */
  public boolean failed() {
    return flows.stream().anyMatch(WaitedRun::failed);
  }

  /** True when waiting was stopped before every run ended. */
  public boolean stopped() {
    return flows.stream().anyMatch(f -> f.verdict() == WaitedRun.Verdict.STOPPED);
  }

  /** How many flows ended with {@code verdict}. */
  public long count(WaitedRun.Verdict verdict) {
    return flows.stream().filter(f -> f.verdict() == verdict).count();
  }
}
