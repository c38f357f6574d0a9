package io.aepform.emulator.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PATCH of a merge policy as profile/api/merge-policies.md documents it: one operation object
 * ({@code {"op":"add","path":"/default","value":"true"}}, the page's example) or an array of them
 * (profile.yaml), on the page's paths {@code /name, /identityGraph.type, /attributeMerge.type,
 * /schema.name, /default, /isActiveOnEdge}, dotted as the page writes them or with slashes. Values
 * may be strings ("true"), as the spec types them. {@code /version} is refused: the same page calls
 * it read-only.
 */
final class MergePolicyPatch {
  private static final Map<String, List<String>> PATHS =
      Map.of(
          "name", List.of("name"),
          "identityGraph.type", List.of("identityGraph", "type"),
          "attributeMerge.type", List.of("attributeMerge", "type"),
          "schema.name", List.of("schema", "name"),
          "default", List.of("default"),
          "isActiveOnEdge", List.of("isActiveOnEdge"));
  private static final Set<String> BOOLEANS = Set.of("default", "isActiveOnEdge");

  private MergePolicyPatch() {}

  /** The policy's client fields with the patch applied, to be checked again as a whole. */
  static ObjectNode apply(ObjectNode current, JsonNode patch) {
    ObjectNode doc = current.deepCopy();
    List<JsonNode> ops = patch.isArray() ? toList(patch) : List.of(patch);
    if (ops.isEmpty()) {
      throw new Violation("a PATCH body needs at least one operation");
    }
    for (JsonNode op : ops) {
      applyOne(doc, op);
    }
    return doc;
  }

  private static void applyOne(ObjectNode doc, JsonNode op) {
    if (!op.isObject()) {
      throw new Violation("a PATCH operation must be an object {op, path, value}");
    }
    String name = Fields.requireString(op, "op", "op");
    if (!name.equals("add") && !name.equals("replace")) {
      throw new Violation("PATCH op must be \"add\" or \"replace\", got '" + name + "'");
    }
    String key = Fields.requireString(op, "path", "path").replaceFirst("^/", "").replace('/', '.');
    if (key.equals("version")) {
      throw new Violation("'version' is maintained by Platform and cannot be patched");
    }
    List<String> path = PATHS.get(key);
    if (path == null) {
      throw new Violation(
          "PATCH path '/"
              + key
              + "' is not supported; use one of "
              + PATHS.keySet()
              + " (or PUT the whole policy)");
    }
    if (!op.has("value")) {
      throw new Violation("PATCH op needs a 'value'");
    }
    JsonNode value = BOOLEANS.contains(key) ? bool(op.get("value"), key) : op.get("value");
    ObjectNode parent = doc;
    for (String step : path.subList(0, path.size() - 1)) {
      JsonNode child = parent.get(step);
      parent = child != null && child.isObject() ? (ObjectNode) child : parent.putObject(step);
    }
    parent.set(path.get(path.size() - 1), value.deepCopy());
    if (key.equals("attributeMerge.type")
        && value.asText().equals(MergePolicyRules.TIMESTAMP_ORDERED)) {
      ((ObjectNode) doc.get("attributeMerge")).remove("order");
    }
  }

  private static JsonNode bool(JsonNode value, String key) {
    if (value.isBoolean()) {
      return value;
    }
    if (value.isTextual() && Set.of("true", "false").contains(value.asText())) {
      return BooleanNode.valueOf(Boolean.parseBoolean(value.asText()));
    }
    throw new Violation("'" + key + "' must be true or false, got " + value);
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return List.copyOf(out);
  }
}
