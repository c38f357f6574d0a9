package io.aepform.cli.render;

import io.aepform.engine.apply.ApplyListener;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Apply progress, one line per operation as it starts and ends, like Terraform's. */
public final class ApplyProgress implements ApplyListener {
  private final PrintStream out;
  private final Style style;

  /** Lines waiting for the plan text to be printed first; null when lines print at once. */
  private List<String> held;

  public ApplyProgress(PrintStream out, Style style) {
    this.out = out;
    this.style = style;
  }

  @Override
  public void starting(Address address, Action action) {
    line(
        style.bold(address + ":")
            + " "
            + verb(action, "Creating...", "Modifying...", "Destroying..."));
  }

  @Override
  public void finished(Address address, Action action, Duration took, String id) {
    String done =
        verb(action, "Creation complete", "Modifications complete", "Destruction complete");
    String idPart = id.isEmpty() ? "" : " [id=" + id + "]";
    line(style.bold(address + ":") + " " + done + " after " + duration(took) + idPart);
  }

  @Override
  public void failed(Address address, Action action, String message) {
    line(
        style.bold(address + ":")
            + " "
            + style.red(
                verb(action, "Creation failed", "Modification failed", "Destruction failed")));
  }

  @Override
  public void stillRunning(Address address, Action action, Duration elapsed) {
    line(
        style.bold(address + ":")
            + " "
            + verb(action, "Still creating...", "Still modifying...", "Still destroying...")
            + " ["
            + duration(elapsed)
            + " elapsed]");
  }

  @Override
  public void skipped(Address address, String because) {
    line(style.bold(address + ":") + " Skipped: " + because);
  }

  @Override
  public void lookingForPendingCreate(Address address, Instant until) {
    line(lookingFor(address, until, style));
  }

  /** The line for an interrupted create looked for until {@code until}, in plan and apply. */
  public static String lookingFor(Address address, Instant until, Style style) {
    return style.bold(address + ":")
        + " Looking for the object an interrupted apply was creating, until "
        + RunText.time(until)
        + " (AEPFORM_PENDING_GRACE)...";
  }

  @Override
  public void waitingForRun(Address address, Instant due) {
    boolean now = !due.isAfter(Instant.now());
    line(
        style.bold(address + ":")
            + " Waiting for its first run"
            + (now ? "..." : ", due at " + RunText.time(due) + "..."));
  }

  @Override
  public void stillWaitingForRun(Address address, Duration elapsed) {
    line(
        style.bold(address + ":")
            + " Still waiting for its first run... ["
            + duration(elapsed)
            + " elapsed]");
  }

  @Override
  public void runFinished(Address address, Run run) {
    String took = run.duration().map(d -> " after " + duration(d)).orElse("");
    String share = run.status() == RunStatus.PARTIAL_FAILURE ? ": " + RunText.failedShare(run) : "";
    line(
        style.bold(address + ":")
            + " Run "
            + RunText.status(run, style)
            + took
            + share
            + " [run="
            + run.id()
            + "]");
  }

  /**
   * Holds every line from now on until {@link #release}: the plan text is still being printed on
   * another thread while the apply starts, and comes first.
   */
  public synchronized void hold() {
    if (held == null) {
      held = new ArrayList<>();
    }
  }

  /** Prints the lines held since {@link #hold}, in order; later lines print at once again. */
  public synchronized void release() {
    if (held != null) {
      held.forEach(out::println);
      held = null;
    }
  }

  private synchronized void line(String text) {
    if (held != null) {
      held.add(text);
    } else {
      out.println(text);
    }
  }

  private static String verb(Action action, String create, String update, String delete) {
    return switch (action) {
      case CREATE, REPLACE -> create;
      case UPDATE -> update;
      default -> delete;
    };
  }

  /** Terraform's form: 0s, 42s, 1m5s. */
  public static String duration(Duration d) {
    long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
    return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
  }
}
