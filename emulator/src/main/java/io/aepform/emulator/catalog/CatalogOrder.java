package io.aepform.emulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Violation;
import java.util.Comparator;
import java.util.Map;

/**
 * Catalog's {@code orderBy}, as help/catalog/api/filter-data.md ("Sort by property") has it: a
 * comma list of properties, each optionally prefixed {@code asc:} or {@code desc:} (ascending by
 * default), later ones breaking ties of earlier ones ({@code orderBy=name,desc:updated}). Numbers
 * compare as numbers, everything else as text; objects without the property come last.
 */
final class CatalogOrder {
  private CatalogOrder() {}

  static Comparator<Map.Entry<String, ObjectNode>> parse(String orderBy) {
    Comparator<Map.Entry<String, ObjectNode>> order = null;
    for (String part : orderBy.split(",")) {
      Comparator<Map.Entry<String, ObjectNode>> next = one(part.trim());
      order = order == null ? next : order.thenComparing(next);
    }
    return order;
  }

  private static Comparator<Map.Entry<String, ObjectNode>> one(String part) {
    boolean desc = part.startsWith("desc:");
    String property = part.replaceFirst("^(asc|desc):", "");
    if (property.isEmpty() || property.contains(":")) {
      throw new Violation(
          "orderBy '" + part + "' must be a property, optionally prefixed asc: or desc:");
    }
    Comparator<JsonNode> values = CatalogOrder::compare;
    Comparator<JsonNode> directed = desc ? values.reversed() : values;
    return (a, b) -> {
      JsonNode x = a.getValue().get(property);
      JsonNode y = b.getValue().get(property);
      if (x == null || y == null) {
        return x == null ? (y == null ? 0 : 1) : -1;
      }
      return directed.compare(x, y);
    };
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    return a.asText().compareTo(b.asText());
  }
}
