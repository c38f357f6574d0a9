package io.aepform.emulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Catalog listing: an object keyed by id; filters {@code name=X} (wildcard {@code *}, {@code !X}
 * negates) and {@code property=field==value}; {@code limit} (default 50, max 100) and {@code start}
 * offset; {@code properties=a,b} keeps only those fields.
 */
final class DataSetListing {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  private DataSetListing() {}

  static ObjectNode list(ApiRequest request, List<Map.Entry<String, ObjectNode>> all) {
    int limit = integer(request, "limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new Violation("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    int start = integer(request, "start", 0);
    if (start < 0) {
      throw new Violation("start must be >= 0");
    }
    ObjectNode out = Json.object();
    all.stream()
        .filter(e -> nameMatches(e.getValue(), request.queryParam("name")))
        .filter(e -> propertiesMatch(e.getValue(), request.queryParams("property")))
        .skip(start)
        .limit(limit)
        .forEach(e -> out.set(e.getKey(), project(request, e.getValue())));
    return out;
  }

  /** A copy with only the fields named by {@code properties}, or all. */
  static ObjectNode project(ApiRequest request, ObjectNode ds) {
    Optional<String> props = request.queryParam("properties");
    ObjectNode copy = ds.deepCopy();
    if (props.isPresent()) {
      Set<String> keep =
          Arrays.stream(props.get().split(",")).map(String::trim).collect(Collectors.toSet());
      copy.retain(keep);
    }
    return copy;
  }

  private static boolean nameMatches(ObjectNode ds, Optional<String> filter) {
    if (filter.isEmpty()) {
      return true;
    }
    String f = filter.get();
    boolean negate = f.startsWith("!");
    String glob = negate ? f.substring(1) : f;
    String regex =
        Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    boolean match = ds.path("name").asText().matches(regex);
    return match != negate;
  }

  private static boolean propertiesMatch(ObjectNode ds, List<String> conditions) {
    for (String c : conditions) {
      boolean negate = c.contains("!=");
      String[] kv = c.split(negate ? "!=" : "==", 2);
      if (kv.length != 2) {
        throw new Violation("property filter '" + c + "' must look like field==value");
      }
      JsonNode v = ds.at("/" + kv[0].trim().replace('.', '/'));
      boolean equal = !v.isMissingNode() && v.asText().equals(kv[1]);
      if (equal == negate) {
        return false;
      }
    }
    return true;
  }

  private static int integer(ApiRequest request, String name, int dflt) {
    String raw = request.queryParam(name).orElse(String.valueOf(dflt));
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new Violation(name + " must be an integer, got '" + raw + "'");
    }
  }
}
