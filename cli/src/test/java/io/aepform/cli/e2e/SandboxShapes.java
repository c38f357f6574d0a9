package io.aepform.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects of a sandbox as two sandboxes holding the same setup would agree on them: what the
 * platform sets is left out, ids of other objects become their kind and name, and Adobe's own
 * objects (standard namespaces, the default merge policy) are not counted.
 */
final class SandboxShapes {
  private static final ObjectMapper SORTED =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** What the platform sets, so differs between two sandboxes holding the same objects. */
  private static final Set<String> SERVER_FIELDS =
      Set.of(
          "id",
          "@id",
          "$id",
          "meta:altId",
          "etag",
          "version",
          "createdAt",
          "updatedAt",
          "created",
          "updated",
          "createTime",
          "updateTime",
          "createdDate",
          "modifiedDate",
          "updateEpoch",
          "sandbox",
          "sandboxId",
          "sandboxName",
          "meta:sandboxId",
          "meta:registryMetadata",
          "files",
          "viewId",
          "dataSourceId",
          "runs");

  /** Below the top: a mapping's dates, and the version a flow follows (0 in a new sandbox). */
  private static final Set<String> NESTED_SERVER_FIELDS =
      Set.of("createdDate", "modifiedDate", "mappingVersion");

  private static final List<ResourceKind> KINDS =
      List.of(
          ResourceKind.IDENTITY_NAMESPACE,
          ResourceKind.DATA_TYPE,
          ResourceKind.FIELD_GROUP,
          ResourceKind.SCHEMA,
          ResourceKind.DESCRIPTOR,
          ResourceKind.CONNECTION,
          ResourceKind.SOURCE_CONNECTION,
          ResourceKind.DATASET,
          ResourceKind.TARGET_CONNECTION,
          ResourceKind.MAPPING_SET,
          ResourceKind.FLOW,
          ResourceKind.MERGE_POLICY);

  private SandboxShapes() {}

  /** Per kind, the shapes of the user's objects, each as JSON with sorted keys, sorted. */
  static Map<ResourceKind, List<String>> of(Emulator emulator, String org, String sandbox) {
    Map<ResourceKind, List<ObjectNode>> objects = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (ResourceKind kind : KINDS) {
      List<ObjectNode> own =
          emulator.objects(kind, org, sandbox).stream().filter(o -> !adobes(o)).toList();
      objects.put(kind, own);
      for (int i = 0; i < own.size(); i++) {
        for (String id : ids(own.get(i))) {
          names.put(id, kind.collection() + ":" + label(own.get(i), i));
        }
      }
    }
    Map<ResourceKind, List<String>> shapes = new HashMap<>();
    objects.forEach(
        (kind, own) ->
            shapes.put(
                kind,
                own.stream().map(o -> text(withoutIds(shape(kind, o), names))).sorted().toList()));
    return shapes;
  }

  private static ObjectNode shape(ResourceKind kind, ObjectNode o) {
    ObjectNode shape = o.deepCopy();
    shape.remove(SERVER_FIELDS);
    if (kind == ResourceKind.MAPPING_SET) {
      shape.path("mappings").forEach(m -> ((ObjectNode) m).remove("id"));
      ((ObjectNode) shape.path("outputSchema")).remove("id");
    }
    // Catalog answers contentType in its own form (catalog/api/filter-data.md) and export writes
    // what it answered: the same schema version, another spelling than the one the user sent
    if (shape.get("schemaRef") instanceof ObjectNode ref) {
      ref.remove("contentType");
    }
    return shape;
  }

  private static boolean adobes(JsonNode o) {
    return (o.has("custom") && !o.path("custom").asBoolean())
        || o.path("name").asText().equals("Profile Default Merge Policy");
  }

  private static List<String> ids(ObjectNode o) {
    List<String> ids = new ArrayList<>();
    for (String field : List.of("id", "$id", "meta:altId", "@id")) {
      if (o.path(field).isTextual()) {
        ids.add(o.get(field).asText());
      }
    }
    if (o.path("files").isTextual()) {
      ids.add(o.get("files").asText().replaceFirst(".*dataSetId=", ""));
    }
    return ids;
  }

  /** Title or name; a nameless object (a mapping set) by its creation order. */
  private static String label(ObjectNode o, int index) {
    return o.has("title")
        ? o.get("title").asText()
        : o.has("name") ? o.get("name").asText() : "#" + index;
  }

  private static JsonNode withoutIds(JsonNode node, Map<String, String> names) {
    if (node instanceof ObjectNode o) {
      o.remove(NESTED_SERVER_FIELDS);
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      keys.forEach(k -> o.set(k, withoutIds(o.get(k), names)));
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, withoutIds(a.get(i), names));
      }
    } else if (node.isTextual() && names.containsKey(node.asText())) {
      return TextNode.valueOf(names.get(node.asText()));
    }
    return node;
  }

  private static String text(JsonNode node) {
    try {
      return SORTED.writeValueAsString(SORTED.convertValue(node, Object.class));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
