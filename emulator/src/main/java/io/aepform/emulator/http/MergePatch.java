package io.aepform.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** RFC 7396 JSON Merge Patch: objects merge recursively, {@code null} removes a field. */
public final class MergePatch {
  private MergePatch() {}

  public static ObjectNode apply(ObjectNode target, JsonNode patch) {
    if (!patch.isObject()) {
      throw new Violation("a merge patch body must be a JSON object");
    }
    ObjectNode doc = target.deepCopy();
    merge(doc, (ObjectNode) patch);
    return doc;
  }

  private static void merge(ObjectNode doc, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      JsonNode value = e.getValue();
      JsonNode existing = doc.get(e.getKey());
      if (value.isNull()) {
        doc.remove(e.getKey());
      } else if (value.isObject() && existing != null && existing.isObject()) {
        merge((ObjectNode) existing, (ObjectNode) value);
      } else {
        doc.set(e.getKey(), value.deepCopy());
      }
    }
  }
}
