package io.aepform.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.ExpressionParser;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan as JSON, for saved plan files. Values keep what makes them special: an unknown keeps its
 * expression ({@code {"$aepform.unknown": "${schema.x.id}"}}), a secret is kept only as a digest
 * under the file's own salt ({@code {"$aepform.sensitive": "pbkdf2-..."}}), so the same plan always
 * encodes to the same bytes and no secret is ever written.
 */
public final class PlanCodec {
  static final String UNKNOWN = "$aepform.unknown";
  static final String SENSITIVE = "$aepform.sensitive";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanCodec() {}

  /** The changes, drift and outputs of {@code plan}, secrets digested with {@code salt}. */
  public static ObjectNode encode(Plan plan, String salt) {
    ObjectNode root = JSON.objectNode();
    root.put("environment", plan.environment());
    root.put("lineage", plan.lineage());
    root.put("serial", plan.serial());
    ArrayNode changes = root.putArray("changes");
    for (ResourceChange c : plan.changes()) {
      ObjectNode n = changes.addObject();
      n.put("address", c.address().toString());
      n.put("action", c.action().name());
      n.put("reason", c.reason());
      c.previousAddress().ifPresent(p -> n.put("previousAddress", p.toString()));
      c.importing().ifPresent(id -> n.put("importing", id));
      c.before().ifPresent(v -> n.set("before", value(v, salt)));
      c.after().ifPresent(v -> n.set("after", value(v, salt)));
      ArrayNode fields = n.putArray("fields");
      for (FieldChange f : c.fields()) {
        ObjectNode fn = fields.addObject().put("pointer", f.pointer());
        f.before().ifPresent(v -> fn.set("before", value(v, salt)));
        f.after().ifPresent(v -> fn.set("after", value(v, salt)));
      }
      ArrayNode deps = n.putArray("dependencies");
      c.dependencies().forEach(d -> deps.add(d.toString()));
    }
    ArrayNode drift = root.putArray("drift");
    for (Drift d : plan.drift()) {
      ObjectNode n =
          drift.addObject().put("address", d.address().toString()).put("deleted", d.deleted());
      ArrayNode fields = n.putArray("fields");
      d.fields().forEach(f -> fields.add(f.pointer()));
    }
    ObjectNode outputs = root.putObject("outputs");
    plan.outputs()
        .forEach(
            o ->
                outputs.set(
                    o.name(),
                    withBefore(
                        JSON.objectNode()
                            .put("sensitive", o.sensitive())
                            .set("value", value(o.value(), salt)),
                        o,
                        salt)));
    ArrayNode warnings = root.putArray("warnings");
    plan.warnings().forEach(w -> warnings.add(w.toString()));
    return root;
  }

  /** Reads back what {@link #encode} wrote; secrets come back as digests, still sensitive. */
  public static Plan decode(JsonNode root) {
    List<ResourceChange> changes = new ArrayList<>();
    for (JsonNode n : root.path("changes")) {
      List<FieldChange> fields = new ArrayList<>();
      for (JsonNode f : n.path("fields")) {
        fields.add(
            new FieldChange(
                f.path("pointer").asText(), optional(f, "before"), optional(f, "after")));
      }
      List<Address> deps = new ArrayList<>();
      n.path("dependencies").forEach(d -> deps.add(address(d.asText())));
      changes.add(
          new ResourceChange(
              address(n.path("address").asText()),
              Action.valueOf(n.path("action").asText()),
              n.path("reason").asText(),
              optional(n, "before"),
              optional(n, "after"),
              fields,
              deps,
              n.hasNonNull("previousAddress")
                  ? Optional.of(address(n.path("previousAddress").asText()))
                  : Optional.empty(),
              n.hasNonNull("importing")
                  ? Optional.of(n.path("importing").asText())
                  : Optional.empty()));
    }
    List<Drift> drift = new ArrayList<>();
    for (JsonNode d : root.path("drift")) {
      List<FieldChange> fields = new ArrayList<>();
      d.path("fields")
          .forEach(
              f -> fields.add(new FieldChange(f.asText(), Optional.empty(), Optional.empty())));
      drift.add(
          new Drift(address(d.path("address").asText()), d.path("deleted").asBoolean(), fields));
    }
    List<OutputValue> outputs = new ArrayList<>();
    root.path("outputs")
        .fields()
        .forEachRemaining(
            e ->
                outputs.add(
                    new OutputValue(
                        e.getKey(),
                        decodeValue(e.getValue().path("value")),
                        e.getValue().path("sensitive").asBoolean(),
                        optional(e.getValue(), "before"))));
    List<Problem> warnings = new ArrayList<>();
    root.path("warnings")
        .forEach(w -> warnings.add(Problem.warning(Position.of("plan"), w.asText())));
    return new Plan(
        root.path("environment").asText(),
        root.path("lineage").asText(),
        root.path("serial").asLong(),
        changes,
        drift,
        outputs,
        warnings);
  }

  /** An output's value before the plan, when it had one (see {@link OutputChanges}). */
  private static ObjectNode withBefore(ObjectNode node, OutputValue o, String salt) {
    o.before().ifPresent(b -> node.set("before", value(b, salt)));
    return node;
  }

  /** Canonical text of an encoded plan, to compare two plans byte for byte. */
  public static String text(JsonNode encoded) {
    try {
      return MAPPER.writeValueAsString(encoded);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Value> optional(JsonNode n, String field) {
    return n.has(field) ? Optional.of(decodeValue(n.get(field))) : Optional.empty();
  }

  private static Address address(String text) {
    return Address.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not an address: " + text));
  }

  static JsonNode value(Value v, String salt) {
    Value digested = Secrets.digested(v, salt);
    return encodeValue(digested);
  }

  private static JsonNode encodeValue(Value v) {
    if (v instanceof Value.Unknown u) {
      return JSON.objectNode().put(UNKNOWN, u.template().source());
    } else if (v instanceof Value.Sensitive s) {
      // after digesting, a known secret is its digest; an unknown one keeps its expression
      return JSON.objectNode().set(SENSITIVE, encodeValue(s.value()));
    } else if (v instanceof Value.Arr a) {
      ArrayNode array = JSON.arrayNode();
      a.items().forEach(i -> array.add(encodeValue(i)));
      return array;
    } else if (v instanceof Value.Obj o) {
      ObjectNode object = JSON.objectNode();
      o.fields().forEach((k, x) -> object.set(k, encodeValue(x)));
      return object;
    }
    return Values.toJsonRevealed(v);
  }

  private static Value decodeValue(JsonNode n) {
    if (n.isObject() && n.size() == 1 && n.has(UNKNOWN)) {
      Value parsed = ExpressionParser.parse(n.get(UNKNOWN).asText(), Position.of("plan"));
      return parsed instanceof Value.Template t ? new Value.Unknown(t) : parsed;
    }
    if (n.isObject() && n.size() == 1 && n.has(SENSITIVE)) {
      return new Value.Sensitive(decodeValue(n.get(SENSITIVE)));
    }
    if (n.isArray()) {
      List<Value> items = new ArrayList<>();
      n.forEach(i -> items.add(decodeValue(i)));
      return new Value.Arr(items);
    }
    if (n.isObject()) {
      Map<String, Value> fields = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> fields.put(e.getKey(), decodeValue(e.getValue())));
      return new Value.Obj(fields);
    }
    return Values.fromJson(n);
  }
}
