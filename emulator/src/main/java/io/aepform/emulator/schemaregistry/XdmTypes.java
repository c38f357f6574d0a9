package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The registry's additions to the fields it stores: every typed field gets {@code meta:xdmType} and
 * every definition {@code "type": "object"} with {@code "meta:xdmType": "object"}, as the
 * documented answers show ({@code "type": "integer"} comes back with {@code "meta:xdmType": "int"},
 * a {@code date-time} string with {@code "date-time"}: help/xdm/api/data-types.md,
 * help/xdm/tutorials/create-schema-api.md). A client comparing what it sent with what it reads back
 * sees these keys.
 */
final class XdmTypes {
  private XdmTypes() {}

  static void annotate(ObjectNode doc) {
    fields(doc.get("properties"));
    JsonNode definitions = doc.get("definitions");
    if (definitions != null && definitions.isObject()) {
      for (JsonNode definition : definitions) {
        if (definition.isObject()) {
          ObjectNode d = (ObjectNode) definition;
          if (!d.has("type")) {
            d.put("type", "object");
          }
          d.put("meta:xdmType", "object");
          fields(d.get("properties"));
        }
      }
    }
  }

  private static void fields(JsonNode properties) {
    if (properties == null || !properties.isObject()) {
      return;
    }
    for (JsonNode field : properties) {
      if (field.isObject()) {
        field((ObjectNode) field);
      }
    }
  }

  private static void field(ObjectNode field) {
    if (field.has("$ref") || !field.path("type").isTextual()) {
      return;
    }
    if (!field.has("meta:xdmType")) {
      field.put("meta:xdmType", xdmType(field));
    }
    fields(field.get("properties"));
    JsonNode items = field.get("items");
    if (items != null && items.isObject()) {
      field((ObjectNode) items);
    }
  }

  private static String xdmType(JsonNode field) {
    String format = field.path("format").asText("");
    return switch (field.path("type").asText()) {
      case "integer" -> "int";
      case "string" -> format.equals("date-time") || format.equals("date") ? format : "string";
      default -> field.path("type").asText();
    };
  }
}
