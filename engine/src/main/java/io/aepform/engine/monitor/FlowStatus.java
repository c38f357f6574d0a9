package io.aepform.engine.monitor;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One dataflow as {@code status} shows it.
 *
 * @param address its address in state
 * @param id its remote id
 * @param name its remote name
 * @param state enabled, disabled, or gone from the platform
 * @param schedule when it runs, as the platform (or, for a gone flow, state) says
 * @param nextRun when its next run is expected; empty when none is (disabled, or run once)
 * @param runs its latest runs, newest first
 */
public record FlowStatus(
    Address address,
    String id,
    String name,
    State state,
    Optional<Schedule> schedule,
    Optional<Instant> nextRun,
    List<Run> runs) {
  /** Whether the flow runs. */
  public enum State {
    ENABLED,
    DISABLED,
    /** In state, but the platform no longer has it (deleted outside aepform). */
    MISSING
  }

  public FlowStatus {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(nextRun, "nextRun");
    runs = List.copyOf(runs);
  }

  /** The newest run, if it has run. */
  public Optional<Run> latest() {
    return runs.stream().findFirst();
  }
}
