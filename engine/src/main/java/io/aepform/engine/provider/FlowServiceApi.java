package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.HttpResult;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One Flow Service collection ({@code connections}, {@code sourceConnections}, ...): create answers
 * {@code {id, etag}}, GET answers {@code {"items": [...]}}, lists page through {@code
 * _links.next.href}.
 */
final class FlowServiceApi implements Crud {
  static final String BASE = "/data/foundation/flowservice/";

  private final String collection;
  private final Clock clock;

  FlowServiceApi(String collection, Clock clock) {
    this.collection = collection;
    this.clock = clock;
  }

  @Override
  public Remote create(PlatformClient client, JsonNode body) {
    Instant now = clock.instant();
    HttpResult result = client.send(ApiRequest.post(BASE + collection, body));
    String id = result.body().path("id").asText();
    String etag = result.body().path("etag").asText(result.etag().orElse(""));
    String name = body.path("name").asText();
    return remote(id, name, etag, Values.fromJson(body), now);
  }

  @Override
  public Optional<Remote> read(PlatformClient client, String id) {
    return client
        .sendOrAbsent(ApiRequest.get(path(id)))
        .map(r -> r.body().path("items"))
        .filter(items -> items.isArray() && items.size() > 0)
        .map(items -> fromItem(items.get(0)));
  }

  /** Every object of the collection in the sandbox, page by page. */
  @Override
  public List<Remote> list(PlatformClient client) {
    return pages(client, ApiRequest.get(BASE + collection).withQuery("limit", "100"), item -> true);
  }

  private List<Remote> pages(PlatformClient client, ApiRequest first, Predicate<JsonNode> keep) {
    List<Remote> found = new ArrayList<>();
    ApiRequest request = first;
    for (int page = 0; page < 10_000; page++) {
      JsonNode body = client.send(request).body();
      body.path("items")
          .forEach(
              item -> {
                if (keep.test(item)) {
                  found.add(fromItem(item));
                }
              });
      Optional<ApiRequest> next = next(body);
      if (next.isEmpty()) {
        break;
      }
      request = next.get();
    }
    return found;
  }

  /**
   * The objects named exactly {@code name}. Flow Service reads {@code name==a,b} as a list (a or
   * b): the value is quoted, as Adobe's tutorials write {@code property=name=="..."}
   * (sources/tutorials/api/collect/cloud-storage.md, create-dataset-base-connection.md); a name
   * with a quote in it cannot be quoted, so all are listed and matched here. Matches are checked
   * here either way.
   */
  List<Remote> findByName(PlatformClient client, String name) {
    ApiRequest request = ApiRequest.get(BASE + collection).withQuery("limit", "100");
    if (!name.contains("\"")) {
      request = request.withQuery("property", "name==\"" + name + "\"");
    }
    return pages(client, request, item -> item.path("name").asText().equals(name));
  }

  /**
   * Patches the object with If-Match: its etag. A 412 means someone changed it since: the object is
   * read again and the patch sent once more with the fresh etag.
   */
  Remote update(PlatformClient client, Remote current, ArrayNode patch) {
    String etag = current.etag();
    for (int attempt = 0; ; attempt++) {
      ApiRequest request = ApiRequest.patch(path(current.id()), patch).withHeader("If-Match", etag);
      HttpResult result = client.exchange(request);
      if (result.status() == 412 && attempt == 0) {
        etag = read(client, current.id()).map(Remote::etag).orElse(etag);
        continue;
      }
      if (!result.isSuccess()) {
        throw client.refusal(request, result);
      }
      String fresh = result.body().path("etag").asText(result.etag().orElse(etag));
      return new Remote(
          current.id(),
          current.name(),
          fresh,
          current.attributes(),
          current.body(),
          current.createdAt());
    }
  }

  /** Flow actions such as enable and disable: {@code POST /flows/{id}/action?op=...}. */
  void action(PlatformClient client, String id, String op) {
    client.send(
        ApiRequest.post(path(id) + "/action", JsonNodeFactory.instance.objectNode())
            .withQuery("op", op));
  }

  void delete(PlatformClient client, Remote remote) {
    // an object already gone is what a delete wants
    client.sendOrAbsent(ApiRequest.delete(path(remote.id())));
  }

  private String path(String id) {
    return BASE + collection + "/" + ApiRequest.segment(id);
  }

  /** The next page, from {@code _links.next.href} (absolute or relative to the API). */
  private static Optional<ApiRequest> next(JsonNode body) {
    String href = body.path("_links").path("next").path("href").asText("");
    if (href.isEmpty()) {
      return Optional.empty();
    }
    URI uri = URI.create(href);
    String path =
        uri.getRawPath().startsWith("/data/")
            ? uri.getRawPath()
            : BASE + uri.getRawPath().replaceFirst("^/", "");
    ApiRequest request = ApiRequest.get(path);
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        request = request.withQuery(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.of(request);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static Remote fromItem(JsonNode item) {
    Instant created = Instant.ofEpochMilli(item.path("createdAt").asLong(0));
    return remote(
        item.path("id").asText(),
        item.path("name").asText(),
        item.path("etag").asText(""),
        Values.fromJson(item),
        created);
  }

  private static Remote remote(String id, String name, String etag, Value body, Instant created) {
    return new Remote(
        id,
        name,
        etag,
        Map.of("id", new Value.Str(id), "name", new Value.Str(name)),
        body,
        created);
  }
}
