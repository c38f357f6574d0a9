package io.aepform.engine.monitor;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.runs.Run;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How waiting for one dataflow's first run ended.
 *
 * @param address the flow's address
 * @param id its remote id
 * @param verdict what happened
 * @param run the run: the one that finished, or the one still in progress at the timeout
 * @param due when its first run was expected
 * @param disabled true for a flow declared disabled: AEP creates it enabled, so a run may start
 *     before aepform disables it, and is then waited for like any first run
 */
public record WaitedRun(
    Address address,
    String id,
    Verdict verdict,
    Optional<Run> run,
    Optional<Instant> due,
    boolean disabled) {
  /** How the wait ended. */
  public enum Verdict {
    /** The run ended: see its status. */
    FINISHED,
    /** No run started, or the run did not end, within the timeout. */
    TIMED_OUT,
    /** Its first run is due after the timeout: not waited for. */
    NOT_DUE,
    /** It is disabled and no run started before the disable: it does not run. */
    DISABLED,
    /** Waiting was stopped (Ctrl-C). */
    STOPPED
  }

  public WaitedRun {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(due, "due");
  }

  /** How waiting for an enabled flow ended. */
  public WaitedRun(
      Address address, String id, Verdict verdict, Optional<Run> run, Optional<Instant> due) {
    this(address, id, verdict, run, due, false);
  }

  /** True when the run failed or partly failed, or did not end in time. */
  public boolean failed() {
    return verdict == Verdict.TIMED_OUT
        || (verdict == Verdict.FINISHED && run.map(r -> r.status().failedOrPartly()).orElse(false));
  }
}
