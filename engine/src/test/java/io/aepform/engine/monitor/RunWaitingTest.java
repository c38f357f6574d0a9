package io.aepform.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.WaitOptions;
import io.aepform.engine.apply.ApplyListener;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.runs.Counts;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunStatus;
import io.aepform.engine.runs.Runs;
import io.aepform.engine.runs.Schedule;
import io.aepform.engine.value.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The wait loop on a clock the sleeps move, against runs scripted in time. */
class RunWaitingTest {
  private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
  private static final Address FLOW = new Address("flow", "ingest");

  private final MovingClock clock = new MovingClock(T0);
  private final List<String> events = new ArrayList<>();
  private final AtomicBoolean cancel = new AtomicBoolean();

  @Test
  void waitsForTheFirstRunThenReportsItsOutcome() {
    ScriptedRuns runs =
        new ScriptedRuns(T0.plusSeconds(1), Duration.ofSeconds(3), RunStatus.SUCCESS);
    RunWaitResult result = waiting(Duration.ofMinutes(1)).waitFor(List.of(target(runs, T0)));
    assertThat(result.flows())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.verdict()).isEqualTo(WaitedRun.Verdict.FINISHED);
              assertThat(w.run().orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
            });
    assertThat(result.failed()).isFalse();
    assertThat(events).first().isEqualTo("waiting flow.ingest due " + T0);
    assertThat(events).last().isEqualTo("finished flow.ingest success");
    assertThat(runs.calls)
        .as("lists until a run shows, then reads the run")
        .contains("latest", "run");
    assertThat(clock.instant()).isBefore(T0.plusSeconds(10));
  }

  @Test
  void aFailedOrPartlyFailedRunFailsTheWait() {
    for (RunStatus outcome : List.of(RunStatus.FAILED, RunStatus.PARTIAL_FAILURE)) {
      ScriptedRuns runs = new ScriptedRuns(T0, Duration.ofSeconds(2), outcome);
      RunWaitResult result = waiting(Duration.ofMinutes(1)).waitFor(List.of(target(runs, T0)));
      assertThat(result.failed()).as(outcome.name()).isTrue();
    }
  }

  @Test
  void timesOutWithTheRunStillInProgressAndBeatsEveryTenSeconds() {
    ScriptedRuns runs = new ScriptedRuns(T0, Duration.ofHours(1), RunStatus.SUCCESS);
    RunWaitResult result = waiting(Duration.ofSeconds(35)).waitFor(List.of(target(runs, T0)));
    WaitedRun w = result.flows().get(0);
    assertThat(w.verdict()).isEqualTo(WaitedRun.Verdict.TIMED_OUT);
    assertThat(w.run().orElseThrow().status()).isEqualTo(RunStatus.IN_PROGRESS);
    assertThat(result.failed()).isTrue();
    assertThat(events.stream().filter(e -> e.startsWith("still")).toList())
        .hasSize(3)
        .allSatisfy(e -> assertThat(e).startsWith("still flow.ingest"));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(35));
  }

  @Test
  void aRunThatNeverStartsTimesOutWithoutARun() {
    ScriptedRuns runs =
        new ScriptedRuns(T0.plusSeconds(3600), Duration.ofSeconds(1), RunStatus.SUCCESS);
    WaitedRun w = waiting(Duration.ofSeconds(5)).waitFor(List.of(target(runs, T0))).flows().get(0);
    assertThat(w.verdict()).isEqualTo(WaitedRun.Verdict.TIMED_OUT);
    assertThat(w.run()).isEmpty();
  }

  @Test
  void aFirstRunDueAfterTheTimeoutIsNotWaitedForNorAsked() {
    ScriptedRuns runs =
        new ScriptedRuns(T0.plusSeconds(86_400), Duration.ofSeconds(1), RunStatus.SUCCESS);
    WaitTarget later =
        new WaitTarget(FLOW, "f-1", runs, Instant.EPOCH, T0.plusSeconds(86_400), true, false);
    RunWaitResult result = waiting(Duration.ofMinutes(10)).waitFor(List.of(later));
    assertThat(result.flows().get(0).verdict()).isEqualTo(WaitedRun.Verdict.NOT_DUE);
    assertThat(result.flows().get(0).due()).contains(T0.plusSeconds(86_400));
    assertThat(result.failed()).isFalse();
    assertThat(runs.calls).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void aDisabledFlowThatNeverRanIsNotWaitedFor() {
    ScriptedRuns runs =
        new ScriptedRuns(T0.plusSeconds(3600), Duration.ofSeconds(1), RunStatus.SUCCESS);
    WaitTarget disabled = new WaitTarget(FLOW, "f-1", runs, Instant.EPOCH, T0, false, false);
    RunWaitResult result = waiting(Duration.ofMinutes(10)).waitFor(List.of(disabled));
    assertThat(result.flows().get(0).verdict()).isEqualTo(WaitedRun.Verdict.DISABLED);
    assertThat(runs.calls).as("one look for a run, no wait").containsExactly("latest");
    assertThat(events).isEmpty();
    assertThat(clock.instant()).isEqualTo(T0);
  }

  @Test
  void aFlowCreatedDisabledWhoseFirstRunStartedBeforeTheDisableIsWaitedFor() {
    // AEP creates a flow enabled; aepform disables it next, after its first run may have begun
    ScriptedRuns runs = new ScriptedRuns(T0, Duration.ofSeconds(3), RunStatus.FAILED);
    WaitTarget disabled = new WaitTarget(FLOW, "f-1", runs, Instant.EPOCH, T0, false, false);
    RunWaitResult result = waiting(Duration.ofMinutes(10)).waitFor(List.of(disabled));
    WaitedRun w = result.flows().get(0);
    assertThat(w.verdict()).isEqualTo(WaitedRun.Verdict.FINISHED);
    assertThat(w.disabled()).isTrue();
    assertThat(w.run().orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.failed()).isTrue();
    assertThat(events).first().isEqualTo("waiting flow.ingest due " + T0);
  }

  @Test
  void runsFromBeforeARe_enableDoNotCount() {
    ScriptedRuns runs =
        new ScriptedRuns(T0.minusSeconds(7200), Duration.ofSeconds(1), RunStatus.FAILED);
    runs.second = Optional.of(T0.plusSeconds(2));
    WaitTarget reEnabled = new WaitTarget(FLOW, "f-1", runs, T0.minusSeconds(60), T0, true, true);
    WaitedRun w = waiting(Duration.ofMinutes(1)).waitFor(List.of(reEnabled)).flows().get(0);
    assertThat(w.verdict()).isEqualTo(WaitedRun.Verdict.FINISHED);
    assertThat(w.run().orElseThrow().id()).isEqualTo("run-2");
  }

  @Test
  void ctrlCStopsWaitingAtOnce() {
    ScriptedRuns runs = new ScriptedRuns(T0, Duration.ofHours(1), RunStatus.SUCCESS);
    clock.onAdvance =
        () -> {
          if (clock.instant().isAfter(T0.plusSeconds(3))) {
            cancel.set(true);
          }
        };
    RunWaitResult result = waiting(Duration.ofMinutes(30)).waitFor(List.of(target(runs, T0)));
    assertThat(result.flows().get(0).verdict()).isEqualTo(WaitedRun.Verdict.STOPPED);
    assertThat(result.stopped()).isTrue();
    assertThat(clock.instant()).isBefore(T0.plusSeconds(5));
  }

  private WaitTarget target(Runs runs, Instant due) {
    return new WaitTarget(FLOW, "f-1", runs, Instant.EPOCH, due, true, false);
  }

  private RunWaiting waiting(Duration timeout) {
    ApplyListener listener =
        new ApplyListener() {
          @Override
          public void starting(Address a, Action action) {}

          @Override
          public void finished(Address a, Action action, Duration took, String id) {}

          @Override
          public void failed(Address a, Action action, String message) {}

          @Override
          public void stillRunning(Address a, Action action, Duration elapsed) {}

          @Override
          public void skipped(Address a, String because) {}

          @Override
          public void waitingForRun(Address a, Instant due) {
            events.add("waiting " + a + " due " + due);
          }

          @Override
          public void stillWaitingForRun(Address a, Duration elapsed) {
            events.add("still " + a + " " + elapsed);
          }

          @Override
          public void runFinished(Address a, Run run) {
            events.add("finished " + a + " " + run.status().jsonName());
          }
        };
    return new RunWaiting(
        (PlatformClient) null,
        clock,
        clock::advance,
        new WaitOptions(T0, timeout, listener, cancel));
  }

  /**
   * A flow whose first run starts at {@code first}, lasts {@code takes}, ends as {@code outcome}.
   */
  private final class ScriptedRuns implements Runs {
    final Instant first;
    final Duration takes;
    final RunStatus outcome;
    Optional<Instant> second = Optional.empty();
    final List<String> calls = new ArrayList<>();

    ScriptedRuns(Instant first, Duration takes, RunStatus outcome) {
      this.first = first;
      this.takes = takes;
      this.outcome = outcome;
    }

    @Override
    public Optional<Schedule> schedule(Value body) {
      return Optional.empty();
    }

    @Override
    public boolean enabled(Value body) {
      return true;
    }

    @Override
    public Optional<Instant> enabledAt(Value body) {
      return Optional.empty();
    }

    @Override
    public List<Run> latest(PlatformClient client, String id, int limit) {
      calls.add("latest");
      List<Run> out = new ArrayList<>();
      second.flatMap(s -> at("run-2", s)).ifPresent(out::add);
      at("run-1", first).ifPresent(out::add);
      return out;
    }

    @Override
    public Optional<Run> run(PlatformClient client, String runId) {
      calls.add("run");
      return at(runId, runId.equals("run-2") ? second.orElseThrow() : first);
    }

    private Optional<Run> at(String id, Instant start) {
      Instant now = clock.instant();
      if (now.isBefore(start)) {
        return Optional.empty();
      }
      boolean done = !now.isBefore(start.plus(takes));
      return Optional.of(
          new Run(
              id,
              done ? outcome : RunStatus.IN_PROGRESS,
              done ? "done" : "inProgress",
              Optional.of(start),
              done ? Optional.of(start.plus(takes)) : Optional.empty(),
              Counts.none(),
              Counts.none(),
              List.of()));
    }
  }

  /** A clock that sleeps move forward. */
  private static final class MovingClock extends Clock {
    private Instant now;
    Runnable onAdvance = () -> {};

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
      onAdvance.run();
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
