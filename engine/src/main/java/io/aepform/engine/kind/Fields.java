package io.aepform.engine.kind;

import io.aepform.engine.value.Pointers;
import io.aepform.engine.value.Spelling;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A kind's spec fields, declared once and asked by everything else: validation (types, required
 * fields, unknown keys with a suggestion), normalisation of the user's spec and of the platform's
 * answers to the declared types, replacement, references, aliases, export and the editor schema.
 * Fields form a tree: an object's keys are the fields declared below it; a field declared {@code
 * open} takes any keys.
 */
public final class Fields {
  /** What Adobe's well-known spec ids look like; anything else must be an alias. */
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

  private final List<Field> all;
  private final Node root = new Node(null);

  private Fields(List<Field> all) {
    this.all = List.copyOf(all);
    for (Field f : all) {
      Node n = root;
      for (String token : Pointers.tokens(f.pointer())) {
        n = n.child(token);
      }
      if (n.field != null) {
        throw new IllegalArgumentException("field declared twice: " + f.pointer());
      }
      n.field = f;
    }
  }

  public static Fields of(Field... fields) {
    return new Fields(List.of(fields));
  }

  /** Every declared field, in declaration order. */
  public List<Field> all() {
    return all;
  }

  /** The field declared for a concrete pointer ({@code /ids/0} finds {@code /ids/*}). */
  public Optional<Field> find(String pointer) {
    Node n = node(pointer);
    return n == null ? Optional.empty() : Optional.ofNullable(n.field);
  }

  /** The tree of declared fields, e.g. to describe it in another form (the editor schema). */
  public Shape shape() {
    return root.shape();
  }

  /**
   * A node of the declared tree: its field (empty for an object implied by fields below it), the
   * keys below it in declaration order, and what each item of a list is.
   */
  public record Shape(Optional<Field> field, Map<String, Shape> children, Optional<Shape> items) {
    public Shape {
      children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }
  }

  /** The declared top-level keys, in declaration order: a create body's fields. */
  public List<String> topLevel() {
    return new ArrayList<>(root.children.keySet());
  }

  /** True when a change at {@code pointer} replaces the object (a field on its path replaces). */
  public boolean replaces(String pointer) {
    return onPath(pointer).stream().anyMatch(Field::forcesReplace)
        || below(pointer).stream().anyMatch(Field::forcesReplace);
  }

  /** The immutable field a change at {@code pointer} touches, if any. */
  public Optional<Field> immutableAt(String pointer) {
    return onPath(pointer).stream()
        .filter(Field::isImmutable)
        .findFirst()
        .or(() -> below(pointer).stream().filter(Field::isImmutable).findFirst());
  }

  /** The irreversible field at or above {@code pointer}, if any. */
  public Optional<Field> irreversibleAt(String pointer) {
    return onPath(pointer).stream().filter(Field::isIrreversible).findFirst();
  }

  /** The field compared whole ({@link Field#comparedWhole}) at or above {@code pointer}, if any. */
  public Optional<Field> wholeAt(String pointer) {
    return onPath(pointer).stream().filter(Field::isComparedWhole).findFirst();
  }

  /** Converts every known value of a declared field to its declared type (user's or remote). */
  public Value normalize(Value value) {
    return normalize(value, root);
  }

  /** Writes the value an alias stands for in place of the alias, in fields that declare some. */
  public Value expandAliases(Value spec) {
    Value out = spec;
    for (Field f : all) {
      if (!f.aliases().isEmpty() && !f.pointer().contains("*")) {
        Optional<Value> v = Values.at(out, f.pointer());
        if (v.isPresent() && v.get() instanceof Value.Str s && f.aliases().containsKey(s.value())) {
          out = Values.with(out, f.pointer(), new Value.Str(f.aliases().get(s.value())));
        }
      }
    }
    return out;
  }

