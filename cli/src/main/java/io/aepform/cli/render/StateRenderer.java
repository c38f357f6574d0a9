package io.aepform.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.plan.Secrets;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.state.ResourceState;
import java.util.LinkedHashMap;
import java.util.Map;

/** A resource of state as {@code state show} prints it; digests of secrets read (sensitive). */
public final class StateRenderer {
  private StateRenderer() {}

  public static String show(ResourceState r) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(r.address()).append(":\n");
    out.append(r.kind()).append(" \"").append(r.logicalName()).append("\" {\n");
    Map<String, Value> fields = new LinkedHashMap<>();
    fields.put("id", new Value.Str(r.id()));
    fields.put("name", new Value.Str(r.name()));
    fields.put("status", new Value.Str(r.status().json()));
    if (!r.etag().isEmpty()) {
      fields.put("etag", new Value.Str(r.etag()));
    }
    r.attributes()
        .fields()
        .forEachRemaining(e -> fields.putIfAbsent(e.getKey(), Values.fromJson(e.getValue())));
    if (!r.dependencies().isEmpty()) {
      fields.put(
          "dependencies",
          new Value.Arr(r.dependencies().stream().map(d -> (Value) new Value.Str(d)).toList()));
    }
    fields.put("spec", Secrets.marked(Values.fromJson((JsonNode) r.spec())));
    StringBuilder body = new StringBuilder();
    new TreeWriter(body, " ").fields(fields, 2);
    out.append(body.toString().replace("    ", "    ")).append("}\n");
    return out.toString();
  }
}
