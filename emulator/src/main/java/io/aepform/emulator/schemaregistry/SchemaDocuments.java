package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.flowservice.FlowObjects;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Violation;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Validates a client's schema and builds the full document the registry returns. */
final class SchemaDocuments {
  /** Fields the registry sets; a client's values for them are ignored (POST, PUT). */
  static final Set<String> SERVER_FIELDS =
      Set.of(
          "$id",
          "meta:altId",
          "meta:resourceType",
          "version",
          "refs",
          "imsOrg",
          "meta:extensible",
          "meta:abstract",
          "meta:extends",
          "meta:xdmType",
          "meta:registryMetadata",
          "meta:containerId",
          "meta:sandboxId",
          "meta:sandboxType",
          "meta:tenantNamespace");

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  SchemaDocuments(Clock clock) {
    this.clock = clock;
  }

  /** Checks the fields a client must send (createSchema) and returns the schema's class. */
  static String check(ObjectNode body) {
    Fields.requireString(body, "title", "title");
    if (!"object".equals(Fields.requireString(body, "type", "type"))) {
      throw new Violation("field 'type' must be \"object\"");
    }
    JsonNode description = body.get("description");
    if (description == null || !description.isTextual()) {
      throw new Violation("missing required string field 'description' (send \"\" for none)");
    }
    JsonNode allOf = body.get("allOf");
    if (allOf == null || !allOf.isArray() || allOf.isEmpty()) {
      throw new Violation("field 'allOf' must be a non-empty array of {\"$ref\": ...}");
    }
    Set<String> refs = new LinkedHashSet<>();
    for (JsonNode item : allOf) {
      String ref = Fields.requireString(item, "$ref", "allOf[].$ref");
      if (!ref.startsWith("https://ns.adobe.com/")) {
        throw new Violation("allOf[].$ref '" + ref + "' is not an XDM resource id");
      }
      refs.add(ref);
    }
    Fields.optionalString(body, "meta:class", "meta:class");
    String cls = body.has("meta:class") ? body.get("meta:class").asText() : refs.iterator().next();
    if (!refs.contains(cls)) {
      throw new Violation("meta:class '" + cls + "' must be one of the allOf references");
    }
    return cls;
  }

  /** The full document for a client body; {@code existing} keeps identity and creation data. */
  ObjectNode build(ObjectNode body, Caller caller, Optional<ObjectNode> existing) {
    String cls = check(body);
    String tenant = SchemaIds.tenant(caller.orgId());
    ObjectNode doc = identity(tenant, existing);
    doc.put("title", body.get("title").asText()).put("type", "object");
    doc.put("description", body.get("description").asText());
    Set<String> refs = addAllOf(doc, body);
    refs.forEach(doc.putArray("refs")::add);
    doc.put("imsOrg", caller.orgId()).put("meta:extensible", false).put("meta:abstract", false);
    ArrayNode ext = doc.putArray("meta:extends");
    refs.forEach(ext::add);
    ext.add("https://ns.adobe.com/xdm/common/auditable")
        .add("https://ns.adobe.com/xdm/data/record");
    doc.put("meta:xdmType", "object");
    doc.set("meta:registryMetadata", metadata(caller, existing));
    doc.put("meta:class", cls).put("meta:containerId", "tenant");
    doc.put("meta:sandboxId", FlowObjects.sandboxId(caller.scope()));
    doc.put("meta:sandboxType", caller.sandbox().equals("prod") ? "production" : "development");
    doc.put("meta:tenantNamespace", "_" + tenant);
    copyClientFields(body, doc);
    return doc;
  }

  /** {@code $id}, {@code meta:altId} and version: new, or kept (version bumped) on update. */
  private static ObjectNode identity(String tenant, Optional<ObjectNode> existing) {
    String hex = SchemaIds.newHex();
    ObjectNode doc = Json.object();
    doc.put("$id", existing.map(e -> e.get("$id").asText()).orElse(SchemaIds.id(tenant, hex)));
    doc.put(
        "meta:altId",
        existing.map(e -> e.get("meta:altId").asText()).orElse(SchemaIds.altId(tenant, hex)));
    doc.put("meta:resourceType", "schemas");
    doc.put("version", existing.map(e -> nextVersion(e.path("version").asText())).orElse("1.0"));
    return doc;
  }

  /** The client's allOf, each item typed as the registry answers it; returns the refs. */
  private static Set<String> addAllOf(ObjectNode doc, ObjectNode body) {
    ArrayNode allOf = doc.putArray("allOf");
    Set<String> refs = new LinkedHashSet<>();
    for (JsonNode item : body.get("allOf")) {
      ObjectNode copy = ((ObjectNode) item).deepCopy();
      allOf.add(copy.put("type", "object").put("meta:xdmType", "object"));
      refs.add(item.get("$ref").asText());
    }
    return refs;
  }

  /** Other client fields (properties, definitions, meta:immutableTags, ...) are kept as sent. */
  private static void copyClientFields(ObjectNode body, ObjectNode doc) {
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!doc.has(e.getKey()) && !SERVER_FIELDS.contains(e.getKey())) {
        doc.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  private ObjectNode metadata(Caller caller, Optional<ObjectNode> existing) {
    long now = clock.millis();
    JsonNode old = existing.map(e -> e.path("meta:registryMetadata")).orElse(Json.object());
    byte[] etag = new byte[32];
    random.nextBytes(etag);
    return Json.object()
        .put("repo:createdDate", old.path("repo:createdDate").asLong(now))
        .put("repo:lastModifiedDate", now)
        .put("xdm:createdClientId", old.path("xdm:createdClientId").asText(caller.clientId()))
        .put("xdm:lastModifiedClientId", caller.clientId())
        .put(
            "xdm:createdUserId",
            old.path("xdm:createdUserId").asText(caller.clientId() + "@AdobeID"))
        .put("xdm:lastModifiedUserId", caller.clientId() + "@AdobeID")
        .put("eTag", HexFormat.of().formatHex(etag));
  }

  /** {@code 1.0 -> 1.1}: the registry bumps the minor version on every change. */
  static String nextVersion(String version) {
    String[] p = version.split("\\.");
    try {
      return p[0] + "." + (Integer.parseInt(p.length > 1 ? p[1] : "0") + 1);
    } catch (NumberFormatException e) {
      return "1.1";
    }
  }
}
