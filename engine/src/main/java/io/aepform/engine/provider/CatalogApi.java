package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.provider.http.PlatformException;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Catalog datasets: create answers {@code ["@/dataSets/{id}"]}; GET and list answer objects keyed
 * by id; lists are paged with {@code limit} (at most 100) and {@code start}.
 */
final class CatalogApi implements Crud {
  static final String PATH = "/data/foundation/catalog/dataSets";
  private static final int PAGE = 100;

  private final Clock clock;
  private final String properties;

  /** {@code compared}: the fields a list must return (the kind's, plus when it was created). */
  CatalogApi(Clock clock, List<String> compared) {
    this.clock = clock;
    this.properties = String.join(",", compared) + ",created";
  }

  @Override
  public Remote create(PlatformClient client, JsonNode body) {
    Instant now = clock.instant();
    ApiRequest post = ApiRequest.post(PATH, body).withQuery("requestDataSource", "true");
    JsonNode answer = client.send(post).body();
    String ref = answer.isArray() && answer.size() == 1 ? answer.get(0).asText() : "";
    if (!ref.startsWith("@/dataSets/")) {
      throw new PlatformException(
          PlatformException.Code.UNEXPECTED_ANSWER,
          "Catalog answered the dataset create with " + answer + ", not [\"@/dataSets/{id}\"]");
    }
    String id = ref.substring("@/dataSets/".length());
    return remote(id, body.path("name").asText(), Values.fromJson(body), now);
  }

  @Override
  public Optional<Remote> read(PlatformClient client, String id) {
    return client
        .sendOrAbsent(ApiRequest.get(PATH + "/" + ApiRequest.segment(id)))
        .map(r -> r.body().path(id))
        .filter(JsonNode::isObject)
        .map(
            d ->
                remote(
                    id,
                    d.path("name").asText(),
                    Values.fromJson(d),
                    Instant.ofEpochMilli(d.path("created").asLong(0))));
  }

  List<Remote> findByName(PlatformClient client, String name) {
    return pages(client, ApiRequest.get(PATH).withQuery("property", "name==" + name), name);
  }

  /** Every dataset of the sandbox, 100 at a time. */
  @Override
  public List<Remote> list(PlatformClient client) {
    return pages(client, ApiRequest.get(PATH), null);
  }

  /**
   * Pages through a list by offset until a page comes back empty: some Catalog queries answer fewer
   * objects than the {@code limit} asked (catalog/api/filter-data.md: at most 20 with {@code
   * observableSchema}), so a short page is not the last. Each object carries only the fields the
   * kind compares ({@code properties}), in a stable order ({@code orderBy}).
   */
  private List<Remote> pages(PlatformClient client, ApiRequest base, String name) {
    List<Remote> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int start = 0;
    for (int n = 0; n < 100_000; n++) {
      ApiRequest list =
          base.withQuery("properties", properties)
              .withQuery("orderBy", "asc:created")
              .withQuery("limit", Integer.toString(PAGE))
              .withQuery("start", Integer.toString(start));
      JsonNode page = client.send(list).body();
      // a page with nothing new ends the list too: a platform that ignored start would otherwise
      // answer the same page 100,000 times
      if (page.isEmpty() || !anyNew(page, seen)) {
        break;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = page.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!seen.add(e.getKey())) {
          continue;
        }
        String objectName = e.getValue().path("name").asText();
        if (name == null || objectName.equals(name)) {
          found.add(
              remote(
                  e.getKey(),
                  objectName,
                  Values.fromJson(e.getValue()),
                  Instant.ofEpochMilli(e.getValue().path("created").asLong(0))));
        }
      }
      start += page.size();
    }
    return found;
  }

  private static boolean anyNew(JsonNode page, Set<String> seen) {
    for (Iterator<String> ids = page.fieldNames(); ids.hasNext(); ) {
      if (!seen.contains(ids.next())) {
        return true;
      }
    }
    return false;
  }

  /** A JSON Patch, which Catalog takes with its own media type (a merge patch otherwise). */
  Remote update(PlatformClient client, Remote current, ArrayNode patch) {
    client.send(
        ApiRequest.patch(PATH + "/" + ApiRequest.segment(current.id()), patch)
            .withHeader("Content-Type", "application/json-patch+json"));
    return current;
  }

  void delete(PlatformClient client, Remote remote) {
    client.sendOrAbsent(ApiRequest.delete(PATH + "/" + ApiRequest.segment(remote.id())));
  }

  private static Remote remote(String id, String name, Value body, Instant created) {
    return new Remote(
        id, name, "", Map.of("id", new Value.Str(id), "name", new Value.Str(name)), body, created);
  }
}
