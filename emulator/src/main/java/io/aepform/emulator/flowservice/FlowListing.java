package io.aepform.emulator.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Violation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Flow Service listing, as help/dataflows/api/sort-and-filter.md describes it: {@code
 * property=field==value} filters (repeatable, all must hold; also {@code !=}; dotted fields, {@code
 * []} to look into arrays; a comma list of values matches any of them; a value in double quotes is
 * taken whole), {@code orderby=[-]field}, {@code limit}, continuation tokens and {@code
 * count=true}.
 */
final class FlowListing {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private FlowListing() {}

  static ObjectNode page(ApiRequest request, String collection, List<ObjectNode> all) {
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode o : all) {
      if (matchesAll(o, request.queryParams("property"))) {
        items.add(o);
      }
    }
    ObjectNode body = Json.object();
    // sort-and-filter.md: with count=true "the actual filtered items are not returned".
    if (request.queryParam("count").map("true"::equals).orElse(false)) {
      return body.put("count", items.size());
    }
    request.queryParam("orderby").ifPresent(order -> items.sort(comparator(order)));
    int limit = limit(request);
    int offset = request.queryParam("continuationToken").map(FlowListing::offset).orElse(0);
    ArrayNode out = Json.array();
    items.stream().skip(offset).limit(limit).forEach(o -> out.add(FlowObjects.answer(o)));
    body.set("items", out);
    ObjectNode links = body.putObject("_links");
    if (offset + limit < items.size()) {
      links.putObject("next").put("href", nextHref(request, collection, offset + limit));
    }
    return body;
  }

  private static boolean matchesAll(ObjectNode o, List<String> conditions) {
    for (String c : conditions) {
      int eq = c.indexOf("==");
      int ne = c.indexOf("!=");
      boolean negate = ne >= 0 && (eq < 0 || ne < eq);
      int at = negate ? ne : eq;
      if (at <= 0) {
        throw new Violation("property filter '" + c + "' must look like field==value");
      }
      List<String> values = values(c.substring(at + 2));
      boolean equal =
          candidates(o, c.substring(0, at).trim()).stream()
              .anyMatch(v -> v.isValueNode() && values.contains(v.asText()));
      if (equal == negate) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code a,b} is a list (sort-and-filter.md: {@code property=id==736873,9485095}); {@code "a,b"}
   * is one value, as in help/sources/tutorials/api/create-dataset-base-connection.md ({@code
   * property=id=="c604ff05-..."}).
   */
  static List<String> values(String raw) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i <= raw.length()) {
      if (i < raw.length() && raw.charAt(i) == '"') {
        int close = raw.indexOf('"', i + 1);
        if (close < 0) {
          throw new Violation("property filter value " + raw + " has an unclosed quote");
        }
        out.add(raw.substring(i + 1, close));
        i = close + 1;
        if (i < raw.length() && raw.charAt(i) != ',') {
          throw new Violation(
              "property filter value " + raw + ": expected ',' after a quoted value");
        }
      } else {
        int comma = raw.indexOf(',', i);
        int end = comma < 0 ? raw.length() : comma;
        out.add(raw.substring(i, end));
        i = end;
      }
      i++;
    }
    return out;
  }

  /** The values a dotted path reaches; {@code name[]} steps into every item of an array. */
  private static List<JsonNode> candidates(JsonNode root, String path) {
    List<JsonNode> current = List.of(root);
    for (String segment : path.split("\\.")) {
      boolean each = segment.endsWith("[]");
      String name = each ? segment.substring(0, segment.length() - 2) : segment;
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        JsonNode v = n.get(name);
        if (v != null && each && v.isArray()) {
          v.forEach(next::add);
        } else if (v != null && !each) {
          next.add(v);
        }
      }
      current = next;
    }
    return current;
  }

  private static Comparator<ObjectNode> comparator(String order) {
    boolean desc = order.startsWith("-");
    String field = order.replaceFirst("^[-+]", "");
    Comparator<ObjectNode> c =
        Comparator.comparing(
            o -> o.path(field),
            (a, b) ->
                a.isNumber() && b.isNumber()
                    ? Long.compare(a.asLong(), b.asLong())
                    : a.asText().compareTo(b.asText()));
    return desc ? c.reversed() : c;
  }

  private static int limit(ApiRequest request) {
    String raw = request.queryParam("limit").orElse(String.valueOf(DEFAULT_LIMIT));
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new Violation("limit must be an integer between 1 and " + MAX_LIMIT + ", got " + raw);
  }

  private static int offset(String token) {
    try {
      return Integer.parseInt(
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new Violation("continuationToken is not valid");
    }
  }

  /** Relative to the service root, as AEP's PageLink shows ({@code /connections?...}). */
  private static String nextHref(ApiRequest request, String collection, int offset) {
    StringBuilder href = new StringBuilder("/").append(collection).append('?');
    request
        .query()
        .forEach(
            (k, values) -> {
              if (!k.equals("continuationToken")) {
                values.forEach(v -> href.append(enc(k)).append('=').append(enc(v)).append('&'));
              }
            });
    String token =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
    return href.append("continuationToken=").append(token).toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
