package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code meta:registryMetadata}: who created and changed a resource, and when. Adobe's pages show
 * two forms and the emulator answers each where the page shows it (issue 16):
 *
 * <ul>
 *   <li>lookups, lists and every field group and data type answer: {@code repo:createdDate}, {@code
 *       repo:lastModifiedDate}, {@code xdm:createdClientId}, {@code xdm:lastModifiedClientId},
 *       {@code xdm:createdUserId}, {@code xdm:lastModifiedUserId}, {@code eTag}
 *       (help/xdm/api/schemas.md "Look up a schema", field-groups.md, data-types.md);
 *   <li>schema POST, PUT and PATCH answers: {@code repo:createDate}, {@code repo:lastModifiedDate},
 *       {@code xdm:createdClientId}, {@code xdm:repositoryCreatedBy} (help/xdm/api/schemas.md
 *       "Create a schema", "Update a schema", "Update a portion").
 * </ul>
 */
final class RegistryMetadata {
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  RegistryMetadata(Clock clock) {
    this.clock = clock;
  }

  /** The stored (lookup) form; {@code existing} keeps the creation data. */
  ObjectNode stored(Caller caller, Optional<ObjectNode> existing) {
    long now = clock.millis();
    JsonNode old = existing.map(e -> e.path("meta:registryMetadata")).orElse(Json.object());
    byte[] etag = new byte[32];
    random.nextBytes(etag);
    String user = caller.clientId() + "@AdobeID";
    return Json.object()
        .put("repo:createdDate", old.path("repo:createdDate").asLong(now))
        .put("repo:lastModifiedDate", now)
        .put("xdm:createdClientId", old.path("xdm:createdClientId").asText(caller.clientId()))
        .put("xdm:lastModifiedClientId", caller.clientId())
        .put("xdm:createdUserId", old.path("xdm:createdUserId").asText(user))
        .put("xdm:lastModifiedUserId", user)
        .put("eTag", HexFormat.of().formatHex(etag));
  }

  /** A copy of a stored schema as its POST, PUT and PATCH answers show it. */
  static ObjectNode schemaWriteAnswer(ObjectNode stored) {
    ObjectNode doc = stored.deepCopy();
    JsonNode m = stored.path("meta:registryMetadata");
    doc.set(
        "meta:registryMetadata",
        Json.object()
            .put("repo:createDate", m.path("repo:createdDate").asLong())
            .put("repo:lastModifiedDate", m.path("repo:lastModifiedDate").asLong())
            .put("xdm:createdClientId", m.path("xdm:createdClientId").asText())
            .put("xdm:repositoryCreatedBy", m.path("xdm:createdUserId").asText()));
    return doc;
  }
}
