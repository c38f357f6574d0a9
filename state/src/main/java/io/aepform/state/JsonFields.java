package io.aepform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of one JSON object of a file, reporting every shape problem as a {@link
 * StateException} that names the file and the path of the offending value.
 */
final class JsonFields {
  private final JsonNode node;
  private final String path;
  private final String source;

  JsonFields(JsonNode node, String path, String source) {
    this.node = node;
    this.path = path;
    this.source = source;
    if (!node.isObject()) {
      throw error("", "expected an object, found " + describe(node));
    }
  }

  String text(String name) {
    JsonNode value = required(name);
    if (!value.isTextual()) {
      throw error(name, "expected a string, found " + describe(value));
    }
    return value.textValue();
  }

  long integer(String name) {
    JsonNode value = required(name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw error(name, "expected an integer, found " + describe(value));
    }
    return value.longValue();
  }

  ObjectNode object(String name) {
    JsonNode value = required(name);
    if (!value.isObject()) {
      throw error(name, "expected an object, found " + describe(value));
    }
    return (ObjectNode) value;
  }

  ArrayNode array(String name) {
    JsonNode value = required(name);
    if (!value.isArray()) {
      throw error(name, "expected an array, found " + describe(value));
    }
    return (ArrayNode) value;
  }

  /** The value of an optional field; absent and {@code null} both mean none. */
  Optional<JsonNode> optional(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** Refuses fields this version does not know: they would be silently lost on the next write. */
  void allowOnly(Set<String> names) {
    Iterator<String> fields = node.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (!names.contains(field)) {
        throw error(field, "unknown field");
      }
    }
  }

  /** The path of field {@code name} of this object, e.g. {@code resources[2].status}. */
  String pathOf(String name) {
    if (name.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? name : path + "." + name;
  }

  StateException error(String name, String problem) {
    String where = pathOf(name);
    return new StateException(
        StateException.Code.CORRUPT,
        source + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
  }

  private JsonNode required(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw error(name, "missing");
    }
    return value;
  }

  static String describe(JsonNode value) {
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
