package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields a resource defines, as descriptor paths ({@code /_tenant/loyalty/loyaltyId}: no {@code
 * properties} segments, help/xdm/api/descriptors.md) mapped to a type signature, so a removed or
 * redefined field can be told from an added one (help/xdm/schema/best-practices.md).
 */
final class FieldPaths {
  /** Data type references nest; a cycle or a very deep chain stops here. */
  private static final int MAX_DEPTH = 8;

  private FieldPaths() {}

  /** The document's own fields: top-level {@code properties} and each definition's. */
  static Map<String, String> own(JsonNode doc) {
    Map<String, String> out = new LinkedHashMap<>();
    walk(doc.path("properties"), "", out);
    for (JsonNode definition : doc.path("definitions")) {
      walk(definition.path("properties"), "", out);
    }
    return out;
  }

  /**
   * Every field of a resource, through the tenant field groups in its {@code allOf} and the tenant
   * data types its fields reference. Standard (Adobe) resources are not known to the emulator and
   * contribute nothing.
   */
  static Map<String, String> resolved(JsonNode doc, XdmRegistry registry) {
    Map<String, String> out = new LinkedHashMap<>();
    resolve(doc, "", registry, out, 0);
    return out;
  }

  private static void resolve(
      JsonNode doc, String prefix, XdmRegistry registry, Map<String, String> out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    for (JsonNode item : doc.path("allOf")) {
      tenantResource(item.path("$ref").asText(), registry)
          .ifPresent(r -> resolve(r, prefix, registry, out, depth + 1));
    }
    for (Map.Entry<String, String> field : own(doc).entrySet()) {
      String path = prefix + field.getKey();
      out.put(path, field.getValue());
      if (field.getValue().startsWith("ref ")) {
        tenantResource(field.getValue().substring(4), registry)
            .ifPresent(r -> resolve(r, path, registry, out, depth + 1));
      }
    }
  }

  private static Optional<ObjectNode> tenantResource(String ref, XdmRegistry registry) {
    return ref.isEmpty() ? Optional.empty() : registry.byId(ref);
  }

  private static void walk(JsonNode properties, String prefix, Map<String, String> out) {
    if (!properties.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : properties.properties()) {
      String path = prefix + "/" + e.getKey();
      out.put(path, signature(e.getValue()));
      walk(e.getValue().path("properties"), path, out);
    }
  }

  /** What a field is: its data type reference, or its type and format. */
  private static String signature(JsonNode field) {
    if (field.hasNonNull("$ref")) {
      return "ref " + field.get("$ref").asText();
    }
    String type = field.path("type").asText("");
    String format = field.path("format").asText("");
    return format.isEmpty() ? type : type + "/" + format;
  }
}
