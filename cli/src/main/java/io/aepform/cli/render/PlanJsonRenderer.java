package io.aepform.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.Version;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.Drift;
import io.aepform.engine.plan.FieldChange;
import io.aepform.engine.plan.OutputChanges;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.Optional;

/**
 * The machine format of a plan (documented in docs/plan-json.md). Unknown and sensitive values are
 * {@code null} in {@code before}/{@code after} and flagged in the masks beside them.
 */
public final class PlanJsonRenderer {
  /** Bumped on incompatible changes of the format. */
  public static final String FORMAT_VERSION = "1.0";

  private PlanJsonRenderer() {}

  public static String render(Plan plan) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("aepform_version", Version.current());
    root.put("environment", plan.environment());
    ArrayNode changes = root.putArray("resource_changes");
    plan.changes().forEach(c -> changes.add(change(c)));
    ArrayNode drift = root.putArray("resource_drift");
    plan.drift().forEach(d -> drift.add(drift(d)));
    ObjectNode outputs = root.putObject("output_changes");
    plan.outputs().forEach(o -> outputs.set(o.name(), output(o)));
    ObjectNode summary = root.putObject("summary");
    summary.put("import", plan.toImport());
    summary.put("add", plan.toAdd());
    summary.put("change", plan.toChange());
    summary.put("destroy", plan.toDestroy());
    summary.put("forget", plan.toForget());
    summary.put("drift", plan.drift().size());
    // the text plan's "Warning:" lines, one string each in their one-line form
    ArrayNode warnings = root.putArray("warnings");
    plan.warnings().stream().filter(w -> !w.isError()).forEach(w -> warnings.add(w.toString()));
    return Json.pretty(root);
  }

  private static ObjectNode change(ResourceChange c) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("address", c.address().toString());
    node.put("kind", c.kind());
    node.put("name", c.name());
    c.previousAddress().ifPresent(p -> node.put("previous_address", p.toString()));
    ObjectNode change = node.putObject("change");
    ArrayNode actions = change.putArray("actions");
    c.action().actions().forEach(actions::add);
    values(change, c.before(), c.after());
    c.importing().ifPresent(id -> change.putObject("importing").put("id", id));
    if (!c.reason().isEmpty()) {
      node.put("action_reason", c.reason());
    }
    if (c.action() == Action.UPDATE) {
      ArrayNode fields = node.putArray("changed_fields");
      c.fields().forEach(f -> fields.add(f.pointer()));
    }
    return node;
  }

  private static void values(ObjectNode change, Optional<Value> before, Optional<Value> after) {
    change.set("before", before.map(Values::toJsonRedacted).orElse(Json.NODES.nullNode()));
    change.set("after", after.map(Values::toJsonRedacted).orElse(Json.NODES.nullNode()));
    change.set(
        "after_unknown",
        after.map(v -> Values.mask(v, x -> x instanceof Value.Unknown)).orElse(falseNode()));
    change.set("before_sensitive", before.map(PlanJsonRenderer::sensitiveMask).orElse(falseNode()));
    change.set("after_sensitive", after.map(PlanJsonRenderer::sensitiveMask).orElse(falseNode()));
  }

  private static JsonNode sensitiveMask(Value v) {
    return Values.mask(v, x -> x instanceof Value.Sensitive);
  }

  private static JsonNode falseNode() {
    return Json.NODES.booleanNode(false);
  }

  private static ObjectNode drift(Drift d) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("address", d.address().toString());
    node.put("kind", d.address().kind());
    node.put("name", d.address().name());
    node.put("deleted", d.deleted());
    ArrayNode fields = node.putArray("changed_fields");
    for (FieldChange f : d.fields()) {
      fields.add(f.pointer());
    }
    return node;
  }

  private static ObjectNode output(OutputValue o) {
    ObjectNode node = Json.NODES.objectNode();
    ArrayNode actions = node.putArray("actions");
    OutputChanges.action(o).actions().forEach(actions::add);
    node.set(
        "before",
        o.before()
            .filter(b -> !o.sensitive())
            .map(Values::toJsonRedacted)
            .orElse(Json.NODES.nullNode()));
    node.set("after", o.sensitive() ? Json.NODES.nullNode() : Values.toJsonRedacted(o.value()));
    node.set("after_unknown", Values.mask(o.value(), x -> x instanceof Value.Unknown));
    node.put("before_sensitive", o.sensitive() && o.before().isPresent());
    node.put("after_sensitive", o.sensitive());
    return node;
  }
}
