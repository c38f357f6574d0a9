package io.aepform.cli.render;

import io.aepform.engine.runs.Counts;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunStatus;
import io.aepform.engine.runs.Schedule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** How runs, their counts and schedules read in text and markdown. */
public final class RunText {
  private RunText() {}

  /** The status as a user reads it. */
  public static String status(Run run) {
    return switch (run.status()) {
      case SUCCESS -> "succeeded";
      case PARTIAL_FAILURE -> "partly failed";
      case FAILED -> "failed";
      case IN_PROGRESS -> "in progress";
      case SCHEDULED -> "scheduled";
      case UNKNOWN -> "unknown (" + run.platformStatus() + ")";
    };
  }

  /** The status in color: green for success, yellow for partial failure, red for failure. */
  public static String status(Run run, Style style) {
    String text = status(run);
    return switch (run.status()) {
      case SUCCESS -> style.green(text);
      case PARTIAL_FAILURE -> style.yellow(text);
      case FAILED -> style.red(text);
      default -> text;
    };
  }

  /** A time in UTC to the second, as ISO 8601 writes it. */
  public static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code 100 read, 99 written, 1 failed}; what the platform does not say is left out. */
  public static String counts(Counts c) {
    List<String> parts = new ArrayList<>();
    add(parts, c.read(), "read");
    add(parts, c.written(), "written");
    add(parts, c.failed(), "failed");
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private static void add(List<String> parts, OptionalLong n, String what) {
    n.ifPresent(v -> parts.add(v + " " + what));
  }

  /** {@code 1 of 100 records failed}, for a partial failure. */
  public static String failedShare(Run run) {
    OptionalLong failed = run.records().failed();
    OptionalLong read = run.records().read();
    if (failed.isPresent() && failed.getAsLong() > 0) {
      return failed.getAsLong()
          + (read.isPresent() ? " of " + read.getAsLong() : "")
          + " records failed";
    }
    return run.files().failed().orElse(0) + " files failed";
  }

  /** {@code every 15 minutes from T (backfill)}, {@code once at T}. */
  public static String schedule(Schedule s) {
    String from = time(s.start());
    String backfill = s.backfill() ? " (backfill)" : " (no backfill)";
    if (s.period().isEmpty()) {
      return "once at " + from + backfill;
    }
    String every = s.interval() == 1 ? s.frequency() : s.interval() + " " + s.frequency() + "s";
    return "every " + every + " from " + from + backfill;
  }

  /** True for a run that ended badly. */
  public static boolean bad(Run run) {
    return run.status() == RunStatus.FAILED || run.status() == RunStatus.PARTIAL_FAILURE;
  }
}
