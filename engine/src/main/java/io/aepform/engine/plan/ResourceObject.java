package io.aepform.engine.plan;

import io.aepform.engine.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource as plans show it: the attributes only the platform assigns ({@code id}, {@code altId}
 * for schemas, the {@code etag} where the API has one), then {@code spec}.
 */
final class ResourceObject {
  private ResourceObject() {}

  static Value of(Map<String, Value> attributes, Value spec, String kind) {
    Map<String, Value> fields = new LinkedHashMap<>();
    put(fields, attributes, "id");
    put(fields, attributes, "altId");
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
