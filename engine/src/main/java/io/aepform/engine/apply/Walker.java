package io.aepform.engine.apply;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.error.AepformException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Walks a plan's changes with bounded parallelism: a change starts once everything it waits for is
 * done and durable; when one fails, what waits for it is skipped and the rest goes on; once
 * cancelled, nothing new starts and calls in flight finish.
 */
final class Walker {
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);

  private final ApplyContext ctx;
  private final Operations operations;
  private final int threads;

  Walker(ApplyContext ctx, Operations operations, int threads) {
    this.ctx = ctx;
    this.operations = operations;
    this.threads = threads;
  }

  /**
   * One unit of work: the destroy, the create/update, or the follow-up of a change (fields its kind
   * sets only once other objects exist, such as a schema's union tag after its descriptors).
   */
  record Step(Address address, Phase phase) {
    enum Phase {
      DESTROY,
      BUILD,
      FOLLOW_UP
    }

    Step(Address address, boolean destroy) {
      this(address, destroy ? Phase.DESTROY : Phase.BUILD);
    }

    boolean destroy() {
      return phase == Phase.DESTROY;
    }
  }

  /**
   * Which steps are ready: those whose every step waited for has an outcome. Each finished step
   * makes ready only its own dependents, so a walk costs time linear in the steps and waits, not a
   * rescan of all steps per completion. Ready steps come out in the order of the wait graph.
   */
  static final class Schedule {
    private final Map<Step, List<Step>> dependents = new HashMap<>();
    private final Map<Step, Integer> waiting = new HashMap<>();
    private final Map<Step, Integer> rank = new HashMap<>();
    private final PriorityQueue<Step> ready;

    Schedule(Map<Step, Set<Step>> waitsFor) {
      ready = new PriorityQueue<>(Comparator.comparingInt(rank::get));
      waitsFor.forEach(
          (step, deps) -> {
            rank.put(step, rank.size());
            waiting.put(step, deps.size());
            deps.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(step));
          });
      waitsFor.keySet().stream().filter(s -> waiting.get(s) == 0).forEach(ready::add);
    }

    /** The next step ready to start (or to skip), or null when none is ready now. */
    Step next() {
      return ready.poll();
    }

    /** {@code step} has its outcome: what waited only for it is ready now. */
    void finished(Step step) {
      for (Step d : dependents.getOrDefault(step, List.of())) {
        if (waiting.merge(d, -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
    }
  }

  List<Outcome> walk(List<ResourceChange> changes) {
    Map<Address, ResourceChange> todo = new LinkedHashMap<>();
    changes.stream()
        .filter(c -> c.action() != Action.NO_OP && c.action() != Action.FORGET)
        .forEach(c -> todo.put(c.address(), c));
    Map<Step, Set<Step>> waitsFor = WaitGraph.of(todo, ctx.handlers());
    Map<Step, Outcome> outcomes = new LinkedHashMap<>();
    Map<Address, Instant> running = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "aepform-apply"));
    ScheduledExecutorService beat =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "aepform-heartbeat"));
    beat.scheduleAtFixedRate(() -> heartbeat(todo, running), 10, 10, TimeUnit.SECONDS);
    ExecutorCompletionService<Map.Entry<Step, Outcome>> done =
        new ExecutorCompletionService<>(pool);
    try {
      Schedule schedule = new Schedule(waitsFor);
      int inFlight = 0;
      while (true) {
        Step step;
        while (!stopped() && (step = schedule.next()) != null) {
          ResourceChange c = todo.get(step.address());
          Step blocker =
              waitsFor.get(step).stream()
                  .filter(d -> outcomes.get(d).status() != Outcome.Status.DONE)
                  .findFirst()
                  .orElse(null);
          if (blocker != null) {
            outcomes.put(step, skip(c, blocker.address() + " did not complete"));
            schedule.finished(step);
          } else {
            Step started = step;
            done.submit(() -> Map.entry(started, run(c, started.phase(), running)));
            inFlight++;
          }
        }
        if (inFlight == 0) {
          break;
        }
        Map.Entry<Step, Outcome> o = done.take().get();
        outcomes.put(o.getKey(), o.getValue());
        schedule.finished(o.getKey());
        inFlight--;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      beat.shutdownNow();
      pool.shutdown();
    }
    List<Outcome> ordered = new ArrayList<>();
    for (ResourceChange c : todo.values()) {
      ordered.add(outcomeOf(c, outcomes));
    }
    return ordered;
  }

  /** A change's outcome: the first of its steps that did not succeed, else done. */
  private Outcome outcomeOf(ResourceChange c, Map<Step, Outcome> outcomes) {
    Outcome last = null;
    for (Step step : WaitGraph.steps(c, ctx.handlers())) {
      Outcome o = outcomes.get(step);
      if (o == null) {
        return skip(
            c,
            ctx.writer().failure().isPresent()
                ? Outcome.STATE_NOT_WRITABLE
                : "the apply was interrupted");
      }
      if (o.status() != Outcome.Status.DONE) {
        boolean destroyed =
            step.address().equals(c.address()) && !step.destroy() && c.action() == Action.REPLACE;
        return new Outcome(c.address(), c.action(), o.status(), o.message(), destroyed);
      }
      last = o;
    }
    return new Outcome(
        c.address(), c.action(), Outcome.Status.DONE, last == null ? "" : last.message());
  }

  /** Nothing new starts once cancelled, or once state cannot record what a step would do. */
  private boolean stopped() {
    return ctx.cancelled().get() || ctx.writer().failure().isPresent();
  }

  private Outcome skip(ResourceChange c, String because) {
    ctx.listener().skipped(c.address(), because);
    return new Outcome(c.address(), c.action(), Outcome.Status.SKIPPED, because);
  }

  private Outcome run(ResourceChange c, Step.Phase phase, Map<Address, Instant> running) {
    boolean destroy = phase == Step.Phase.DESTROY;
    boolean followUp = phase == Step.Phase.FOLLOW_UP;
    Action shown =
        destroy
            ? Action.DELETE
            : followUp
                ? Action.UPDATE
                : (c.action() == Action.REPLACE ? Action.CREATE : c.action());
    Instant start = ctx.clock().instant();
    running.put(c.address(), start);
    ctx.listener().starting(c.address(), shown);
    try {
      String id = "";
      boolean deferring = WaitGraph.followsUp(c, ctx.handlers());
      if (destroy) {
        operations.delete(c);
      } else if (followUp) {
        id = operations.followUp(c);
      } else if (c.action() == Action.UPDATE) {
        id = operations.update(c, deferring);
      } else {
        id = operations.create(c, deferring);
      }
      ctx.listener()
          .finished(c.address(), shown, Duration.between(start, ctx.clock().instant()), id);
      return new Outcome(c.address(), c.action(), Outcome.Status.DONE, id);
    } catch (Operations.Cancelled e) {
      return skip(c, e.getMessage());
    } catch (AepformException e) {
      return failed(c, shown, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(c, shown, "interrupted");
    } catch (RuntimeException e) {
      return failed(c, shown, "internal error: " + e);
    } finally {
      running.remove(c.address());
    }
  }

  private Outcome failed(ResourceChange c, Action shown, String message) {
    ctx.listener().failed(c.address(), shown, message);
    return new Outcome(c.address(), c.action(), Outcome.Status.FAILED, message);
  }

  private void heartbeat(Map<Address, ResourceChange> todo, Map<Address, Instant> running) {
    Instant now = ctx.clock().instant();
    running.forEach(
        (a, since) -> {
          Duration elapsed = Duration.between(since, now);
          if (elapsed.compareTo(HEARTBEAT) >= 0) {
            ctx.listener().stillRunning(a, todo.get(a).action(), elapsed);
          }
        });
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
