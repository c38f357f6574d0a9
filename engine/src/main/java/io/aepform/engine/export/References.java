package io.aepform.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.value.Pointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the ids of other exported objects into {@code ${kind.name.id}} references, in the fields
 * that hold them. Only those fields: an id that happens to appear in a description or a tag stays
 * text, so export never invents a dependency (or a cycle) the platform does not have.
 */
final class References {
  /**
   * A field of {@code kind} that holds an id of {@code target}; {@code *} is every array item. With
   * a {@code key}, the field holds ids in the values of that key anywhere below it.
   */
  private record Field(String kind, List<String> path, String target, String key) {}

  private final List<Field> fields = new java.util.ArrayList<>();
  private final Map<String, Kind> kinds;

  /** The reference fields every kind declares. */
  References(Map<String, Kind> kinds) {
    this.kinds = kinds;
    kinds.forEach(
        (name, kind) ->
            kind.fields()
                .all()
                .forEach(
                    f -> {
                      List<String> path = Pointers.tokens(f.pointer());
                      f.references().ifPresent(t -> fields.add(new Field(name, path, t, "")));
                      f.referencesBelow()
                          .ifPresent(n -> fields.add(new Field(name, path, n.kind(), n.key())));
                    }));
  }

  /** Per kind, each id (and schema altId) of an exported object: the expression for it. */
  private final Map<String, Map<String, String>> expressions = new HashMap<>();

  /** Registers an exported object: {@code ids} maps attribute (id, altId) to its value. */
  void add(Address address, Map<String, String> ids) {
    Map<String, String> byId = expressions.computeIfAbsent(address.kind(), k -> new HashMap<>());
    ids.forEach(
        (attribute, id) -> {
          if (!id.isEmpty()) {
            byId.putIfAbsent(id, "${" + address + "." + attribute + "}");
          }
        });
  }

  /**
   * Replaces the ids in {@code spec} of {@code address}; an id of no exported object is kept as it
   * is and reported to {@code warnings}.
   */
  void replace(Address address, ObjectNode spec, Consumer<String> warnings) {
    for (Field f : fields) {
      if (f.kind().equals(address.kind()) && f.key().isEmpty()) {
        replace(spec, f.path(), "", f.target(), address, warnings);
      } else if (f.kind().equals(address.kind())) {
        String pointer = "";
        for (String token : f.path()) {
          pointer = Pointers.child(pointer, token);
        }
        replaceBelow(spec.at(pointer), pointer, f, address, warnings);
      }
    }
  }

  /**
   * Replaces the ids of exported objects in the values of {@code f.key()} anywhere in {@code node};
   * other values (a local {@code #/definitions/x}, Adobe's own ids) stay, and only an id of the
   * target kind's form that no exported object has is reported.
   */
  private void replaceBelow(
      JsonNode node, String at, Field f, Address address, Consumer<String> warnings) {
    if (node instanceof ObjectNode object) {
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        String here = Pointers.child(at, k);
        JsonNode v = object.get(k);
        boolean known =
            v.isTextual()
                && (expressions.getOrDefault(f.target(), Map.of()).containsKey(v.asText())
                    || kinds.get(f.target()).tenantIn(v.asText()).isPresent());
        if (k.equals(f.key()) && known) {
          object.set(k, swapped(v, here, f.target(), address, warnings));
        } else {
          replaceBelow(v, here, f, address, warnings);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        replaceBelow(array.get(i), Pointers.child(at, i), f, address, warnings);
      }
    }
  }

  private void replace(
      JsonNode node,
      List<String> path,
      String at,
      String target,
      Address address,
      Consumer<String> warnings) {
    String step = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (step.equals("*") && node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String here = at + "/" + i;
        if (rest.isEmpty()) {
          array.set(i, swapped(array.get(i), here, target, address, warnings));
        } else {
          replace(array.get(i), rest, here, target, address, warnings);
        }
      }
    } else if (node instanceof ObjectNode object && object.has(step)) {
      String here = at + "/" + step;
      if (rest.isEmpty()) {
        object.set(step, swapped(object.get(step), here, target, address, warnings));
      } else {
        replace(object.get(step), rest, here, target, address, warnings);
      }
    }
  }

  /** The reference for an id, or the value as it is (reported when it is an unknown id). */
  private JsonNode swapped(
      JsonNode value, String pointer, String target, Address address, Consumer<String> warnings) {
    if (!value.isTextual() || value.asText().isEmpty()) {
      return value;
    }
    String expression = expressions.getOrDefault(target, Map.of()).get(value.asText());
    if (expression != null) {
      return TextNode.valueOf(expression);
    }
    if (kinds.get(target) != null && kinds.get(target).standard(value.asText())) {
      return value;
    }
    warnings.accept(
        address
            + ": spec"
            + pointer.replace('/', '.')
            + " '"
            + value.asText()
            + "' is no exported "
            + target
            + ": kept as a literal id, which must exist in the sandbox the manifests are applied to");
    return value;
  }
}
