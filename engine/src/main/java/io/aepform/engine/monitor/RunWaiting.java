package io.aepform.engine.monitor;

import io.aepform.engine.WaitOptions;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.provider.http.Sleeper;
import io.aepform.engine.runs.Run;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code apply --wait-for-runs}: after the walk, waits for the first run of each flow the apply
 * created, replaced or re-enabled, polling the platform (first the flow's latest runs, then the run
 * itself) at growing intervals. A flow whose first run is due after the timeout is not waited for,
 * nor one created disabled, unless its first run started before the disable. Only reads: stopping
 * (Ctrl-C) leaves everything as it is.
 */
public final class RunWaiting {
  static final Duration HEARTBEAT = Duration.ofSeconds(10);
  static final Duration FIRST_POLL = Duration.ofMillis(500);
  static final Duration MAX_POLL = Duration.ofSeconds(5);

  /** How often a sleep looks at the cancel flag. */
  private static final Duration SLICE = Duration.ofMillis(200);

  /** Runs listed per look: the first run since the apply is among the newest few. */
  private static final int LOOK_BACK = 5;

  private final PlatformClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final WaitOptions options;

  public RunWaiting(PlatformClient client, Clock clock, Sleeper sleeper, WaitOptions options) {
    this.client = client;
    this.clock = clock;
    this.sleeper = sleeper;
    this.options = options;
  }

  /** A flow being waited for, and the run found so far. */
  private static final class Pending {
    final WaitTarget target;
    Optional<Run> run = Optional.empty();

    Pending(WaitTarget target) {
      this.target = target;
    }
  }

  RunWaitResult waitFor(List<WaitTarget> targets) {
    Instant start = clock.instant();
    Instant deadline = start.plus(options.timeout());
    List<WaitedRun> ended = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    for (WaitTarget t : targets) {
      Pending p = new Pending(t);
      if (!t.enabled()) {
        // AEP creates a flow enabled and aepform disables it next: its first run may have started
        p.run = look(p);
        if (p.run.isEmpty()) {
          ended.add(verdict(t, WaitedRun.Verdict.DISABLED, Optional.empty()));
          continue;
        }
      } else if (t.due().isAfter(deadline)) {
        ended.add(verdict(t, WaitedRun.Verdict.NOT_DUE, Optional.empty()));
        continue;
      }
      pending.add(p);
      options.listener().waitingForRun(t.address(), t.due());
    }
    poll(pending, ended, start, deadline);
    List<String> order = targets.stream().map(t -> t.address().toString()).toList();
    ended.sort(Comparator.comparingInt(w -> order.indexOf(w.address().toString())));
    return new RunWaitResult(ended, options.timeout());
  }

  private void poll(List<Pending> pending, List<WaitedRun> ended, Instant start, Instant deadline) {
    Duration interval = FIRST_POLL;
    Instant lastBeat = start;
    while (!pending.isEmpty()) {
      if (options.cancel().get()) {
        pending.forEach(p -> ended.add(verdict(p.target, WaitedRun.Verdict.STOPPED, p.run)));
        return;
      }
      for (Pending p : List.copyOf(pending)) {
        p.run = look(p);
        if (p.run.map(r -> r.status().finished()).orElse(false)) {
          options.listener().runFinished(p.target.address(), p.run.get());
          ended.add(verdict(p.target, WaitedRun.Verdict.FINISHED, p.run));
          pending.remove(p);
        }
      }
      Instant now = clock.instant();
      if (pending.isEmpty()) {
        return;
      }
      if (!now.isBefore(deadline)) {
        pending.forEach(p -> ended.add(verdict(p.target, WaitedRun.Verdict.TIMED_OUT, p.run)));
        return;
      }
      if (Duration.between(lastBeat, now).compareTo(HEARTBEAT) >= 0) {
        Duration elapsed = Duration.between(start, now);
        pending.forEach(p -> options.listener().stillWaitingForRun(p.target.address(), elapsed));
        lastBeat = now;
      }
      Duration left = Duration.between(now, deadline);
      sleep(interval.compareTo(left) < 0 ? interval : left);
      interval =
          interval.multipliedBy(2).compareTo(MAX_POLL) < 0 ? interval.multipliedBy(2) : MAX_POLL;
    }
  }

  /** The run followed so far, read again; before one is known, the first one since the apply. */
  private Optional<Run> look(Pending p) {
    WaitTarget t = p.target;
    if (p.run.isPresent()) {
      Optional<Run> again = t.runs().run(client, p.run.get().id());
      if (again.isPresent()) {
        return again;
      }
    }
    List<Run> newestFirst = t.runs().latest(client, t.id(), LOOK_BACK);
    Optional<Run> first = Optional.empty();
    for (Run r : newestFirst) {
      if (r.started().map(s -> !s.isBefore(t.since())).orElse(true)) {
        first = Optional.of(r);
      }
    }
    return first;
  }

  /** Sleeps in slices, so that Ctrl-C stops the wait at once. */
  private void sleep(Duration total) {
    Duration left = total;
    try {
      while (left.compareTo(Duration.ZERO) > 0 && !options.cancel().get()) {
        Duration slice = left.compareTo(SLICE) < 0 ? left : SLICE;
        sleeper.sleep(slice);
        left = left.minus(slice);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      options.cancel().set(true);
    }
  }

  private static WaitedRun verdict(WaitTarget t, WaitedRun.Verdict verdict, Optional<Run> run) {
    return new WaitedRun(t.address(), t.id(), verdict, run, Optional.of(t.due()), !t.enabled());
  }
}
