package io.aepform.cli.render;

import io.aepform.engine.monitor.FlowStatus;
import io.aepform.engine.monitor.StatusResult;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunError;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code status} for a CI job summary or a pull-request comment: one table row per flow with its
 * latest run, the errors of bad runs in collapsible sections, the summary line.
 */
public final class StatusMarkdownRenderer {
  private StatusMarkdownRenderer() {}

  public static String render(StatusResult result) {
    StringBuilder out = new StringBuilder();
    out.append("### aepform status for `").append(result.environment()).append("`\n\n");
    if (!result.flows().isEmpty()) {
      out.append("| flow | state | latest run | started | took | records read / written / failed")
          .append(" | files | next run |\n");
      out.append("|---|---|---|---|---:|---:|---:|---|\n");
      result.flows().forEach(f -> row(f, out));
      out.append('\n');
      result.flows().forEach(f -> details(f, out));
    }
    return out.append("**")
        .append(StatusTextRenderer.summary(result))
        .append("** (checked at ")
        .append(RunText.time(result.at()))
        .append(")\n")
        .toString();
  }

  private static void row(FlowStatus f, StringBuilder out) {
    Optional<Run> latest = f.latest();
    out.append("| `").append(f.address()).append("` | ").append(state(f)).append(" | ");
    String none = f.state() == FlowStatus.State.MISSING ? "" : "not run yet";
    out.append(latest.map(StatusMarkdownRenderer::status).orElse(none)).append(" | ");
    out.append(latest.flatMap(Run::started).map(RunText::time).orElse("")).append(" | ");
    out.append(latest.flatMap(Run::duration).map(ApplyProgress::duration).orElse("")).append(" | ");
    out.append(latest.map(r -> triple(r)).orElse("")).append(" | ");
    out.append(latest.map(r -> files(r)).orElse("")).append(" | ");
    out.append(f.nextRun().map(RunText::time).orElse("")).append(" |\n");
  }

  private static String state(FlowStatus f) {
    return switch (f.state()) {
      case ENABLED -> "enabled";
      case DISABLED -> "disabled";
      case MISSING -> ":x: not found in the platform";
    };
  }

  private static String status(Run r) {
    String mark =
        switch (r.status()) {
          case SUCCESS -> ":white_check_mark: ";
          case PARTIAL_FAILURE -> ":warning: ";
          case FAILED -> ":x: ";
          case IN_PROGRESS -> ":hourglass: ";
          default -> "";
        };
    return mark + RunText.status(r);
  }

  private static String triple(Run r) {
    return n(r.records().read())
        + " / "
        + n(r.records().written())
        + " / "
        + n(r.records().failed());
  }

  private static String files(Run r) {
    return n(r.files().read());
  }

  private static String n(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "-";
  }

  /** The errors of each bad run shown, newest first. */
  private static void details(FlowStatus f, StringBuilder out) {
    for (Run r : f.runs()) {
      if (r.errors().isEmpty()) {
        continue;
      }
      out.append("<details><summary><code>")
          .append(f.address())
          .append("</code>: ")
          .append(RunText.status(r))
          .append(" run <code>")
          .append(r.id())
          .append("</code>")
          .append(r.started().map(t -> " started " + RunText.time(t)).orElse(""))
          .append("</summary>\n\n");
      for (RunError e : r.errors()) {
        out.append("- ")
            .append(escape(StatusTextRenderer.error(e)))
            .append("<br>\n  → ")
            .append(escape(e.explanation()))
            .append('\n');
      }
      out.append("\n</details>\n\n");
    }
  }

  /** Text from the platform may hold markup: shown as text. */
  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
  }
}
