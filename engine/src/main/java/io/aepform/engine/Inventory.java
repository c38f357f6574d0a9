package io.aepform.engine;

import io.aepform.engine.provider.Remote;
import io.aepform.engine.provider.ResourceHandler;
import io.aepform.engine.provider.http.PlatformClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What plan asks the platform, in as few calls as it can: for a kind with more than a couple of
 * lookups, one paged list answers them all; otherwise one call per lookup. A resource missing from
 * a list is read by id before it counts as gone, since a list can lag behind a write.
 */
final class Inventory {
  /** With this many lookups of a kind or fewer, single calls are cheaper than a list. */
  private static final int LIST_ABOVE = 2;

  private final PlatformClient client;
  private final Map<String, ResourceHandler> handlers;
  private final Map<String, Integer> lookups;
  private final Map<String, List<Remote>> listed = new HashMap<>();

  Inventory(
      PlatformClient client, Map<String, ResourceHandler> handlers, Map<String, Integer> lookups) {
    this.client = client;
    this.handlers = handlers;
    this.lookups = Map.copyOf(lookups);
  }

  Optional<Remote> byId(String kind, String id) {
    Optional<Remote> found =
        list(kind).flatMap(all -> all.stream().filter(r -> r.id().equals(id)).findFirst());
    return found.isPresent() ? found : handlers.get(kind).read(client, id);
  }

  List<Remote> byName(String kind, String name) {
    return list(kind)
        .map(all -> all.stream().filter(r -> r.name().equals(name)).toList())
        .orElseGet(() -> handlers.get(kind).findByName(client, name));
  }

  private Optional<List<Remote>> list(String kind) {
    if (lookups.getOrDefault(kind, 0) <= LIST_ABOVE) {
      return Optional.empty();
    }
    return Optional.of(listed.computeIfAbsent(kind, k -> handlers.get(k).list(client)));
  }
}
