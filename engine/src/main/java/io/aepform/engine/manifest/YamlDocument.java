package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.Map;
import java.util.Objects;

/** One YAML document as a value, with the position of every value and every key by JSON Pointer. */
public record YamlDocument(
    Value root, Position start, Map<String, Position> values, Map<String, Position> keys) {
  public YamlDocument {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(start, "start");
    values = Map.copyOf(values);
    keys = Map.copyOf(keys);
  }

  /** Where the value at {@code pointer} is, or the nearest enclosing value that has a position. */
  public Position valueAt(String pointer) {
    String p = pointer;
    while (true) {
      Position found = values.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return start;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Where the key of the field at {@code pointer} is written, else where its value is. */
  public Position keyAt(String pointer) {
    Position found = keys.get(pointer);
    return found != null ? found : valueAt(pointer);
  }
}
