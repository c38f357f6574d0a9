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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Catalog listing, as help/catalog/api/filter-data.md describes it: an object keyed by id; filters
 * {@code name=X} (wildcard {@code *}, {@code **} a literal asterisk, a comma list matches any, a
 * leading {@code !} negates) and {@code property=field==value}; {@code orderBy}; {@code limit}
 * (default 20, max 100) and {@code start} offset; {@code properties=a,b} keeps only those fields.
 */
final class DataSetListing {
  /** "If a limit parameter is not specified, the maximum number of objects ... is 20." */
  static final int DEFAULT_LIMIT = 20;

  static final int MAX_LIMIT = 100;

  /** "if observableSchema is requested using the properties query parameter, ... 20." */
  static final int OBSERVABLE_SCHEMA_LIMIT = 20;

  private static final Pattern XED =
      Pattern.compile(
          "application/vnd\\.adobe\\.xed(-[a-z-]+)?\\+json\\s*;\\s*version=(\\d+)(\\.\\d+)?");

  private DataSetListing() {}

  /**
   * One page; {@code pageCap} (the emulator's option, 0 for none) cuts pages below the requested
   * limit as Catalog does for some queries, so clients must page until a page comes back empty.
   */
  static ObjectNode list(ApiRequest request, List<Map.Entry<String, ObjectNode>> all, int pageCap) {
    int limit = integer(request, "limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new Violation("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    int start = integer(request, "start", 0);
    if (start < 0) {
      throw new Violation("start must be >= 0");
    }
    Stream<Map.Entry<String, ObjectNode>> matching =
        all.stream()
            .filter(e -> nameMatches(e.getValue(), request.queryParam("name")))
            .filter(e -> propertiesMatch(e.getValue(), request.queryParams("property")));
    Optional<String> orderBy = request.queryParam("orderBy");
    if (orderBy.isPresent()) {
      matching = matching.sorted(CatalogOrder.parse(orderBy.get()));
    }
    ObjectNode out = Json.object();
    matching
        .skip(start)
        .limit(Math.min(limit, cap(request, pageCap)))
        .forEach(e -> out.set(e.getKey(), project(request, e.getValue())));
    return out;
  }

  private static int cap(ApiRequest request, int pageCap) {
    int cap = MAX_LIMIT;
    boolean observable =
        request.queryParam("properties").stream()
            .flatMap(p -> Arrays.stream(p.split(",")))
            .anyMatch(p -> p.trim().equals("observableSchema"));
    if (observable) {
      cap = OBSERVABLE_SCHEMA_LIMIT;
    }
    return pageCap > 0 ? Math.min(cap, pageCap) : cap;
  }

  /** A copy as Catalog answers it, with only the fields named by {@code properties}, or all. */
  static ObjectNode project(ApiRequest request, ObjectNode ds) {
    Optional<String> props = request.queryParam("properties");
    ObjectNode copy = ds.deepCopy();
    normaliseContentType(copy);
    if (props.isPresent()) {
      Set<String> keep =
          Arrays.stream(props.get().split(",")).map(String::trim).collect(Collectors.toSet());
      copy.retain(keep);
    }
    return copy;
  }

  /**
   * Catalog answers {@code schemaRef.contentType} as {@code
   * application/vnd.adobe.xed+json;version=1} whatever XED variant the create sent
   * (help/catalog/api/filter-data.md, "Limit displayed properties";
   * help/catalog/datasets/enable-for-profile.md creates with {@code xed-full-notext+json;
   * version=1} and reads back plain {@code xed+json}). The major version is kept.
   */
  private static void normaliseContentType(ObjectNode ds) {
    if (ds.get("schemaRef") instanceof ObjectNode ref && ref.get("contentType") != null) {
      Matcher m = XED.matcher(ref.get("contentType").asText());
      if (m.matches()) {
        ref.put("contentType", "application/vnd.adobe.xed+json;version=" + m.group(2));
      }
    }
  }

  private static boolean nameMatches(ObjectNode ds, Optional<String> filter) {
    if (filter.isEmpty()) {
      return true;
    }
    String f = filter.get();
    boolean negate = f.startsWith("!");
    String name = ds.path("name").asText();
    boolean match =
        Arrays.stream((negate ? f.substring(1) : f).split(","))
            .anyMatch(glob -> name.matches(regex(glob)));
    return match != negate;
  }

  /** {@code *} matches anything, {@code **} is a literal asterisk (filter-data.md). */
  private static String regex(String glob) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        literal.append('*');
        i++;
      } else if (c == '*') {
        re.append(Pattern.quote(literal.toString())).append(".*");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    return re.append(Pattern.quote(literal.toString())).toString();
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
