package io.aepform.cli.render;

import io.aepform.engine.monitor.FlowStatus;
import io.aepform.engine.monitor.StatusResult;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunError;
import io.aepform.engine.runs.RunStatus;
import java.time.Duration;

/**
 * {@code status} for a terminal: per flow its state, schedule, next run and latest runs (errors
 * with what to do), then one summary line.
 */
public final class StatusTextRenderer {
  private final Style style;

  public StatusTextRenderer(Style style) {
    this.style = style;
  }

  public String render(StatusResult result) {
    StringBuilder out = new StringBuilder();
    if (result.flows().isEmpty()) {
      out.append("No dataflows in the state of environment \"")
          .append(result.environment())
          .append("\": nothing runs yet. Apply a configuration with one first.\n\n");
    }
    for (FlowStatus f : result.flows()) {
      flow(f, result, out);
      out.append('\n');
    }
    return out.append(summary(result)).append('\n').toString();
  }

  private void flow(FlowStatus f, StatusResult result, StringBuilder out) {
    out.append(style.bold(f.address().toString()))
        .append(" (")
        .append(f.name())
        .append(", id ")
        .append(f.id())
        .append(")\n");
    out.append("  state:     ").append(state(f)).append('\n');
    f.schedule()
        .ifPresent(s -> out.append("  schedule:  ").append(RunText.schedule(s)).append('\n'));
    if (f.state() != FlowStatus.State.MISSING) {
      out.append("  next run:  ")
          .append(f.nextRun().map(RunText::time).orElse(nextNone(f)))
          .append('\n');
    }
    if (f.state() == FlowStatus.State.MISSING) {
      return;
    }
    if (f.runs().isEmpty()) {
      out.append("  runs:      none yet\n");
      return;
    }
    out.append("  runs, newest first:\n");
    for (Run r : f.runs()) {
      run(r, result, out);
    }
  }

  private String state(FlowStatus f) {
    return switch (f.state()) {
      case ENABLED -> "enabled";
      case DISABLED -> style.yellow("disabled") + " (it does not run until enabled again)";
      case MISSING ->
          style.red("not found in the platform")
              + " (deleted outside aepform?): run aepform plan to see the drift";
    };
  }

  private static String nextNone(FlowStatus f) {
    return f.state() == FlowStatus.State.DISABLED ? "none (disabled)" : "none (it runs once)";
  }

  private void run(Run r, StatusResult result, StringBuilder out) {
    out.append("    ")
        .append(r.started().map(RunText::time).orElse("(not started)"))
        .append("  ")
        .append(RunText.status(r, style))
        .append(took(r, result))
        .append("; records: ")
        .append(RunText.counts(r.records()))
        .append("; files: ")
        .append(RunText.counts(r.files()))
        .append(" [run=")
        .append(r.id())
        .append("]\n");
    for (RunError e : r.errors()) {
      out.append("      ").append(error(e)).append('\n');
      out.append("        -> ").append(e.explanation()).append('\n');
    }
  }

  private static String took(Run r, StatusResult result) {
    if (r.duration().isPresent()) {
      return " after " + ApplyProgress.duration(r.duration().get());
    }
    if (r.status() == RunStatus.IN_PROGRESS && r.started().isPresent()) {
      Duration running = Duration.between(r.started().get(), result.at());
      return ", running for " + ApplyProgress.duration(running);
    }
    return "";
  }

  /** {@code CODE (activity, N records): message}. */
  static String error(RunError e) {
    StringBuilder where = new StringBuilder();
    if (!e.activity().isEmpty()) {
      where.append(e.activity());
    }
    e.records()
        .ifPresent(
            n ->
                where
                    .append(where.length() > 0 ? ", " : "")
                    .append(n)
                    .append(n == 1 ? " record" : " records"));
    return e.code() + (where.length() > 0 ? " (" + where + ")" : "") + ": " + e.message().strip();
  }

  /** The one line that ends every form of {@code status}. */
  public static String summary(StatusResult r) {
    long flows = r.flows().size();
    long missing = r.count(FlowStatus.State.MISSING);
    return "Status: "
        + flows
        + (flows == 1 ? " flow, " : " flows, ")
        + r.count(FlowStatus.State.ENABLED)
        + " enabled. Latest runs: "
        + r.latest(RunStatus.SUCCESS)
        + " succeeded, "
        + r.latest(RunStatus.PARTIAL_FAILURE)
        + " partly failed, "
        + r.latest(RunStatus.FAILED)
        + " failed, "
        + r.latest(RunStatus.IN_PROGRESS)
        + " in progress, "
        + r.neverRun()
        + " not run yet"
        + (missing > 0 ? "; " + missing + " not found in the platform." : ".");
  }
}
