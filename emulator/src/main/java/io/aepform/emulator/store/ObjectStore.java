package io.aepform.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All objects, by scope, kind and id, in creation order. Callers hold the store's monitor for a
 * whole request ({@code synchronized (store)}) so that checks and writes are atomic; every write is
 * handed to the {@link FileStore} (if any) before the call returns.
 */
public final class ObjectStore {
  private final Map<Scope, Map<ResourceKind, LinkedHashMap<String, ObjectNode>>> data =
      new ConcurrentHashMap<>();
  private final Optional<FileStore> files;
  private final Clock clock;

  /** When each object was last written through this store, for {@link #listVisible}. */
  private final Map<Scope, Map<ResourceKind, Map<String, Instant>>> written =
      new ConcurrentHashMap<>();

  private Duration listLag = Duration.ZERO;

  public ObjectStore(Optional<FileStore> files) {
    this(files, Clock.systemUTC());
  }

  public ObjectStore(Optional<FileStore> files, Clock clock) {
    this.files = files;
    this.clock = clock;
    files.ifPresent(f -> f.loadInto(this::load));
  }

  private void load(Scope scope, ResourceKind kind, LinkedHashMap<String, ObjectNode> objects) {
    bucket(scope, kind).putAll(objects);
  }

  private LinkedHashMap<String, ObjectNode> bucket(Scope scope, ResourceKind kind) {
    return data.computeIfAbsent(scope, s -> new EnumMap<>(ResourceKind.class))
        .computeIfAbsent(kind, k -> new LinkedHashMap<>());
  }

  /** The stored object itself (not a copy): callers must not mutate it. */
  public synchronized Optional<ObjectNode> get(Scope scope, ResourceKind kind, String id) {
    return Optional.ofNullable(bucket(scope, kind).get(id));
  }

  /** Stored objects in creation order (the list is a copy; the objects are not). */
  public synchronized List<Map.Entry<String, ObjectNode>> list(Scope scope, ResourceKind kind) {
    return new ArrayList<>(bucket(scope, kind).entrySet());
  }

  /**
   * What a list call answers: {@link #list} without the objects created or changed less than the
   * list lag ago, as a platform whose search index lags its store would (an option for tests).
   */
  public synchronized List<Map.Entry<String, ObjectNode>> listVisible(
      Scope scope, ResourceKind kind) {
    List<Map.Entry<String, ObjectNode>> all = list(scope, kind);
    if (listLag.isZero()) {
      return all;
    }
    Instant cutoff = clock.instant().minus(listLag);
    Map<String, Instant> times = writes(scope, kind);
    all.removeIf(e -> times.getOrDefault(e.getKey(), Instant.MIN).isAfter(cutoff));
    return all;
  }

  public synchronized void setListLag(Duration lag) {
    if (lag.isNegative()) {
      throw new IllegalArgumentException("list lag must not be negative: " + lag);
    }
    this.listLag = lag;
  }

  private Map<String, Instant> writes(Scope scope, ResourceKind kind) {
    return written
        .computeIfAbsent(scope, s -> new EnumMap<>(ResourceKind.class))
        .computeIfAbsent(kind, k -> new HashMap<>());
  }

  public synchronized void put(Scope scope, ResourceKind kind, String id, ObjectNode object) {
    writes(scope, kind).put(id, clock.instant());
    bucket(scope, kind).put(id, object);
    files.ifPresent(f -> f.write(scope, kind, id, object));
  }

  public synchronized boolean remove(Scope scope, ResourceKind kind, String id) {
    writes(scope, kind).remove(id);
    boolean removed = bucket(scope, kind).remove(id) != null;
    if (removed) {
      files.ifPresent(f -> f.delete(scope, kind, id));
    }
    return removed;
  }

  public synchronized int count(Scope scope, ResourceKind kind) {
    return bucket(scope, kind).size();
  }
}
