package io.aepform.engine.apply;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.error.AepformException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  List<Outcome> walk(List<ResourceChange> changes) {
    Map<Address, ResourceChange> todo = new LinkedHashMap<>();
    changes.stream().filter(c -> c.action() != Action.NO_OP).forEach(c -> todo.put(c.address(), c));
    Map<Address, Set<Address>> waitsFor = WaitGraph.of(todo);
    Map<Address, Outcome> outcomes = new LinkedHashMap<>();
    Map<Address, Instant> running = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "aepform-apply"));
    ScheduledExecutorService beat =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "aepform-heartbeat"));
    beat.scheduleAtFixedRate(() -> heartbeat(todo, running), 10, 10, TimeUnit.SECONDS);
    ExecutorCompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
    try {
      int inFlight = 0;
      Set<Address> started = new HashSet<>();
      while (true) {
        for (ResourceChange c : todo.values()) {
          if (started.contains(c.address()) || ctx.cancelled().get()) {
            continue;
          }
          Set<Address> deps = waitsFor.get(c.address());
          Address blocker =
              deps.stream()
                  .filter(
                      d ->
                          outcomes.containsKey(d)
                              && outcomes.get(d).status() != Outcome.Status.DONE)
                  .findFirst()
                  .orElse(null);
          if (blocker != null) {
            started.add(c.address());
            outcomes.put(c.address(), skip(c, blocker + " did not complete"));
          } else if (deps.stream().allMatch(d -> outcomes.containsKey(d))) {
            started.add(c.address());
            done.submit(() -> run(c, running));
            inFlight++;
          }
        }
        if (inFlight == 0) {
          break;
        }
        Outcome o = done.take().get();
        outcomes.put(o.address(), o);
        inFlight--;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      beat.shutdownNow();
      pool.shutdown();
    }
    List<Outcome> ordered = new ArrayList<>();
    for (ResourceChange c : todo.values()) {
      Outcome o = outcomes.get(c.address());
      ordered.add(o != null ? o : skip(c, "the apply was interrupted"));
    }
    return ordered;
  }

  private Outcome skip(ResourceChange c, String because) {
    ctx.listener().skipped(c.address(), because);
    return new Outcome(c.address(), c.action(), Outcome.Status.SKIPPED, because);
  }

  private Outcome run(ResourceChange c, Map<Address, Instant> running) {
    Instant start = ctx.clock().instant();
    running.put(c.address(), start);
    ctx.listener().starting(c.address(), c.action());
    try {
      String id = "";
      switch (c.action()) {
        case CREATE -> id = operations.create(c);
        case UPDATE -> id = operations.update(c);
        case DELETE -> operations.delete(c);
        case REPLACE -> {
          operations.delete(c);
          id = operations.create(c);
        }
        default -> throw new IllegalStateException(c.action() + " has nothing to do");
      }
      ctx.listener()
          .finished(c.address(), c.action(), Duration.between(start, ctx.clock().instant()), id);
      return new Outcome(c.address(), c.action(), Outcome.Status.DONE, id);
    } catch (AepformException e) {
      return failed(c, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(c, "interrupted");
    } catch (RuntimeException e) {
      return failed(c, "internal error: " + e);
    } finally {
      running.remove(c.address());
    }
  }

  private Outcome failed(ResourceChange c, String message) {
    ctx.listener().failed(c.address(), c.action(), message);
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

  /** Which changes wait for which: creates after what they need, deletes after their dependents. */
  static final class WaitGraph {
    private WaitGraph() {}

    static Map<Address, Set<Address>> of(Map<Address, ResourceChange> todo) {
      Map<Address, Set<Address>> waits = new HashMap<>();
      todo.keySet().forEach(a -> waits.put(a, new HashSet<>()));
      for (ResourceChange c : todo.values()) {
        for (Address dep : c.dependencies()) {
          ResourceChange other = todo.get(dep);
          if (other == null) {
            continue;
          }
          if (c.action() == Action.DELETE && other.action() == Action.DELETE) {
            waits.get(dep).add(c.address());
          } else if (c.action() != Action.DELETE && other.action() != Action.DELETE) {
            waits.get(c.address()).add(dep);
          }
        }
      }
      return waits;
    }
  }
}
