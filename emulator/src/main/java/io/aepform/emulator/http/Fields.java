package io.aepform.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed access to request body fields. Every failure is a {@link Violation} naming the field by its
 * dotted path, because a user fixing a manifest needs to know exactly which field and why.
 */
public final class Fields {
  private Fields() {}

  public static ObjectNode requireObjectBody(JsonNode body) {
    if (!body.isObject()) {
      throw new Violation("request body must be a JSON object");
    }
    return (ObjectNode) body;
  }

  public static ObjectNode requireObject(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw new Violation("missing required field '" + path + "'");
    }
    if (!n.isObject()) {
      throw new Violation("field '" + path + "' must be an object, got " + type(n));
    }
    return (ObjectNode) n;
  }

  public static String requireString(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw new Violation("missing required field '" + path + "'");
    }
    if (!n.isTextual()) {
      throw new Violation("field '" + path + "' must be a string, got " + type(n));
    }
    if (n.asText().isBlank()) {
      throw new Violation("field '" + path + "' must not be empty");
    }
    return n.asText();
  }

  /** A field that may be absent; when present it must be a string. */
  public static void optionalString(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n != null && !n.isTextual()) {
      throw new Violation("field '" + path + "' must be a string, got " + type(n));
    }
  }

  public static void optionalBoolean(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n != null && !n.isBoolean()) {
      throw new Violation("field '" + path + "' must be a boolean, got " + type(n));
    }
  }

  public static long requireInteger(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw new Violation("missing required field '" + path + "'");
    }
    if (!n.isIntegralNumber()) {
      throw new Violation("field '" + path + "' must be an integer, got " + type(n));
    }
    return n.asLong();
  }

  /** A non-empty array of non-empty strings. */
  public static ArrayNode requireStringArray(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw new Violation("missing required field '" + path + "'");
    }
    if (!n.isArray() || n.isEmpty()) {
      throw new Violation("field '" + path + "' must be a non-empty array of strings");
    }
    for (JsonNode item : n) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new Violation("field '" + path + "' must contain only non-empty strings");
      }
    }
    return (ArrayNode) n;
  }

  /** The JSON type name a user would recognise, for messages. */
  public static String type(JsonNode n) {
    if (n.isTextual()) {
      return "string";
    }
    if (n.isIntegralNumber()) {
      return "integer";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    if (n.isArray()) {
      return "array";
    }
    return n.isObject() ? "object" : "null";
  }
}
