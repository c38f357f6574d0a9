package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.flowservice.FlowObjects;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What every tenant resource (schema, field group, data type) gets from the registry. */
final class XdmDocuments {
  /** Fields the registry sets; a client's values for them are ignored on POST and PUT. */
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

  private XdmDocuments() {}

  /** {@code $id}, {@code meta:altId}, type and version: new, or kept (version bumped). */
  static ObjectNode identity(XdmKind kind, String tenant, Optional<ObjectNode> existing) {
    String hex = SchemaIds.newHex();
    String type = kind.resourceType();
    ObjectNode doc = Json.object();
    doc.put(
        "$id", existing.map(e -> e.get("$id").asText()).orElse(SchemaIds.id(tenant, type, hex)));
    doc.put(
        "meta:altId",
        existing.map(e -> e.get("meta:altId").asText()).orElse(SchemaIds.altId(tenant, type, hex)));
    doc.put("meta:resourceType", type);
    doc.put("version", existing.map(e -> nextVersion(e.path("version").asText())).orElse("1.0"));
    return doc;
  }

  /** The container, sandbox and tenant fields every tenant resource carries. */
  static void placement(ObjectNode doc, Caller caller, String tenant) {
    doc.put("meta:containerId", "tenant");
    doc.put("meta:sandboxId", FlowObjects.sandboxId(caller.scope()));
    doc.put("meta:sandboxType", caller.sandbox().equals("prod") ? "production" : "development");
    doc.put("meta:tenantNamespace", "_" + tenant);
  }

  /** Other client fields (properties, definitions, meta:immutableTags, ...) are kept as sent. */
  static void copyClientFields(ObjectNode body, ObjectNode doc) {
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!doc.has(e.getKey()) && !SERVER_FIELDS.contains(e.getKey())) {
        doc.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  /** {@code allOf} items as the registry answers them: typed as objects. */
  static void typeAllOf(ObjectNode doc) {
    for (JsonNode item : doc.path("allOf")) {
      if (item.isObject()) {
        ((ObjectNode) item).put("type", "object").put("meta:xdmType", "object");
      }
    }
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
