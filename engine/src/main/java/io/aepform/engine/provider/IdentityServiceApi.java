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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Identity Service namespaces ({@code /data/core/idnamespace/identities}, identity-service.yaml;
 * identity-service/api/create-custom-namespace.md, list-namespaces.md): a list (a bare array,
 * standard and custom namespaces together), create (answers 200 with the namespace), lookup and
 * replace by the numeric id. There is no DELETE.
 */
final class IdentityServiceApi implements Crud {
  static final String PATH = "/data/core/idnamespace/identities";

  @Override
  public Remote create(PlatformClient client, JsonNode body) {
    return remote(client.send(ApiRequest.post(PATH, body)).body());
  }

  @Override
  public Optional<Remote> read(PlatformClient client, String id) {
    if (!id.matches("[0-9]{1,18}")) {
      return Optional.empty(); // ids are numeric; the API answers 400 to anything else
    }
    return client.sendOrAbsent(ApiRequest.get(PATH + "/" + id)).map(r -> remote(r.body()));
  }

  @Override
  public List<Remote> list(PlatformClient client) {
    List<Remote> out = new ArrayList<>();
    client.send(ApiRequest.get(PATH)).body().forEach(n -> out.add(remote(n)));
    return out;
  }

  /**
   * Replaces the namespace. The spec types the answer as an array of one namespace, while the other
   * calls answer the object itself: either is read.
   */
  Remote replace(PlatformClient client, String id, JsonNode body) {
    JsonNode answer = client.send(ApiRequest.put(PATH + "/" + id, body)).body();
    JsonNode ns = answer.isArray() && answer.size() == 1 ? answer.get(0) : answer;
    if (!ns.isObject()) {
      throw new PlatformException(
          PlatformException.Code.UNEXPECTED_ANSWER,
          "Identity Service answered the namespace update with " + answer + ", not the namespace");
    }
    return remote(ns);
  }

  private static Remote remote(JsonNode ns) {
    String id = ns.path("id").asText();
    String code = ns.path("code").asText();
    return new Remote(
        id,
        ns.path("name").asText(),
        "",
        Map.of(
            "id",
            new Value.Str(id),
            "code",
            new Value.Str(code),
            "name",
            new Value.Str(ns.path("name").asText())),
        Values.fromJson(ns),
        Instant.ofEpochMilli(ns.path("createTime").asLong(0)));
  }
}
