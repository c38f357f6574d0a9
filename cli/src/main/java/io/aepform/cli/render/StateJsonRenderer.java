package io.aepform.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.Version;
import io.aepform.engine.plan.Secrets;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.state.ResourceState;
import io.aepform.state.State;

/**
 * The state as {@code show --format json} prints it (documented in docs/plan-json.md): what state
 * records of each resource, secrets as {@code null} and flagged in {@code spec_sensitive}.
 */
public final class StateJsonRenderer {
  private StateJsonRenderer() {}

  public static String render(State state) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("format_version", PlanJsonRenderer.FORMAT_VERSION);
    root.put("aepform_version", Version.current());
    root.put("environment", state.environment());
    root.put("sandbox", state.sandbox());
    root.put("serial", state.serial());
    root.put("lineage", state.lineage());
    ArrayNode resources = root.putArray("resources");
    state.resources().forEach(r -> resources.add(resource(r)));
    return Json.pretty(root);
  }

  private static ObjectNode resource(ResourceState r) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("address", r.address());
    node.put("kind", r.kind());
    node.put("name", r.logicalName());
    node.put("id", r.id());
    node.put("remote_name", r.name());
    node.put("status", r.status().json());
    if (!r.etag().isEmpty()) {
      node.put("etag", r.etag());
    }
    node.set("attributes", r.attributes().deepCopy());
    ArrayNode deps = node.putArray("dependencies");
    r.dependencies().forEach(deps::add);
    Value spec = Secrets.marked(Values.fromJson((JsonNode) r.spec()));
    node.set("spec", Values.toJsonRedacted(spec));
    node.set("spec_sensitive", Values.mask(spec, v -> v instanceof Value.Sensitive));
    return node;
  }
}
