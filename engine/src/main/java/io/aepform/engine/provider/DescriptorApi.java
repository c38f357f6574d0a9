package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.provider.http.PlatformException;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Schema Registry descriptors ({@code /tenant/descriptors}, xdm/api/descriptors.md). They use the
 * {@code xdm} media types, not {@code xed}: a list needs {@code Accept:
 * application/vnd.adobe.xdm+json} (objects, grouped by {@code @type}); a lookup needs none
 * ("Descriptors are not versioned"); a PUT answers 201 with the {@code @id} alone.
 */
final class DescriptorApi implements Crud {
  static final String PATH = SchemaRegistryApi.BASE + "descriptors";
  static final String ACCEPT_LIST = "application/vnd.adobe.xdm+json";

  @Override
  public Remote create(PlatformClient client, JsonNode body) {
    return remote(client.send(ApiRequest.post(PATH, body)).body());
  }

  @Override
  public Optional<Remote> read(PlatformClient client, String id) {
    return client
        .sendOrAbsent(ApiRequest.get(PATH + "/" + ApiRequest.segment(id)))
        .map(r -> remote(r.body()));
  }

  /** Every descriptor, or those whose {@code field} is {@code value} when a filter is given. */
  @Override
  public List<Remote> list(PlatformClient client) {
    return list(client, Optional.empty());
  }

  List<Remote> list(PlatformClient client, Optional<Map.Entry<String, String>> filter) {
    ApiRequest list = ApiRequest.get(PATH).withHeader("Accept", ACCEPT_LIST);
    if (filter.isPresent()) {
      list = list.withQuery("property", filter.get().getKey() + "==" + filter.get().getValue());
    }
    List<Remote> out = new ArrayList<>();
    for (Iterator<JsonNode> groups = client.send(list).body().elements(); groups.hasNext(); ) {
      groups.next().forEach(d -> out.add(remote(d)));
    }
    return out;
  }

  /** A PUT rewrites the descriptor; the answer holds its {@code @id} only. */
  Remote replace(PlatformClient client, Remote current, JsonNode body) {
    JsonNode answer =
        client.send(ApiRequest.put(PATH + "/" + ApiRequest.segment(current.id()), body)).body();
    if (!answer.path("@id").asText().equals(current.id())) {
      throw new PlatformException(
          PlatformException.Code.UNEXPECTED_ANSWER,
          "the Schema Registry answered the update of descriptor "
              + current.id()
              + " with "
              + answer
              + ", not its @id");
    }
    return new Remote(
        current.id(),
        DescriptorApi.name(body),
        "",
        current.attributes(),
        Values.fromJson(body),
        current.createdAt());
  }

  void delete(PlatformClient client, Remote remote) {
    client.sendOrAbsent(ApiRequest.delete(PATH + "/" + ApiRequest.segment(remote.id())));
  }

  private static Remote remote(JsonNode d) {
    String id = d.path("@id").asText();
    return new Remote(
        id,
        name(d),
        "",
        Map.of("id", new Value.Str(id)),
        Values.fromJson(d),
        Instant.ofEpochMilli(d.path("created").asLong(0)));
  }

  /**
   * What a descriptor is called in messages and exports, having no name: its type and property,
   * e.g. {@code identity /_tenant/loyaltyId}.
   */
  static String name(JsonNode d) {
    String type = d.path("@type").asText().replaceFirst("^xdm:(descriptor)?", "");
    return (type.isEmpty()
            ? DescriptorKind.KIND
            : type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1))
        + " "
        + d.path("xdm:sourceProperty").asText();
  }
}
