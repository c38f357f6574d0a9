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
 * Flow Service listing: {@code property=field==value} filters (repeatable, all must hold; also
 * {@code !=}; dotted fields), {@code orderby=[-]field}, {@code limit} and continuation tokens.
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
    request.queryParam("orderby").ifPresent(order -> items.sort(comparator(order)));
    int limit = limit(request);
    int offset = request.queryParam("continuationToken").map(FlowListing::offset).orElse(0);
    ArrayNode out = Json.array();
    items.stream().skip(offset).limit(limit).forEach(o -> out.add(o.deepCopy()));
    ObjectNode body = Json.object();
    body.set("items", out);
    ObjectNode links = body.putObject("_links");
    if (offset + limit < items.size()) {
      links.putObject("next").put("href", nextHref(request, collection, offset + limit));
    }
    if (request.queryParam("count").map("true"::equals).orElse(false)) {
      body.put("count", items.size());
    }
    return body;
  }

  private static boolean matchesAll(ObjectNode o, List<String> conditions) {
    for (String c : conditions) {
      boolean negate = c.contains("!=");
      String[] kv = c.split(negate ? "!=" : "==", 2);
      if (kv.length != 2) {
        throw new Violation("property filter '" + c + "' must look like field==value");
      }
      JsonNode v = o.at("/" + kv[0].trim().replace('.', '/'));
      boolean equal = !v.isMissingNode() && v.asText().equals(kv[1]);
      if (equal == negate) {
        return false;
      }
    }
    return true;
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
