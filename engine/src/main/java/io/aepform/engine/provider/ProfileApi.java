package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profile merge policies ({@code /data/core/ups/config/mergePolicies}, profile/api/
 * merge-policies.md, profile.yaml): POST and PUT answer 200 with the whole policy, DELETE 200 with
 * an empty body; lists answer {@code {"children": [...], "_links": {"next": {"href"}}}}.
 */
final class ProfileApi implements Crud {
  static final String PATH = "/data/core/ups/config/mergePolicies";
  private static final String PAGE = "100";

  @Override
  public Remote create(PlatformClient client, JsonNode body) {
    return remote(client.send(ApiRequest.post(PATH, body)).body());
  }

  @Override
  public Optional<Remote> read(PlatformClient client, String id) {
    return client.sendOrAbsent(ApiRequest.get(path(id))).map(r -> remote(r.body()));
  }

  /**
   * Every policy of the sandbox, Adobe's default one included, page by page: the next page is the
   * {@code start} of {@code _links.next.href} (an opaque token in Adobe's answers), "" on the last.
   */
  @Override
  public List<Remote> list(PlatformClient client) {
    List<Remote> found = new ArrayList<>();
    ApiRequest page = ApiRequest.get(PATH).withQuery("limit", PAGE);
    for (int n = 0; n < 10_000; n++) {
      JsonNode body = client.send(page).body();
      JsonNode children = body.path("children");
      children.forEach(p -> found.add(remote(p)));
      Optional<String> start = start(body.path("_links").path("next").path("href").asText(""));
      if (start.isEmpty() || children.isEmpty()) {
        break;
      }
      page = ApiRequest.get(PATH).withQuery("start", start.get()).withQuery("limit", PAGE);
    }
    return found;
  }

  /** The {@code start} parameter of a next-page href ({@code @/mergePolicies?start=...}). */
  private static Optional<String> start(String href) {
    int q = href.indexOf('?');
    if (q < 0) {
      return Optional.empty();
    }
    for (String pair : href.substring(q + 1).split("&")) {
      if (pair.startsWith("start=") && pair.length() > "start=".length()) {
        return Optional.of(
            URLDecoder.decode(pair.substring("start=".length()), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /** Overwrites the whole policy (merge-policies.md, "Overwrite a merge policy"). */
  Remote replace(PlatformClient client, String id, JsonNode body) {
    return remote(client.send(ApiRequest.put(path(id), body)).body());
  }

  void delete(PlatformClient client, String id) {
    client.sendOrAbsent(ApiRequest.delete(path(id)));
  }

  private static String path(String id) {
    return PATH + "/" + ApiRequest.segment(id);
  }

  private static Remote remote(JsonNode policy) {
    String id = policy.path("id").asText();
    String name = policy.path("name").asText("");
    return new Remote(
        id,
        name,
        "",
        Map.of("id", new Value.Str(id), "name", new Value.Str(name)),
        Values.fromJson(policy),
        Instant.EPOCH);
  }
}
