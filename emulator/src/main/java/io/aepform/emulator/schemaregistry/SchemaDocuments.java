package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Validates a client's schema and builds the full document the registry returns. */
final class SchemaDocuments {
  private final RegistryMetadata metadata;

  SchemaDocuments(RegistryMetadata metadata) {
    this.metadata = metadata;
  }

  /**
   * Checks the fields a client must send (createSchema) and returns the schema's class: {@code
   * meta:class}, else the first {@code allOf} reference that is not one of the tenant's field
   * groups or data types ("One class must be provided, with zero or more additional field groups",
   * help/xdm/api/schemas.md).
   */
  static String check(ObjectNode body, String tenant) {
    Fields.requireString(body, "title", "title");
    if (!"object".equals(Fields.requireString(body, "type", "type"))) {
      throw new Violation("field 'type' must be \"object\"");
    }
    JsonNode description = body.get("description");
    if (description == null || !description.isTextual()) {
      throw new Violation("missing required string field 'description' (send \"\" for none)");
    }
    Set<String> refs = refs(body);
    Fields.optionalString(body, "meta:class", "meta:class");
    String cls =
        body.has("meta:class")
            ? body.get("meta:class").asText()
            : refs.stream()
                .filter(r -> XdmKind.ofTenantId(r, tenant).isEmpty())
                .findFirst()
                .orElseThrow(() -> new Violation("allOf must reference a class"));
    if (!refs.contains(cls)) {
      throw new Violation("meta:class '" + cls + "' must be one of the allOf references");
    }
    if (XdmKind.ofTenantId(cls, tenant).isPresent()) {
      throw new Violation("meta:class '" + cls + "' is a field group or data type, not a class");
    }
    return cls;
  }

  private static Set<String> refs(ObjectNode body) {
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
    return refs;
  }

  /** The full document for a client body; {@code existing} keeps identity and creation data. */
  ObjectNode build(ObjectNode body, Caller caller, Optional<ObjectNode> existing) {
    String tenant = SchemaIds.tenant(caller.orgId());
    String cls = check(body, tenant);
    ObjectNode doc = XdmDocuments.identity(XdmKind.SCHEMA, tenant, existing);
    doc.put("title", body.get("title").asText()).put("type", "object");
    doc.put("description", body.get("description").asText());
    doc.set("allOf", body.get("allOf").deepCopy());
    XdmDocuments.typeAllOf(doc);
    Set<String> refs = refs(body);
    refs.forEach(doc.putArray("refs")::add);
    doc.put("imsOrg", caller.orgId()).put("meta:extensible", false).put("meta:abstract", false);
    // The server keeps meta:extends: the class, the field groups, and what the class extends
    // (help/xdm/tutorials/create-schema-api.md, PATCH add /allOf/- only).
    ArrayNode ext = doc.putArray("meta:extends");
    refs.forEach(ext::add);
    ext.add("https://ns.adobe.com/xdm/common/auditable")
        .add("https://ns.adobe.com/xdm/data/record");
    doc.put("meta:xdmType", "object");
    doc.set("meta:registryMetadata", metadata.stored(caller, existing));
    doc.put("meta:class", cls);
    XdmDocuments.placement(doc, caller, tenant);
    XdmDocuments.copyClientFields(body, doc);
    XdmTypes.annotate(doc);
    return doc;
  }
}
