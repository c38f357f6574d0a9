package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A flow's {@code transformations} changed by name: Adobe updates a flow's mapping with {@code
 * replace /transformations/N} carrying the whole transformation (sources/tutorials/api/
 * update-dataflows.md, "Update mapping"), where N is its place in the flow as AEP holds it. The
 * same page shows a flow whose {@code transformations[0]} is {@code Copy} and {@code [1]} {@code
 * Mapping}: the index in the manifest says nothing of the index in AEP, so each transformation is
 * found by its {@code name} in the flow as read.
 */
final class FlowTransformations {
  private FlowTransformations() {}

  /**
   * The operations that turn the transformations of {@code before} into those of {@code after} in
   * the flow {@code remote} (its body as read): replaces in place, then removes from the end, then
   * additions at the end, so each index stays valid when its operation runs.
   */
  static ArrayNode patch(Value remote, Value before, Value after) {
    List<Value> held = items(remote);
    List<Value> was = items(before);
    List<Value> now = items(after);
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    List<Value> added = new ArrayList<>();
    for (Value t : now) {
      int at = indexOf(held, name(t));
      if (at < 0) {
        added.add(t);
      } else if (!named(was, name(t)).map(w -> Values.looselyEqual(w, t)).orElse(false)) {
        patch.addObject().put("op", "replace").put("path", path(at)).set("value", json(t));
      }
    }
    List<Integer> removed = new ArrayList<>();
    for (Value t : was) {
      int at = indexOf(held, name(t));
      if (at >= 0 && named(now, name(t)).isEmpty()) {
        removed.add(at);
      }
    }
    removed.sort(Comparator.reverseOrder());
    for (int at : removed) {
      patch.addObject().put("op", "remove").put("path", path(at)).set("value", json(held.get(at)));
    }
    for (Value t : added) {
      patch.addObject().put("op", "add").put("path", "/transformations/-").set("value", json(t));
    }
    return patch;
  }

  private static List<Value> items(Value flow) {
    return Values.at(flow, "/transformations").map(Values::unmark).orElse(null)
            instanceof Value.Arr a
        ? a.items()
        : List.of();
  }

  private static String name(Value transformation) {
    return Values.at(transformation, "/name").map(Values::unmark).orElse(null)
            instanceof Value.Str s
        ? s.value()
        : "";
  }

  private static int indexOf(List<Value> transformations, String name) {
    for (int i = 0; i < transformations.size(); i++) {
      if (name(transformations.get(i)).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<Value> named(List<Value> transformations, String name) {
    int at = indexOf(transformations, name);
    return at < 0 ? Optional.empty() : Optional.of(transformations.get(at));
  }

  private static String path(int index) {
    return "/transformations/" + index;
  }

  private static JsonNode json(Value v) {
    return Values.toJsonRevealed(v);
  }
}
