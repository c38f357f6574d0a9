package io.aepform.engine.plan;

import io.aepform.engine.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A resource as plans show it: the attributes only the platform assigns ({@code id} first, then the
 * others such as a schema's {@code altId}, the {@code etag} where the API has one), then {@code
 * spec}. The remote name is in the spec: it is not repeated.
 */
final class ResourceObject {
  private ResourceObject() {}

  static Value of(Map<String, Value> attributes, Value spec, String nameField) {
    Map<String, Value> fields = new LinkedHashMap<>();
    put(fields, attributes, "id");
    for (String key : new TreeSet<>(attributes.keySet())) {
      if (!key.equals("id") && !key.equals("etag") && !key.equals(nameField)) {
        put(fields, attributes, key);
      }
    }
    put(fields, attributes, "etag");
    fields.put("spec", spec);
    return new Value.Obj(fields);
  }

  private static void put(Map<String, Value> fields, Map<String, Value> attributes, String key) {
    Value v = attributes.get(key);
    if (v != null) {
      fields.put(key, v);
    }
  }
}
