package io.aepform.engine.kind;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** The parts of the editor schema that are not a kind's: names, expressions, other documents. */
final class Common {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String NAME = "^[a-z][a-z0-9_]*$";

  private Common() {}

  static void add(ObjectNode defs, Collection<String> kinds) {
    defs.putObject("name")
        .put(
            "description",
            "Logical name, unique per kind: lowercase letters, digits and _, starting with a"
                + " letter. The address is kind.name.")
        .put("type", "string")
        .put("pattern", NAME);
    defs.putObject("address")
        .put("description", "The address of a resource: kind.name, e.g. dataset.leads.")
        .put("type", "string")
        .put("pattern", "^(" + String.join("|", kinds) + ")\\.[a-z][a-z0-9_]*$");
    defs.putObject("expression")
        .put(
            "description",
            "A string that is exactly one expression (${kind.name.attribute}, ${var.NAME},"
                + " ${env.NAME}, ${platform.tenantId}): it keeps the type of its value.")
        .put("type", "string")
        .put("pattern", "^\\$\\{[^}]+\\}$");
    defs.putObject("template")
        .put(
            "description",
            "A string with an expression in it: its text is known only once the expression is"
                + " evaluated.")
        .put("type", "string")
        .put("pattern", "\\$\\{");
    defs.putObject("text")
        .put("description", "A string. aepform sends numbers and booleans written here as text.")
        .putArray("type")
        .add("string")
        .add("number")
        .add("boolean");
    ObjectNode integer =
        defs.putObject("integer")
            .put("description", "A whole number; a string of digits is sent as the number.");
    ArrayNode anyInt = integer.putArray("anyOf");
    anyInt.addObject().put("type", "integer");
    anyInt.addObject().put("type", "string").put("pattern", "^-?[0-9]{1,18}$");
    anyInt.addObject().put("$ref", "#/definitions/expression");
    ObjectNode bool =
        defs.putObject("boolean")
            .put(
                "description",
                "true or false; the strings \"true\" and \"false\" are sent as booleans.");
    ArrayNode anyBool = bool.putArray("anyOf");
    anyBool.addObject().put("type", "boolean");
    anyBool.addObject().putArray("enum").add("true").add("false");
    anyBool.addObject().put("$ref", "#/definitions/expression");
    defs.putObject("dependsOn")
        .put(
            "description",
            "Extra ordering edges beyond the references in spec: addresses of resources declared"
                + " in the configuration.")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/definitions/address");
    ObjectNode lifecycle =
        defs.putObject("lifecycle").put("type", "object").put("additionalProperties", false);
    ObjectNode lp = lifecycle.putObject("properties");
    lp.putObject("preventDestroy")
        .put("description", "Refuse any plan that deletes or replaces this resource.")
        .put("type", "boolean");
    lp.putObject("ignoreChanges")
        .put(
            "description",
            "JSON Pointers into spec whose changes and drift are ignored, such as /description.")
        .put("type", "array")
        .putObject("items")
        .put("type", "string")
        .put("pattern", "^/");
    defs.set("variableDocument", variable());
    defs.set("outputDocument", output());
    defs.set("movedDocument", refactoring("moved", "from", "to"));
    defs.set("importDocument", refactoring("import", "to", "id"));
    defs.set("removedDocument", refactoring("removed", "from"));
  }

  static ObjectNode resourceDocument(String kind) {
    ObjectNode doc = document(kind, "kind", "name", "spec");
    ObjectNode props = (ObjectNode) doc.get("properties");
    props.putObject("name").put("$ref", "#/definitions/name");
    props.putObject("dependsOn").put("$ref", "#/definitions/dependsOn");
    props.putObject("lifecycle").put("$ref", "#/definitions/lifecycle");
    props.putObject("spec").put("$ref", "#/definitions/" + kind + "Spec");
    return doc;
  }

  private static ObjectNode variable() {
    ObjectNode doc = document("variable", "kind", "name");
    ObjectNode props = (ObjectNode) doc.get("properties");
    props.putObject("name").put("$ref", "#/definitions/name");
    props.putObject("default").put("description", "The value when none is given (any type).");
    props.putObject("description").put("type", "string");
    props
        .putObject("sensitive")
        .put("description", "true hides the value in all output.")
        .put("type", "boolean");
    return doc;
  }

  private static ObjectNode output() {
    ObjectNode doc = document("output", "kind", "name", "value");
    ObjectNode props = (ObjectNode) doc.get("properties");
    props.putObject("name").put("$ref", "#/definitions/name");
    props
        .putObject("value")
        .put("description", "Any value; usually an expression such as ${flow.ingest.id}.");
    props.putObject("description").put("type", "string");
    props
        .putObject("sensitive")
        .put("description", "true hides the value in all output.")
        .put("type", "boolean");
    return doc;
  }

  /** A moved, import or removed document: no name, no spec, addresses and an id. */
  private static ObjectNode refactoring(String kind, String... required) {
    String[] keys = new String[required.length + 1];
    keys[0] = "kind";
    System.arraycopy(required, 0, keys, 1, required.length);
    ObjectNode doc = document(kind, keys);
    ObjectNode props = (ObjectNode) doc.get("properties");
    for (String key : required) {
      if (key.equals("id")) {
        props
            .putObject("id")
            .put("description", "The remote id of the object to adopt (expressions allowed).")
            .put("$ref", "#/definitions/text");
      } else {
        props.putObject(key).put("$ref", "#/definitions/address");
      }
    }
    return doc;
  }

  private static ObjectNode document(String kind, String... required) {
    ObjectNode doc = JSON.objectNode().put("type", "object");
    ArrayNode req = doc.putArray("required");
    for (String r : required) {
      req.add(r);
    }
    doc.put("additionalProperties", false);
    doc.putObject("properties").putObject("kind").put("const", kind);
    return doc;
  }
}
