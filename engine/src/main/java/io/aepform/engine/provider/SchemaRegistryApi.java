package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schema Registry tenant schemas. GETs need a versioned {@code Accept} header (AEP answers 406
 * without one, although the Swagger spec lists {@code application/json}).
 */
final class SchemaRegistryApi {
  static final String PATH = "/data/foundation/schemaregistry/tenant/schemas";
  static final String ACCEPT_ONE = "application/vnd.adobe.xed+json; version=1";
  static final String ACCEPT_IDS = "application/vnd.adobe.xed-id+json";

  private SchemaRegistryApi() {}

  static Remote create(PlatformClient client, JsonNode body) {
    return fromSchema(client.send(ApiRequest.post(PATH, body)).body());
  }

  static Optional<Remote> read(PlatformClient client, String id) {
    ApiRequest get =
        ApiRequest.get(PATH + "/" + ApiRequest.segment(id)).withHeader("Accept", ACCEPT_ONE);
    return client.sendOrAbsent(get).map(r -> fromSchema(r.body()));
  }

  /** Titles are unique per sandbox: at most one match, read whole for its creation time. */
  static List<Remote> findByTitle(PlatformClient client, String title) {
    ApiRequest list =
        ApiRequest.get(PATH)
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

  /** Replaces the schema as a whole: PUT takes the same body as create. */
  static Remote update(PlatformClient client, Remote current, JsonNode body) {
    return fromSchema(
        client.send(ApiRequest.put(PATH + "/" + ApiRequest.segment(altId(current)), body)).body());
  }

  private static String altId(Remote remote) {
    return remote.attributes().get("altId") instanceof Value.Str s ? s.value() : remote.id();
  }

  /** Every tenant schema of the sandbox, whole, ordered by title and paged by it. */
  static List<Remote> list(PlatformClient client) {
    Map<String, Remote> found = new java.util.LinkedHashMap<>();
    ApiRequest request =
        ApiRequest.get(PATH)
            .withQuery("orderby", "title")
            .withQuery("limit", "100")
            .withHeader("Accept", "application/vnd.adobe.xed+json");
    for (int page = 0; page < 10_000; page++) {
      JsonNode body = client.send(request).body();
      body.path("results")
          .forEach(schema -> found.putIfAbsent(schema.path("$id").asText(), fromSchema(schema)));
      String next = body.path("_page").path("next").asText("");
      if (next.isEmpty() || body.path("_page").path("next").isNull()) {
        break;
      }
      request =
          ApiRequest.get(PATH)
              .withQuery("orderby", "title")
              .withQuery("start", next)
              .withQuery("limit", "100")
              .withHeader("Accept", "application/vnd.adobe.xed+json");
    }
    return List.copyOf(found.values());
  }

  static void delete(PlatformClient client, Remote remote) {
    String altId =
        remote.attributes().get("altId") instanceof Value.Str s ? s.value() : remote.id();
    client.sendOrAbsent(ApiRequest.delete(PATH + "/" + ApiRequest.segment(altId)));
  }

  private static Remote fromSchema(JsonNode schema) {
    String id = schema.path("$id").asText();
    String altId = schema.path("meta:altId").asText();
    String title = schema.path("title").asText();
    long created = schema.path("meta:registryMetadata").path("repo:createdDate").asLong(0);
    return new Remote(
        id,
        title,
        "",
        Map.of(
            "id", new Value.Str(id), "altId", new Value.Str(altId), "title", new Value.Str(title)),
        Values.fromJson(schema),
        Instant.ofEpochMilli(created));
  }
}
