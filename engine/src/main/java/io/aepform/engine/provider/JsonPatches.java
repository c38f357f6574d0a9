package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.List;
import java.util.Optional;

/** RFC 6902 JSON Patch documents for the changed fields of a spec (lowercase ops, as AEP takes). */
final class JsonPatches {
  private JsonPatches() {}

  /**
   * {@code add}, {@code replace} or {@code remove} per changed pointer; secrets in clear. A remove
   * carries the value it removes (flow-service.yaml PatchInstruction requires {@code value}).
   */
  static ArrayNode of(Value before, Value after, List<String> pointers) {
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    for (String pointer : pointers) {
      Optional<Value> was = Values.at(before, pointer);
      Optional<Value> now = Values.at(after, pointer);
      ObjectNode op = patch.addObject();
      if (now.isEmpty()) {
        // the Flow Service spec's PatchInstruction requires a value, also for remove: the old one
        op.put("op", "remove").put("path", pointer);
        was.ifPresent(v -> op.set("value", Values.toJsonRevealed(v)));
      } else {
        op.put("op", was.isPresent() ? "replace" : "add").put("path", pointer);
        op.set("value", Values.toJsonRevealed(now.get()));
      }
    }
    return patch;
  }
}
