package io.aepform.emulator.dataprep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /mappingSets} (data-prep/api/mapping-set.md, "List mapping sets"): {@code limit} and
 * {@code start} are required ("you must include both the start and limit parameters"); {@code name}
 * filters; {@code orderBy} takes only {@code createdDate} or {@code updatedDate} with an optional
 * {@code +}/{@code -}, default the most recently updated first. The answer is {@code
 * {"data":[...],"_page":{"count","limit"}}}, with {@code _links.next.href} when there is more.
 */
final class MappingSetListing {
  private MappingSetListing() {}

  static ObjectNode list(ApiRequest request, List<ObjectNode> all) {
    int limit = required(request, "limit");
    int start = required(request, "start");
    if (limit < 1 || start < 0) {
      throw new Violation("limit must be at least 1 and start at least 0");
    }
    String orderBy = request.queryParam("orderBy").orElse("-updatedDate").trim();
    Optional<String> name = request.queryParam("name");
    List<ObjectNode> matching = new ArrayList<>();
    all.stream()
        .filter(m -> name.isEmpty() || name.get().equals(m.path("name").asText()))
        .forEach(matching::add);
    matching.sort(order(orderBy));
    ObjectNode out = Json.object();
    ArrayNode data = out.putArray("data");
    matching.stream().skip(start).limit(limit).forEach(m -> data.add(m.deepCopy()));
    out.putObject("_page").put("count", data.size()).put("limit", limit);
    if (start + limit < matching.size()) {
      String next = "/mappingSets?limit=" + limit + "&start=" + (start + limit);
      out.putObject("_links").putObject("next").put("href", next);
    }
    return out;
  }

  private static Comparator<ObjectNode> order(String orderBy) {
    boolean descending = orderBy.startsWith("-");
    String field = orderBy.replaceFirst("^[-+]", "");
    String stored =
        switch (field) {
          case "createdDate" -> "createdDate";
          case "updatedDate" -> "modifiedDate";
          default ->
              throw new Violation(
                  "orderBy supports only createdDate and updatedDate, got '" + field + "'");
        };
    Comparator<ObjectNode> c = Comparator.comparingLong(m -> m.path(stored).asLong());
    return descending ? c.reversed() : c;
  }

  private static int required(ApiRequest request, String param) {
    String raw =
        request
            .queryParam(param)
            .orElseThrow(
                () -> new Violation("query parameter '" + param + "' is required (start, limit)"));
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new Violation(param + " must be an integer, got '" + raw + "'");
    }
  }
}
