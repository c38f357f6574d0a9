package io.aepform.emulator.profile;

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
 * {@code GET /config/mergePolicies} (profile/api/merge-policies.md, "List multiple merge policies
 * by criteria"): filters {@code default}, {@code isActiveOnEdge}, {@code schema.name}, {@code
 * identityGraph.type}, {@code attributeMerge.type}; {@code limit} (default 20); {@code orderBy}
 * ({@code [+|-]field}, default name ascending; profile.yaml spells it {@code orderby}); {@code
 * start}. Answers {@code {"_page":{"totalCount","pageSize"},"children":[...],
 * "_links":{"next":{"href"}}}}, the href {@code ""} on the last page.
 */
final class MergePolicyListing {
  static final int DEFAULT_LIMIT = 20;
  private static final List<String> FILTERS =
      List.of(
          "default", "isActiveOnEdge", "schema.name", "identityGraph.type", "attributeMerge.type");

  private MergePolicyListing() {}

  static ObjectNode list(ApiRequest request, List<ObjectNode> all) {
    int limit = integer(request, "limit", DEFAULT_LIMIT);
    int start = integer(request, "start", 0);
    if (limit < 1 || start < 0) {
      throw new Violation("limit must be at least 1 and start at least 0");
    }
    String orderBy =
        request.queryParam("orderBy").or(() -> request.queryParam("orderby")).orElse("name").trim();
    List<ObjectNode> matching = new ArrayList<>();
    all.stream().filter(p -> matches(request, p)).forEach(matching::add);
    matching.sort(order(orderBy));
    ObjectNode out = Json.object();
    ArrayNode children = Json.array();
    matching.stream().skip(start).limit(limit).forEach(p -> children.add(p.deepCopy()));
    out.putObject("_page").put("totalCount", matching.size()).put("pageSize", children.size());
    out.set("children", children);
    String next =
        start + limit < matching.size()
            ? "@/mergePolicies?start=" + (start + limit) + "&orderBy=" + orderBy + "&limit=" + limit
            : "";
    out.putObject("_links").putObject("next").put("href", next);
    return out;
  }

  private static boolean matches(ApiRequest request, ObjectNode policy) {
    for (String f : FILTERS) {
      Optional<String> wanted = request.queryParam(f);
      if (wanted.isPresent() && !value(policy, f).equals(wanted.get())) {
        return false;
      }
    }
    return true;
  }

  private static Comparator<ObjectNode> order(String orderBy) {
    boolean descending = orderBy.startsWith("-");
    String field = orderBy.replaceFirst("^[-+]", "");
    Comparator<ObjectNode> c = Comparator.comparing(p -> value(p, field));
    return descending ? c.reversed() : c;
  }

  private static String value(ObjectNode policy, String dottedField) {
    return policy.at("/" + dottedField.replace('.', '/')).asText();
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
