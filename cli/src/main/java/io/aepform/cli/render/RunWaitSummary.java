package io.aepform.cli.render;

import io.aepform.engine.monitor.RunWaitResult;
import io.aepform.engine.monitor.WaitedRun;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunError;
import io.aepform.engine.runs.RunStatus;
import java.io.PrintStream;
import java.util.List;

/**
 * The end of {@code apply --wait-for-runs}: what was not waited for and why, one {@code Error:}
 * line per reason a waited-for run failed, partly failed or did not end in time, and the counts.
 */
public final class RunWaitSummary {
  private RunWaitSummary() {}

  public static void render(RunWaitResult result, PrintStream out, PrintStream err) {
    if (result.flows().isEmpty()) {
      out.println("\nNo dataflow was created, replaced or enabled: no first run to wait for.");
      return;
    }
    String limit = ApplyProgress.duration(result.timeout());
    for (WaitedRun w : result.flows()) {
      note(w, limit, out);
    }
    for (WaitedRun w : result.flows()) {
      errors(w, limit).forEach(e -> err.println("Error: " + w.address() + ": " + e));
    }
    out.println();
    out.println(
        "Runs: "
            + finished(result, RunStatus.SUCCESS)
            + " succeeded, "
            + finished(result, RunStatus.PARTIAL_FAILURE)
            + " partly failed, "
            + finished(result, RunStatus.FAILED)
            + " failed, "
            + result.count(WaitedRun.Verdict.TIMED_OUT)
            + " timed out; "
            + (result.count(WaitedRun.Verdict.NOT_DUE) + result.count(WaitedRun.Verdict.DISABLED))
            + " not waited for.");
  }

  private static void note(WaitedRun w, String limit, PrintStream out) {
    if (w.disabled() && w.verdict() != WaitedRun.Verdict.DISABLED) {
      out.println(
          w.address()
              + ": declared disabled, but its first run started before aepform disabled it (AEP"
              + " creates a flow enabled); it runs no more.");
    }
    switch (w.verdict()) {
      case NOT_DUE ->
          out.println(
              w.address()
                  + ": next run at "
                  + w.due().map(RunText::time).orElse("?")
                  + ", after the --wait-timeout of "
                  + limit
                  + ": not waited for.");
      case DISABLED ->
          out.println(w.address() + ": disabled: it does not run, nothing to wait for.");
      case STOPPED ->
          out.println(
              w.address()
                  + ": stopped waiting; nothing was changed. See its runs later with aepform status.");
      default -> {}
    }
  }

  private static List<String> errors(WaitedRun w, String limit) {
    if (w.verdict() == WaitedRun.Verdict.TIMED_OUT) {
      return List.of(
          w.run()
                  .map(
                      r ->
                          "its first run (run "
                              + r.id()
                              + ") did not end within the --wait-timeout of "
                              + limit)
                  .orElse("its first run did not start within the --wait-timeout of " + limit)
              + ": see it later with aepform status, or wait longer with --wait-timeout");
    }
    if (!w.failed()) {
      return List.of();
    }
    Run run = w.run().orElseThrow();
    String what =
        "its first run "
            + RunText.status(run)
            + (run.status() == RunStatus.PARTIAL_FAILURE
                ? " (" + RunText.failedShare(run) + ")"
                : "")
            + " [run="
            + run.id()
            + "]";
    if (run.errors().isEmpty()) {
      return List.of(what + ": see aepform status " + w.address());
    }
    return run.errors().stream()
        .map((RunError e) -> what + ": " + StatusTextRenderer.error(e) + " -> " + e.explanation())
        .toList();
  }

  private static long finished(RunWaitResult result, RunStatus status) {
    return result.flows().stream()
        .filter(w -> w.verdict() == WaitedRun.Verdict.FINISHED)
        .filter(w -> w.run().map(r -> r.status() == status).orElse(false))
        .count();
  }
}
