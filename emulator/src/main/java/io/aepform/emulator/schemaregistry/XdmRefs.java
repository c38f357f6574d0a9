package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The resources a document references: every {@code $ref} that is a resource id, in {@code allOf}
 * (a schema's class and field groups, help/xdm/api/schemas.md) or on a field (a data type,
 * help/xdm/api/field-groups.md "propertyConstruction"). Local refs ({@code #/definitions/x}) are
 * the document's own.
 */
final class XdmRefs {
  private XdmRefs() {}

  static Set<String> all(JsonNode doc) {
    Set<String> out = new LinkedHashSet<>();
    collect(doc, out);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
          String ref = e.getValue().asText();
          if (!ref.startsWith("#")) {
            out.add(ref);
          }
        } else {
          collect(e.getValue(), out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }
}
