package io.aepform.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.monitor.FlowStatus;
import io.aepform.engine.monitor.RunWaitResult;
import io.aepform.engine.monitor.StatusResult;
import io.aepform.engine.monitor.WaitedRun;
import io.aepform.engine.runs.Counts;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunError;
import io.aepform.engine.runs.RunStatus;
import io.aepform.engine.runs.Schedule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Golden files for {@code status} in text, JSON and markdown, and for the end of {@code apply
 * --wait-for-runs}: flows whose latest run succeeded, partly failed, failed or still runs, a
 * disabled flow, one never run, one deleted outside aepform. Regenerate with
 * -Daepform.golden.update=true.
 */
class StatusRenderingGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden/status");
  private static final Instant AT = Instant.parse("2025-03-01T12:00:00Z");
  private static final Schedule EVERY_15 =
      new Schedule("minute", 15, Instant.parse("2025-03-01T08:00:00Z"), true);

  static StatusResult result() {
    return new StatusResult(
        "dev",
        AT,
        List.of(
            flow("ingest", FlowStatus.State.ENABLED, AT.plusSeconds(900), partial(), success()),
            flow("broken", FlowStatus.State.ENABLED, AT.plusSeconds(900), failed()),
            flow("running", FlowStatus.State.ENABLED, AT.plusSeconds(900), running()),
            new FlowStatus(
                new Address("flow", "later"),
                "f-later",
                "Later Flow",
                FlowStatus.State.ENABLED,
                Optional.of(new Schedule("day", 1, Instant.parse("2025-04-01T00:00:00Z"), false)),
                Optional.of(Instant.parse("2025-04-01T00:00:00Z")),
                List.of()),
            new FlowStatus(
                new Address("flow", "paused"),
                "f-paused",
                "Paused Flow",
                FlowStatus.State.DISABLED,
                Optional.of(EVERY_15),
                Optional.empty(),
                List.of(success())),
            new FlowStatus(
                new Address("flow", "gone"),
                "f-gone",
                "Gone Flow",
                FlowStatus.State.MISSING,
                Optional.of(new Schedule("once", 0, Instant.parse("2025-02-01T00:00:00Z"), true)),
                Optional.empty(),
                List.of())));
  }

  @Test
  void statusText() throws Exception {
    check("status.txt", new StatusTextRenderer(Style.PLAIN).render(result()));
  }

  @Test
  void statusJson() throws Exception {
    check("status.json", StatusJsonRenderer.render(result()));
  }

  @Test
  void statusMarkdown() throws Exception {
    check("status.md", StatusMarkdownRenderer.render(result()));
  }

  @Test
  void noFlows() throws Exception {
    StatusResult none = new StatusResult("dev", AT, List.of());
    check("empty.txt", new StatusTextRenderer(Style.PLAIN).render(none));
    assertThat(StatusMarkdownRenderer.render(none)).doesNotContain("| flow |");
  }

  @Test
  void theEndOfAWaitForRuns() throws Exception {
    Address flow = new Address("flow", "ingest");
    RunWaitResult waited =
        new RunWaitResult(
            List.of(
                new WaitedRun(
                    flow,
                    "f-1",
                    WaitedRun.Verdict.FINISHED,
                    Optional.of(partial()),
                    Optional.of(AT)),
                new WaitedRun(
                    new Address("flow", "broken"),
                    "f-2",
                    WaitedRun.Verdict.FINISHED,
                    Optional.of(failed()),
                    Optional.of(AT)),
                new WaitedRun(
                    new Address("flow", "ok"),
                    "f-3",
                    WaitedRun.Verdict.FINISHED,
                    Optional.of(success()),
                    Optional.of(AT)),
                new WaitedRun(
                    new Address("flow", "slow"),
                    "f-4",
                    WaitedRun.Verdict.TIMED_OUT,
                    Optional.of(running()),
                    Optional.of(AT)),
                new WaitedRun(
                    new Address("flow", "idle"),
                    "f-5",
                    WaitedRun.Verdict.TIMED_OUT,
                    Optional.empty(),
                    Optional.of(AT)),
                new WaitedRun(
                    new Address("flow", "later"),
                    "f-6",
                    WaitedRun.Verdict.NOT_DUE,
                    Optional.empty(),
                    Optional.of(Instant.parse("2025-04-01T00:00:00Z"))),
                new WaitedRun(
                    new Address("flow", "paused"),
                    "f-7",
                    WaitedRun.Verdict.DISABLED,
                    Optional.empty(),
                    Optional.of(AT)),
                new WaitedRun(
                    new Address("flow", "early"),
                    "f-8",
                    WaitedRun.Verdict.FINISHED,
                    Optional.of(success()),
                    Optional.of(AT),
                    true)),
            Duration.ofMinutes(2));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunWaitSummary.render(
        waited,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    check(
        "wait.txt",
        "stdout:\n"
            + out.toString(StandardCharsets.UTF_8)
            + "stderr:\n"
            + err.toString(StandardCharsets.UTF_8));
    assertThat(waited.failed()).isTrue();
  }

  private static FlowStatus flow(String name, FlowStatus.State state, Instant next, Run... runs) {
    return new FlowStatus(
        new Address("flow", name),
        "f-" + name,
        "Flow " + name,
        state,
        Optional.of(EVERY_15),
        Optional.of(next),
        List.of(runs));
  }

  static Run success() {
    return run(
        "r-ok",
        RunStatus.SUCCESS,
        "success",
        "11:45:00",
        42,
        counts(100, 100, 0),
        counts(1, 1, 0),
        List.of());
  }

  static Run partial() {
    return run(
        "r-partial",
        RunStatus.PARTIAL_FAILURE,
        "success",
        "11:45:00",
        35,
        counts(100, 99, 1),
        counts(1, 1, 0),
        List.of(
            error(
                "CONNECTOR-2001-500",
                "Error occurred at promotion activity.",
                OptionalLong.empty(),
                "the copied data could not be parsed"),
            error(
                "MAPPER-3700-400",
                "Mapper Transform Error",
                OptionalLong.of(1),
                "a mapping transformation failed")));
  }

  static Run failed() {
    return run(
        "r-failed",
        RunStatus.FAILED,
        "failed",
        "11:45:00",
        10,
        Counts.none(),
        Counts.none(),
        List.of(
            error(
                "CONNECTOR-1001-500",
                "Error in copying the data from Source.",
                OptionalLong.empty(),
                "the data could not be copied <from> | the source")));
  }

  static Run running() {
    return new Run(
        "r-running",
        RunStatus.IN_PROGRESS,
        "inProgress",
        Optional.of(Instant.parse("2025-03-01T11:59:00Z")),
        Optional.empty(),
        Counts.none(),
        Counts.none(),
        List.of());
  }

  private static Run run(
      String id,
      RunStatus status,
      String platform,
      String time,
      long seconds,
      Counts records,
      Counts files,
      List<RunError> errors) {
    Instant start = Instant.parse("2025-03-01T" + time + "Z");
    return new Run(
        id,
        status,
        platform,
        Optional.of(start),
        Optional.of(start.plusSeconds(seconds)),
        records,
        files,
        errors);
  }

  private static Counts counts(long read, long written, long failed) {
    return new Counts(OptionalLong.of(read), OptionalLong.of(written), OptionalLong.of(failed));
  }

  private static RunError error(
      String code, String message, OptionalLong records, String explanation) {
    return new RunError(code, message, "promotionActivity", records, explanation);
  }

  private static void check(String name, String actual) throws Exception {
    Path file = ROOT.resolve(name);
    if (Boolean.getBoolean("aepform.golden.update")) {
      Files.createDirectories(ROOT);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file)
        .as("golden file %s (regenerate with -Daepform.golden.update=true)", file)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
