package io.aepform.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** RFC 6902 JSON Patch, strict: lower-case ops only, as AEP's live APIs take them. */
public final class JsonPatch {
  private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");

  private JsonPatch() {}

  /** Checks the document is a patch array; returns its operations' target paths. */
  public static List<String> paths(JsonNode patch) {
    if (!patch.isArray()) {
      throw new Violation("a JSON Patch body must be an array of operations (RFC 6902)");
    }
    List<String> paths = new ArrayList<>();
    for (JsonNode op : patch) {
      String name = Fields.requireString(op, "op", "op");
      if (!OPS.contains(name)) {
        throw new Violation("unsupported JSON Patch op '" + name + "' (ops are lower-case)");
      }
      paths.add(Fields.requireString(op, "path", "path"));
      if (name.equals("move") || name.equals("copy")) {
        paths.add(Fields.requireString(op, "from", "from"));
      }
      if (Set.of("add", "replace", "test").contains(name) && !op.has("value")) {
        throw new Violation("JSON Patch op '" + name + "' needs a 'value'");
      }
    }
    return paths;
  }

  /** Applies the patch to a copy of {@code target} and returns the copy. */
  public static ObjectNode apply(ObjectNode target, JsonNode patch) {
    paths(patch);
    ObjectNode doc = target.deepCopy();
    for (JsonNode op : patch) {
      applyOne(doc, op);
    }
    return doc;
  }

  private static void applyOne(ObjectNode doc, JsonNode op) {
    String path = op.get("path").asText();
    switch (op.get("op").asText()) {
      case "add" -> add(doc, path, op.get("value").deepCopy());
      case "remove" -> remove(doc, path);
      case "replace" -> replace(doc, path, op.get("value").deepCopy());
      case "move" -> {
        JsonNode v = get(doc, op.get("from").asText());
        remove(doc, op.get("from").asText());
        add(doc, path, v);
      }
      case "copy" -> add(doc, path, get(doc, op.get("from").asText()).deepCopy());
      default -> {
        if (!get(doc, path).equals(op.get("value"))) {
          throw new Violation("JSON Patch test failed at '" + path + "'");
        }
      }
    }
  }

  private static JsonNode get(JsonNode doc, String path) {
    JsonNode n = doc.at(path);
    if (n.isMissingNode()) {
      throw new Violation("JSON Patch path '" + path + "' does not exist");
    }
    return n;
  }

  private static void add(ObjectNode doc, String path, JsonNode value) {
    JsonNode parent = parentOf(doc, path);
    String key = lastToken(path);
    if (parent.isObject()) {
      ((ObjectNode) parent).set(key, value);
    } else if (parent.isArray()) {
      ArrayNode arr = (ArrayNode) parent;
      if (key.equals("-")) {
        arr.add(value);
      } else {
        arr.insert(index(arr, key, true), value);
      }
    } else {
      throw new Violation("JSON Patch path '" + path + "' has no container to add to");
    }
  }

  /** Replaces in place, so an object's fields keep their order. */
  private static void replace(ObjectNode doc, String path, JsonNode value) {
    get(doc, path);
    JsonNode parent = parentOf(doc, path);
    String key = lastToken(path);
    if (parent.isObject()) {
      ((ObjectNode) parent).set(key, value);
    } else {
      ArrayNode arr = (ArrayNode) parent;
      arr.set(index(arr, key, false), value);
    }
  }

  private static void remove(ObjectNode doc, String path) {
    JsonNode parent = parentOf(doc, path);
    String key = lastToken(path);
    if (parent.isObject() && parent.has(key)) {
      ((ObjectNode) parent).remove(key);
    } else if (parent.isArray()) {
      ((ArrayNode) parent).remove(index((ArrayNode) parent, key, false));
    } else {
      throw new Violation("JSON Patch path '" + path + "' does not exist");
    }
  }

  private static JsonNode parentOf(ObjectNode doc, String path) {
    if (path.isEmpty() || !path.startsWith("/")) {
      throw new Violation("JSON Patch path '" + path + "' must start with '/'");
    }
    String parentPath = path.substring(0, path.lastIndexOf('/'));
    return parentPath.isEmpty() ? doc : get(doc, parentPath);
  }

  private static int index(ArrayNode arr, String key, boolean forAdd) {
    try {
      int i = Integer.parseInt(key);
      if (i >= 0 && (i < arr.size() || (forAdd && i == arr.size()))) {
        return i;
      }
    } catch (NumberFormatException e) {
      // falls through to the violation below
    }
    throw new Violation("JSON Patch array index '" + key + "' is out of range");
  }

  private static String lastToken(String path) {
    return unescape(path.substring(path.lastIndexOf('/') + 1));
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
