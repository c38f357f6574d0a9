package io.aepform.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.value.Pointers;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** A field of {@code kind} that holds {@code attribute} of the object its sibling's id names. */
  private record AttributeField(String kind, List<String> path, String key, String attribute) {}

  /** {@code ${kind.name.id}}, as {@link #add} writes references. */
  private static final Pattern ID_REFERENCE =
      Pattern.compile("\\$\\{([A-Za-z]+)\\.([a-z][a-z0-9_]*)\\.id\\}");

  private final List<Field> fields = new ArrayList<>();
  private final List<AttributeField> attributeFields = new ArrayList<>();
  private final Map<String, Kind> kinds;
  private final Map<Address, Map<String, Value>> attributes = new HashMap<>();

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
                      f.attributeOf()
                          .ifPresent(
                              a ->
                                  attributeFields.add(
                                      new AttributeField(name, path, a.key(), a.attribute())));
                    }));
  }

  /** Per kind, each id (and schema altId) of an exported object: the expression for it. */
  private final Map<String, Map<String, String>> expressions = new HashMap<>();

  /**
   * Registers an exported object: {@code ids} maps attribute (id, altId) to its value, {@code all}
   * holds every attribute (a mapping set's version too).
   */
  void add(Address address, Map<String, String> ids, Map<String, Value> all) {
    attributes.put(address, Map.copyOf(all));
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
    for (AttributeField f : attributeFields) {
      if (f.kind().equals(address.kind())) {
        attribute(spec, f.path(), "", f, address, warnings);
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

  /**
   * Writes the value of an {@link AttributeField} as the attribute of the object its sibling now
   * references, when the two agree. A flow may pin an older version of a mapping set: that stays a
   * literal, with a warning, since a sandbox where the manifests create the object anew holds only
   * its current content.
   */
  private void attribute(
      JsonNode node,
      List<String> path,
      String at,
      AttributeField f,
      Address address,
      Consumer<String> warnings) {
    String step = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (step.equals("*") && node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        attribute(array.get(i), rest, Pointers.child(at, i), f, address, warnings);
      }
    } else if (node instanceof ObjectNode object && object.has(step)) {
      String here = Pointers.child(at, step);
      if (!rest.isEmpty()) {
        attribute(object.get(step), rest, here, f, address, warnings);
        return;
      }
      Matcher m = ID_REFERENCE.matcher(object.path(f.key()).asText(""));
      if (!m.matches()) {
        return;
      }
      Address target = new Address(m.group(1), m.group(2));
      Value value = attributes.getOrDefault(target, Map.of()).get(f.attribute());
      if (value != null && Values.looselyEqual(value, Values.fromJson(object.get(step)))) {
        object.set(step, TextNode.valueOf("${" + target + "." + f.attribute() + "}"));
      } else if (value != null) {
        warnings.accept(
            address
                + ": spec"
                + here.replace('/', '.')
                + " '"
                + object.get(step).asText()
                + "' is not the current "
                + f.attribute()
                + " of "
                + target
                + " ("
                + Values.toJsonRedacted(value).asText()
                + "): kept as it is, but where the manifests create "
                + target
                + " anew it has only its current content");
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
