package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Schema Registry tenant collection ({@code schemas}, {@code fieldgroups}, {@code datatypes}):
 * XDM documents with {@code $id}, {@code meta:altId} and a title. GETs need a versioned {@code
 * Accept} header (AEP answers 406 without one, although the Swagger spec lists {@code
 * application/json}; xdm/api/getting-started.md).
 */
final class SchemaRegistryApi implements Crud {
  static final String BASE = "/data/foundation/schemaregistry/tenant/";
  static final String ACCEPT_ONE = "application/vnd.adobe.xed+json; version=1";
  static final String ACCEPT_IDS = "application/vnd.adobe.xed-id+json";
  static final String ACCEPT_ALL = "application/vnd.adobe.xed+json";

  private final String path;

  SchemaRegistryApi(String collection) {
    this.path = BASE + collection;
  }

  @Override
  public Remote create(PlatformClient client, JsonNode body) {
    return fromDocument(client.send(ApiRequest.post(path, body)).body());
  }

  @Override
  public Optional<Remote> read(PlatformClient client, String id) {
    ApiRequest get =
        ApiRequest.get(path + "/" + ApiRequest.segment(id)).withHeader("Accept", ACCEPT_ONE);
    return client.sendOrAbsent(get).map(r -> fromDocument(r.body()));
  }

  /** Titles are unique per sandbox: at most one match, read whole for its creation time. */
  List<Remote> findByTitle(PlatformClient client, String title) {
    ApiRequest list =
        ApiRequest.get(path)
            .withQuery("property", "title==" + title)
            .withHeader("Accept", ACCEPT_IDS);
    List<Remote> found = new ArrayList<>();
    for (JsonNode result : client.send(list).body().path("results")) {
      if (result.path("title").asText().equals(title)) {
        read(client, result.path("$id").asText()).ifPresent(found::add);
      }
    }
    return found;
  }

  /** Replaces the document as a whole: PUT takes the same body as create. */
  Remote replace(PlatformClient client, Remote current, JsonNode body) {
    return fromDocument(
        client.send(ApiRequest.put(path + "/" + ApiRequest.segment(altId(current)), body)).body());
  }

  /** A JSON Patch of the document (Schema Registry takes RFC 6902 arrays). */
  Remote patch(PlatformClient client, Remote current, JsonNode patch) {
    return fromDocument(
        client
            .send(ApiRequest.patch(path + "/" + ApiRequest.segment(altId(current)), patch))
            .body());
  }

  /** Every document of the collection in the sandbox, whole, ordered by title and paged by it. */
  @Override
  public List<Remote> list(PlatformClient client) {
    Map<String, Remote> found = new LinkedHashMap<>();
    ApiRequest request = page("");
    for (int n = 0; n < 10_000; n++) {
      JsonNode body = client.send(request).body();
      body.path("results")
          .forEach(doc -> found.putIfAbsent(doc.path("$id").asText(), fromDocument(doc)));
      JsonNode next = body.path("_page").path("next");
      if (next.isNull() || next.asText("").isEmpty()) {
        break;
      }
      request = page(next.asText());
    }
    return List.copyOf(found.values());
  }

  private ApiRequest page(String start) {
    ApiRequest request =
        ApiRequest.get(path).withQuery("orderby", "title").withHeader("Accept", ACCEPT_ALL);
    if (!start.isEmpty()) {
      request = request.withQuery("start", start);
    }
    return request.withQuery("limit", "100");
  }

  void delete(PlatformClient client, Remote remote) {
    client.sendOrAbsent(ApiRequest.delete(path + "/" + ApiRequest.segment(altId(remote))));
  }

  private static String altId(Remote remote) {
    return remote.attributes().get("altId") instanceof Value.Str s ? s.value() : remote.id();
  }

  private static Remote fromDocument(JsonNode doc) {
    String id = doc.path("$id").asText();
    String altId = doc.path("meta:altId").asText();
    String title = doc.path("title").asText();
    return new Remote(
        id,
        title,
        "",
        Map.of(
            "id", new Value.Str(id), "altId", new Value.Str(altId), "title", new Value.Str(title)),
        Values.fromJson(doc),
        created(doc.path("meta:registryMetadata")));
  }

  /**
   * When the registry created the document: Adobe's answers spell it {@code repo:createdDate} and,
   * in some examples, {@code repo:createDate} (xdm/api/schemas.md, field-groups.md): either is
   * read.
   */
  private static Instant created(JsonNode metadata) {
    long millis = metadata.path("repo:createdDate").asLong(0);
    if (millis == 0) {
      millis = metadata.path("repo:createDate").asLong(0);
    }
    return Instant.ofEpochMilli(millis);
  }
}