  /**
   * Fills the declared defaults the spec leaves out, where the object that holds them is there (a
   * {@code connectionSpec} without {@code version} gets {@code "1.0"}).
   */
  public Value applyDefaults(Value spec) {
    Value out = spec;
    for (Field f : all) {
      if (f.defaultValue().isEmpty() || f.pointer().contains("*")) {
        continue;
      }
      String parent = f.pointer().substring(0, f.pointer().lastIndexOf('/'));
      boolean holder = parent.isEmpty() || Values.at(out, parent).orElse(null) instanceof Value.Obj;
      if (holder && Values.at(out, f.pointer()).isEmpty()) {
        out = Values.with(out, f.pointer(), new Value.Str(f.defaultValue().get()));
      }
    }
    return out;
  }

  /** Values of the wrong type or shape, values not allowed, missing required fields. */
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> out = new ArrayList<>();
    check(root, "", spec, out);
    return out;
  }

  /** Keys no field declares (outside open objects), each with the closest declared key. */
  public List<SpecProblem> unknown(Value spec) {
    List<SpecProblem> out = new ArrayList<>();
    unknown(root, "", spec, out);
    return out;
  }

  private Node node(String pointer) {
    Node n = root;
    for (String token : Pointers.tokens(pointer)) {
      Node next = n.children.get(token);
      if (next == null && n.items != null && token.matches("[0-9]+")) {
        next = n.items;
      }
      if (next == null) {
        return null;
      }
      n = next;
    }
    return n;
  }

  /** The fields declared on the path from the root to {@code pointer}, inclusive. */
  private List<Field> onPath(String pointer) {
    List<Field> out = new ArrayList<>();
    Node n = root;
    for (String token : Pointers.tokens(pointer)) {
      Node next = n.children.get(token);
      if (next == null && n.items != null && token.matches("[0-9]+")) {
        next = n.items;
      }
      if (next == null) {
        break;
      }
      n = next;
      if (n.field != null) {
        out.add(n.field);
      }
    }
    return out;
  }

  /** The fields declared strictly below {@code pointer}. */
  private List<Field> below(String pointer) {
    Node n = node(pointer);
    List<Field> out = new ArrayList<>();
    if (n != null) {
      n.descendants(out);
    }
    return out;
  }

  private static Value normalize(Value value, Node n) {
    if (value instanceof Value.Sensitive s) {
      return new Value.Sensitive(normalize(s.value(), n));
    }
    if (value instanceof Value.Unknown || value instanceof Value.Template) {
      return value;
    }
    Value v = n.field == null ? value : n.field.type().coerce(value);
    if (v instanceof Value.Obj o && !n.children.isEmpty()) {
      Map<String, Value> fields = new LinkedHashMap<>();
      o.fields()
          .forEach(
              (k, x) -> {
                Node c = n.children.get(k);
                fields.put(k, c == null ? x : normalize(x, c));
              });
      return new Value.Obj(fields);
    }
    if (v instanceof Value.Arr a && n.items != null) {
      return new Value.Arr(a.items().stream().map(x -> normalize(x, n.items)).toList());
    }
    return v;
  }

  private static void check(Node n, String pointer, Value value, List<SpecProblem> out) {
    Value v = Values.unmark(value);
    if (v instanceof Value.Unknown || v instanceof Value.Template || v == Value.Null.INSTANCE) {
      return;
    }
    JsonType type = n.type();
    if (type != null && Values.isKnown(v) && !type.accepts(v)) {
      out.add(new SpecProblem(pointer, SpecProblem.field(pointer) + " must be " + type.word()));
      return;
    }
    if (type == JsonType.OBJECT && !(v instanceof Value.Obj)) {
      out.add(new SpecProblem(pointer, SpecProblem.field(pointer) + " must be a mapping"));
      return;
    }
    if (n.field != null && !n.field.allowed().isEmpty() && v instanceof Value.Str s) {
      boolean ok =
          n.field.ignoresCase()
              ? n.field.allowed().stream().anyMatch(a -> a.equalsIgnoreCase(s.value()))
              : n.field.allowed().contains(s.value());
      if (!ok) {
        out.add(
            new SpecProblem(
                pointer,
                SpecProblem.field(pointer)
                    + " must be one of "
                    + new TreeSet<>(n.field.allowed())
                    + ", not \""
                    + s.value()
                    + "\""));
      }
    }
    if (n.field != null
        && !n.field.aliases().isEmpty()
        && v instanceof Value.Str s
        && !n.field.aliases().containsValue(s.value())
        && !UUID.matcher(s.value()).matches()) {
      out.add(
          new SpecProblem(
              pointer,
              SpecProblem.field(pointer)
                  + " is neither an id nor a known alias: "
                  + Spelling.unknown(s.value(), n.field.aliases().keySet())));
    }
    if (v instanceof Value.Obj o) {
      n.children.forEach(
          (k, c) -> {
            Value x = o.fields().get(k);
            if (x == null) {
              missing(c, Pointers.child(pointer, k), out);
            } else {
              check(c, Pointers.child(pointer, k), x, out);
            }
          });
    } else if (v instanceof Value.Arr a && n.items != null) {
      for (int i = 0; i < a.items().size(); i++) {
        check(n.items, Pointers.child(pointer, i), a.items().get(i), out);
      }
    }
  }

  /** An absent field: an error if required; an undeclared parent's required fields are missing. */
  private static void missing(Node n, String pointer, List<SpecProblem> out) {
    if (n.field != null) {
      if (n.field.isRequired()) {
        out.add(new SpecProblem(pointer, "missing required field " + SpecProblem.field(pointer)));
      }
      return;
    }
    n.children.forEach((k, c) -> missing(c, Pointers.child(pointer, k), out));
  }

  private static void unknown(Node n, String pointer, Value value, List<SpecProblem> out) {
    if (n.field != null && n.field.isOpen()) {
      return;
    }
    Value v = value instanceof Value.Sensitive s ? s.value() : value;
    if (v instanceof Value.Obj o && (n.field == null || n.field.type() == JsonType.OBJECT)) {
      for (Map.Entry<String, Value> e : o.fields().entrySet()) {
        String at = Pointers.child(pointer, e.getKey());
        Node c = n.children.get(e.getKey());
        if (c == null) {
          out.add(
              new SpecProblem(
                  at,
                  "unknown field "
                      + SpecProblem.field(at)
                      + Spelling.suggestion(e.getKey(), n.children.keySet()),
                  true));
        } else {
          unknown(c, at, e.getValue(), out);
        }
      }
    } else if (v instanceof Value.Arr a && n.items != null) {
      for (int i = 0; i < a.items().size(); i++) {
        unknown(n.items, Pointers.child(pointer, i), a.items().get(i), out);
      }
    }
  }

  /** A node of the field tree: a declared field, or an object implied by fields below it. */
  private static final class Node {
    private Field field;
    private final Map<String, Node> children = new LinkedHashMap<>();
    private Node items;

    Node(Field field) {
      this.field = field;
    }

    Node child(String token) {
      if (token.equals("*")) {
        if (items == null) {
          items = new Node(null);
        }
        return items;
      }
      return children.computeIfAbsent(token, t -> new Node(null));
    }

    /** Declared type; an undeclared node with keys below it is an object, with items a list. */
    JsonType type() {
      if (field != null) {
        return field.type();
      }
      if (!children.isEmpty()) {
        return JsonType.OBJECT;
      }
      return items != null ? JsonType.ARRAY : null;
    }

    Shape shape() {
      Map<String, Shape> kids = new LinkedHashMap<>();
      children.forEach((k, c) -> kids.put(k, c.shape()));
      return new Shape(
          Optional.ofNullable(field), kids, Optional.ofNullable(items).map(Node::shape));
    }

    void descendants(List<Field> out) {
      for (Node c : children.values()) {
        if (c.field != null) {
          out.add(c.field);
        }
        c.descendants(out);
      }
      if (items != null) {
        if (items.field != null) {
          out.add(items.field);
        }
        items.descendants(out);
      }
    }
  }
}
