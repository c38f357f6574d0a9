package io.aepform.engine.apply;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import io.aepform.engine.runs.Run;
import java.time.Duration;
import java.time.Instant;

/** Progress of an apply, as it happens. The CLI prints it; the engine never does. */
public interface ApplyListener {
  /** A call for {@code address} starts. */
  void starting(Address address, Action action);

  /** It ended well; {@code id} is the remote id ({@code ""} for deletes). */
  void finished(Address address, Action action, Duration took, String id);

  /** It failed; {@code message} says why, on one line. */
  void failed(Address address, Action action, String message);

  /** It is still running after {@code elapsed} (called every 10 s). */
  void stillRunning(Address address, Action action, Duration elapsed);

  /** It was not attempted, e.g. because something it needs failed. */
  void skipped(Address address, String because);

  /**
   * After the walk, with {@code --wait-for-runs}: waiting for the first run of a dataflow, expected
   * at {@code due}.
   */
  default void waitingForRun(Address address, Instant due) {}

  /** Still waiting for that run after {@code elapsed} (every 10 s, as {@link #stillRunning}). */
  default void stillWaitingForRun(Address address, Duration elapsed) {}

  /** The run waited for ended, well or not. */
  default void runFinished(Address address, Run run) {}

  /**
   * Before the plan: the object an interrupted apply was creating as {@code address} is not in the
   * platform's lists yet, and is looked for again until {@code until} (AEPFORM_PENDING_GRACE).
   */
  default void lookingForPendingCreate(Address address, Instant until) {}

  /** A listener that ignores everything. */
  static ApplyListener none() {
    return new ApplyListener() {
      @Override
      public void starting(Address address, Action action) {}

      @Override
      public void finished(Address address, Action action, Duration took, String id) {}

      @Override
      public void failed(Address address, Action action, String message) {}

      @Override
      public void stillRunning(Address address, Action action, Duration elapsed) {}

      @Override
      public void skipped(Address address, String because) {}
    };
  }
}
