package io.aepform.emulator.runs;

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
 * {@code GET /runs}: filters ({@link RunFilter}), {@code orderby=[+|-]field} (ascending without a
 * sign, help/dataflows/api/sort-and-filter.md), {@code limit} and continuation tokens with {@code
 * _links.next.href} relative to the service root, like the other Flow Service lists; {@code
 * count=true} answers only {@code {"count": n}}, as that page shows.
 */
final class RunListing {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private RunListing() {}

  static ObjectNode page(ApiRequest request, List<RunView> all) {
    List<RunFilter> filters =
        request.queryParams("property").stream().map(RunFilter::parse).toList();
    List<RunView> items = new ArrayList<>();
    for (RunView v : all) {
      if (filters.stream().allMatch(f -> f.test(v.values(f.path())))) {
        items.add(v);
      }
    }
    if (request.queryParam("count").map("true"::equalsIgnoreCase).orElse(false)) {
      return Json.object().put("count", items.size());
    }
    request.queryParam("orderby").ifPresent(order -> items.sort(comparator(order)));
    int limit = limit(request);
    int offset = request.queryParam("continuationToken").map(RunListing::offset).orElse(0);
    ArrayNode out = Json.array();
    items.stream().skip(offset).limit(limit).forEach(v -> out.add(v.document()));
    ObjectNode body = Json.object();
    body.set("items", out);
    ObjectNode links = body.putObject("_links");
    if ((long) offset + limit < items.size()) {
      links.putObject("next").put("href", nextHref(request, offset + limit));
    }
    return body;
  }

  private static Comparator<RunView> comparator(String order) {
    boolean desc = order.startsWith("-");
    String field = order.replaceFirst("^[-+ ]", "").trim();
    Comparator<RunView> c = (a, b) -> compare(first(a, field), first(b, field));
    return desc ? c.reversed() : c;
  }

  private static JsonNode first(RunView v, String field) {
    List<JsonNode> values = v.values(field);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Numbers by value, text by text; runs without the field come last. */
  private static int compare(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    return a.asText().compareTo(b.asText());
  }

  private static int limit(ApiRequest request) {
    String raw = request.queryParam("limit").orElse(String.valueOf(DEFAULT_LIMIT));
    try {
      int limit = Integer.parseInt(raw.trim());
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

  private static String nextHref(ApiRequest request, int offset) {
    StringBuilder href = new StringBuilder("/runs?");
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
