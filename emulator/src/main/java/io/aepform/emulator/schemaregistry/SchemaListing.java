package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Violation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Schema, field group and data type listing: Accept {@code xed-id} (summaries) or {@code xed}
 * (full), {@code property=field==value} filters (on an array field: the array contains the value,
 * as create-schema-api.md's {@code property=meta:immutableTags==union} and {@code
 * property=meta:intendedToExtend==...} use them), and {@code orderby}/{@code start}/{@code limit}
 * paging where {@code start} is the last sort value seen, as the registry pages.
 */
final class SchemaListing {
  private SchemaListing() {}

  static ObjectNode list(XdmKind kind, ApiRequest request, List<ObjectNode> schemas) {
    String accept = request.header("accept").orElse("").trim();
    boolean summaries = accept.equals("application/vnd.adobe.xed-id+json");
    if (!summaries && !accept.equals("application/vnd.adobe.xed+json")) {
      throw XdmErrors.listAccept(accept);
    }
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode s : schemas) {
      if (matches(s, request.queryParams("property"))) {
        items.add(s);
      }
    }
    Optional<String> orderby = request.queryParam("orderby");
    if (orderby.isEmpty()
        && (request.queryParam("limit").isPresent() || request.queryParam("start").isPresent())) {
      throw new Violation("limit and start can only be used with orderby");
    }
    String field = orderby.map(o -> o.split(",")[0].replaceFirst("^[-+]", "")).orElse("title");
    boolean desc = orderby.map(o -> o.startsWith("-")).orElse(false);
    Comparator<ObjectNode> cmp = Comparator.comparing(s -> s.path(field).asText());
    items.sort(desc ? cmp.reversed() : cmp);
    Optional<String> start = request.queryParam("start");
    if (start.isPresent()) {
      items.removeIf(
          s ->
              desc
                  ? key(s, field).compareTo(start.get()) >= 0
                  : key(s, field).compareTo(start.get()) <= 0);
    }
    int limit = limit(request, items.size());
    List<ObjectNode> page = items.subList(0, Math.min(limit, items.size()));
    boolean more = page.size() < items.size();
    return body(kind, page, summaries, orderby, field, more, request);
  }

  private static ObjectNode body(
      XdmKind kind,
      List<ObjectNode> page,
      boolean summaries,
      Optional<String> orderby,
      String field,
      boolean more,
      ApiRequest request) {
    ObjectNode body = Json.object();
    ArrayNode results = body.putArray("results");
    for (ObjectNode s : page) {
      results.add(summaries ? summary(s) : s.deepCopy());
    }
    String next = more ? key(page.get(page.size() - 1), field) : null;
    ObjectNode p = body.putObject("_page");
    p.put("orderby", orderby.orElse(null)).put("next", next).put("count", page.size());
    ObjectNode links = body.putObject("_links");
    if (next == null) {
      links.putNull("next");
    } else {
      links.put(
          "next",
          SchemaRegistryApi.PREFIX
              + "/tenant/"
              + kind.path()
              + "?orderby="
              + enc(orderby.get())
              + "&start="
              + enc(next)
              + request.queryParam("limit").map(l -> "&limit=" + enc(l)).orElse("")
              + request.queryParams("property").stream()
                  .map(v -> "&property=" + enc(v))
                  .reduce("", String::concat));
    }
    links
        .putObject("global_schemas")
        .put("href", SchemaRegistryApi.PREFIX + "/global/" + kind.path());
    return body;
  }

  private static ObjectNode summary(ObjectNode s) {
    return Json.object()
        .put("$id", s.path("$id").asText())
        .put("meta:altId", s.path("meta:altId").asText())
        .put("version", s.path("version").asText())
        .put("title", s.path("title").asText());
  }

  private static boolean matches(ObjectNode s, List<String> conditions) {
    for (String c : conditions) {
      String[] kv = c.split("==", 2);
      if (kv.length != 2) {
        throw new Violation("property filter '" + c + "' must look like field==value");
      }
      if (!matches(s.get(kv[0].trim()), kv[1])) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(JsonNode value, String wanted) {
    if (value != null && value.isArray()) {
      for (JsonNode item : value) {
        if (item.asText().equals(wanted)) {
          return true;
        }
      }
      return false;
    }
    return value != null && value.asText().equals(wanted);
  }

  private static String key(ObjectNode s, String field) {
    return s.path(field).asText();
  }

  private static int limit(ApiRequest request, int all) {
    Optional<String> raw = request.queryParam("limit");
    if (raw.isEmpty()) {
      return all;
    }
    try {
      int limit = Integer.parseInt(raw.get());
      if (limit >= 1 && limit <= 500) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new Violation("limit must be an integer between 1 and 500, got " + raw.get());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
