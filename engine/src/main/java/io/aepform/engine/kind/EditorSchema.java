package io.aepform.engine.kind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON Schema editors use to check and complete manifests (docs/schema), made from the kinds'
 * declared fields, so it can never disagree with them: the same fields, types, required fields,
 * allowed values and open objects that validate uses. Rules beyond one field (a schedule's interval
 * against its frequency) stay with validate.
 */
public final class EditorSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String EXPRESSION = "#/definitions/expression";

  private EditorSchema() {}

  /** The schema as the file docs/schema/aepform-manifest.schema.json holds it. */
  public static String text(Map<String, Kind> kinds) {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    var indenter = new DefaultIndenter("  ", "\n");
    var printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(of(kinds)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole schema for documents of {@code kinds} (in that order) and the other documents. */
  public static ObjectNode of(Map<String, Kind> kinds) {
    ObjectNode root = JSON.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", "aepform manifest document");
    root.put(
        "description",
        "One YAML document of an aepform configuration: a resource ("
            + String.join(", ", kinds.keySet())
            + "), a variable, an output, or a refactoring document (moved, import, removed)."
            + " Generated from the fields each kind declares (aepform's own validation): a"
            + " string that is exactly one expression, such as ${var.interval}, may stand for a"
            + " value of any type. See docs/manifests.md and docs/kinds.md.");
    root.put("type", "object");
    root.putArray("required").add("kind");
    ObjectNode props = root.putObject("properties");
    ArrayNode words =
        props.putObject("kind").put("description", "What the document declares.").putArray("enum");
    kinds.keySet().forEach(words::add);
    List.of("variable", "output", "moved", "import", "removed").forEach(words::add);
    ArrayNode cases = root.putArray("allOf");
    ObjectNode defs = JSON.objectNode();
    Common.add(defs, kinds.keySet());
    for (Kind kind : kinds.values()) {
      defs.set(kind.kind() + "Spec", spec(kind));
      defs.set(kind.kind() + "Document", Common.resourceDocument(kind.kind()));
      cases.add(when(kind.kind()));
    }
    for (String other : List.of("variable", "output", "moved", "import", "removed")) {
      cases.add(when(other));
    }
    root.set("definitions", defs);
    return root;
  }

  private static ObjectNode when(String kind) {
    ObjectNode c = JSON.objectNode();
    ObjectNode test = c.putObject("if");
    test.putArray("required").add("kind");
    test.putObject("properties").putObject("kind").put("const", kind);
    c.putObject("then").put("$ref", "#/definitions/" + kind + "Document");
    return c;
  }

  /** A kind's spec; its name is not required: it defaults to the logical name. */
  private static JsonNode spec(Kind kind) {
    ObjectNode out = (ObjectNode) node(kind.fields().shape(), true);
    String name = kind.nameField();
    if (out.get("required") instanceof ArrayNode required) {
      ArrayNode kept = JSON.arrayNode();
      required.forEach(
          r -> {
            if (!r.asText().equals(name)) {
              kept.add(r);
            }
          });
      out.set("required", kept);
    }
    out.put(
        "description",
        "The create request body of a "
            + kind.kind()
            + (name.isEmpty() ? "" : "; " + name + " defaults to the logical name")
            + ". See docs/kinds.md.");
    return out;
  }

  private static JsonNode node(Fields.Shape shape, boolean root) {
    Field f = shape.field().orElse(null);
    JsonType type =
        f != null
            ? f.type()
            : !shape.children().isEmpty()
                ? JsonType.OBJECT
                : shape.items().isPresent() ? JsonType.ARRAY : JsonType.ANY;
    ObjectNode out =
        switch (type) {
          case STRING -> string(f);
          case INTEGER -> ref("integer");
          case BOOLEAN -> ref("boolean");
          case ANY -> JSON.objectNode();
          case OBJECT -> object(shape, f, root);
          case ARRAY, STRING_ARRAY -> array(shape, type);
        };
    if (f != null) {
      describe(out, f);
    }
    return out;
  }

  private static ObjectNode string(Field f) {
    if (f != null && !f.aliases().isEmpty()) {
      ObjectNode out = JSON.objectNode();
      ArrayNode any = out.putArray("anyOf");
      ArrayNode words = any.addObject().putArray("enum");
      new TreeSet<>(f.aliases().keySet()).forEach(words::add);
      any.addObject()
          .put("type", "string")
          .put("pattern", "^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$");
      any.addObject().put("$ref", EXPRESSION);
      return out;
    }
    if (f == null || f.allowed().isEmpty()) {
      return ref("text");
    }
    ObjectNode out = JSON.objectNode();
    ArrayNode any = out.putArray("anyOf");
    ArrayNode values = any.addObject().putArray("enum");
    new TreeSet<>(f.allowed()).forEach(values::add);
    any.addObject().put("$ref", "#/definitions/template");
    return out;
  }

  private static ObjectNode object(Fields.Shape shape, Field f, boolean root) {
    ObjectNode obj = JSON.objectNode().put("type", "object");
    if (!shape.children().isEmpty()) {
      ObjectNode props = obj.putObject("properties");
      List<String> required = new ArrayList<>();
      shape
          .children()
          .forEach(
              (k, c) -> {
                props.set(k, node(c, false));
                if (c.field()
                    .filter(Field::isRequired)
                    .filter(x -> x.defaultValue().isEmpty())
                    .isPresent()) {
                  required.add(k);
                }
              });
      if (!required.isEmpty()) {
        ArrayNode r = obj.putArray("required");
        required.forEach(r::add);
      }
    }
    obj.put("additionalProperties", f != null && f.isOpen());
    if (root) {
      return obj;
    }
    ObjectNode out = JSON.objectNode();
    out.putArray("anyOf").add(obj).addObject().put("$ref", EXPRESSION);
    return out;
  }

  private static ObjectNode array(Fields.Shape shape, JsonType type) {
    ObjectNode arr = JSON.objectNode().put("type", "array");
    if (shape.items().isPresent()) {
      arr.set("items", node(shape.items().get(), false));
    } else if (type == JsonType.STRING_ARRAY) {
      arr.set("items", ref("text"));
    }
    ObjectNode out = JSON.objectNode();
    out.putArray("anyOf").add(arr).addObject().put("$ref", EXPRESSION);
    return out;
  }

  private static ObjectNode ref(String definition) {
    return JSON.objectNode().put("$ref", "#/definitions/" + definition);
  }

  /** A description of what the field's declaration says; a $ref keeps it beside, in allOf. */
  private static void describe(ObjectNode out, Field f) {
    List<String> said = new ArrayList<>();
    if (!f.description().isEmpty()) {
      said.add(f.description() + (f.description().endsWith(".") ? "" : "."));
    }
    f.references().ifPresent(k -> said.add("The id of a " + k + ", e.g. ${" + k + ".NAME.id}."));
    f.referencesBelow()
        .ifPresent(
            n ->
                said.add(
                    "A "
                        + n.key()
                        + " in it may hold the id of a "
                        + n.kind()
                        + ", e.g. ${"
                        + n.kind()
                        + ".NAME.id}."));
    if (!f.aliases().isEmpty()) {
      said.add("An id, or one of: " + String.join(", ", new TreeSet<>(f.aliases().keySet())) + ".");
    }
    if (f.forcesReplace()) {
      said.add("Changing it replaces the object.");
    }
    if (f.isImmutable()) {
      said.add("It cannot be changed once created.");
    }
    if (f.isIrreversible()) {
      said.add("Once set it cannot be unset.");
    }
    if (said.isEmpty()) {
      return;
    }
    if (out.has("$ref")) {
      String target = out.remove("$ref").asText();
      out.putArray("allOf").addObject().put("$ref", target);
    }
    out.put("description", String.join(" ", said));
  }
}
