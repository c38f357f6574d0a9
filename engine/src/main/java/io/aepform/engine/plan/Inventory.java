package io.aepform.engine.plan;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.error.CancelledException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What plan asks the platform, in as few calls as it can: for a kind with more than a couple of
 * lookups, one paged list answers them all; otherwise one call per lookup. A resource missing from
 * a list is read by id before it counts as gone, since a list can lag behind a write.
 */
public final class Inventory {
  /** With this many lookups of a kind or fewer, single calls are cheaper than a list. */
  private static final int LIST_ABOVE = 2;

  private final PlatformClient client;
  private final Map<String, Kind> handlers;
  private final Map<String, Integer> lookups;
  private final Map<String, Listing> listed = new HashMap<>();

  /** One kind's list, indexed by id and by name. */
  private record Listing(
      List<Remote> all, Map<String, Remote> byId, Map<String, List<Remote>> byName) {
    static Listing of(List<Remote> all) {
      Map<String, Remote> byId = new HashMap<>();
      Map<String, List<Remote>> byName = new HashMap<>();
      for (Remote r : all) {
        byId.putIfAbsent(r.id(), r);
        byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r);
      }
      return new Listing(List.copyOf(all), byId, byName);
    }
  }

  public Inventory(
      PlatformClient client, Map<String, Kind> handlers, Map<String, Integer> lookups) {
    this.client = client;
    this.handlers = handlers;
    this.lookups = Map.copyOf(lookups);
  }

  /**
   * Lists every kind that will be listed, the kinds at the same time (each kind's pages one after
   * another), so a plan waits for the slowest list rather than for their sum.
   */
  public void prefetch() {
    List<String> kinds =
        lookups.keySet().stream()
            .filter(k -> lookups.get(k) > LIST_ABOVE && !listed.containsKey(k))
            .sorted()
            .toList();
    if (kinds.size() < 2) {
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            kinds.size(),
            r -> {
              Thread t = new Thread(r, "aepform-list");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<List<Remote>>> lists = new ArrayList<>();
      for (String kind : kinds) {
        lists.add(pool.submit(() -> handlers.get(kind).list(client)));
      }
      for (int i = 0; i < kinds.size(); i++) {
        listed.put(kinds.get(i), Listing.of(join(lists.get(i))));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException(
          CancelledException.Code.INTERRUPTED, "Interrupted while listing what the sandbox holds.");
    }
  }

  Optional<Remote> byId(String kind, String id) {
    Optional<Remote> found = list(kind).map(all -> all.byId().get(id));
    return found.isPresent() ? found : handlers.get(kind).read(client, id);
  }

  List<Remote> byName(String kind, String name) {
    return list(kind)
        .map(all -> all.byName().getOrDefault(name, List.of()))
        .orElseGet(() -> handlers.get(kind).findByName(client, name));
  }

  /** Every object of the kind in the sandbox, listed once per plan. */
  List<Remote> all(String kind) {
    return listed.computeIfAbsent(kind, k -> Listing.of(handlers.get(k).list(client))).all();
  }

  private Optional<Listing> list(String kind) {
    if (lookups.getOrDefault(kind, 0) <= LIST_ABOVE) {
      return Optional.empty();
    }
    return Optional.of(listed.computeIfAbsent(kind, k -> Listing.of(handlers.get(k).list(client))));
  }
}
