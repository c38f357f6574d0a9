package io.aepform.engine.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** Conversions between {@link Value}s and JSON, and queries over value trees. */
public final class Values {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Values() {}

  public static Value str(String s) {
    return new Value.Str(s);
  }

  /** A JSON tree as a value. */
  public static Value fromJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Value.Null.INSTANCE;
    }
    if (node.isTextual()) {
      return new Value.Str(node.textValue());
    }
    if (node.isNumber()) {
      return new Value.Num(node.decimalValue());
    }
    if (node.isBoolean()) {
      return new Value.Bool(node.booleanValue());
    }
    if (node.isArray()) {
      List<Value> items = new ArrayList<>();
      node.forEach(item -> items.add(fromJson(item)));
      return new Value.Arr(items);
    }
    Map<String, Value> fields = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> fields.put(e.getKey(), fromJson(e.getValue())));
    return new Value.Obj(fields);
  }

  /**
   * A value as JSON. Secrets go through {@code secrets}; unknowns and templates become null, so
   * callers that must not see them check {@link #isKnown} first.
   */
  public static JsonNode toJson(Value value, Function<Value.Sensitive, JsonNode> secrets) {
    if (value instanceof Value.Str s) {
      return JSON.textNode(s.value());
    } else if (value instanceof Value.Num n) {
      return n.value().scale() <= 0 && n.value().precision() - n.value().scale() < 19
          ? JSON.numberNode(n.value().longValueExact())
          : JSON.numberNode(n.value());
    } else if (value instanceof Value.Bool b) {
      return JSON.booleanNode(b.value());
    } else if (value instanceof Value.Arr a) {
      ArrayNode array = JSON.arrayNode();
      a.items().forEach(item -> array.add(toJson(item, secrets)));
      return array;
    } else if (value instanceof Value.Obj o) {
      ObjectNode object = JSON.objectNode();
      o.fields().forEach((k, v) -> object.set(k, toJson(v, secrets)));
      return object;
    } else if (value instanceof Value.Sensitive s) {
      return secrets.apply(s);
    }
    return JSON.nullNode();
  }

  /** JSON with secrets in clear: only for request bodies sent to the platform. */
  public static JsonNode toJsonRevealed(Value value) {
    return toJson(value, s -> toJsonRevealed(s.value()));
  }

  /** JSON with secrets as null: for anything a user or a file may see. */
  public static JsonNode toJsonRedacted(Value value) {
    return toJson(value, s -> JSON.nullNode());
  }

  /** True when nothing in the tree is unknown or unevaluated. */
  public static boolean isKnown(Value value) {
    if (value instanceof Value.Unknown || value instanceof Value.Template) {
      return false;
    } else if (value instanceof Value.Arr a) {
      return a.items().stream().allMatch(Values::isKnown);
    } else if (value instanceof Value.Obj o) {
      return o.fields().values().stream().allMatch(Values::isKnown);
    } else if (value instanceof Value.Sensitive s) {
      return isKnown(s.value());
    }
    return true;
  }

  /** True when anything in the tree is sensitive. */
  public static boolean containsSensitive(Value value) {
    if (value instanceof Value.Sensitive) {
      return true;
    } else if (value instanceof Value.Arr a) {
      return a.items().stream().anyMatch(Values::containsSensitive);
    } else if (value instanceof Value.Obj o) {
      return o.fields().values().stream().anyMatch(Values::containsSensitive);
    }
    return false;
  }

  /** The tree without sensitivity marks, e.g. to compare values. */
  public static Value unmark(Value value) {
    if (value instanceof Value.Sensitive s) {
      return unmark(s.value());
    } else if (value instanceof Value.Arr a) {
      return new Value.Arr(a.items().stream().map(Values::unmark).toList());
    } else if (value instanceof Value.Obj o) {
      return new Value.Obj(mapValues(o.fields(), Values::unmark));
    }
    return value;
  }

  /**
   * A mask in the shape Terraform uses for {@code after_unknown} and {@code after_sensitive}:
   * {@code true} where the predicate holds for a whole subtree, objects and arrays mirrored where
   * it holds somewhere inside, {@code false} elsewhere.
   */
  public static JsonNode mask(Value value, Predicate<Value> whole) {
    if (whole.test(value)) {
      return JSON.booleanNode(true);
    }
    if (value instanceof Value.Sensitive s) {
      return mask(s.value(), whole);
    }
    if (value instanceof Value.Arr a) {
      ArrayNode array = JSON.arrayNode();
      a.items().forEach(item -> array.add(mask(item, whole)));
      return array;
    }
    if (value instanceof Value.Obj o) {
      ObjectNode object = JSON.objectNode();
      o.fields()
          .forEach(
              (k, v) -> {
                JsonNode inner = mask(v, whole);
                // Like Terraform, objects list only what is flagged somewhere inside them.
                if (inner.isBoolean() ? inner.booleanValue() : !inner.isEmpty()) {
                  object.set(k, inner);
                }
              });
      return object;
    }
    return JSON.booleanNode(false);
  }

  /** The value at a JSON Pointer, if any. */
  public static Optional<Value> at(Value root, String pointer) {
    Value current = root;
    for (String token : Pointers.tokens(pointer)) {
      if (current instanceof Value.Sensitive s) {
        current = s.value();
      }
      if (current instanceof Value.Obj o && o.fields().containsKey(token)) {
        current = o.fields().get(token);
      } else if (current instanceof Value.Arr a && Pointers.isIndex(token, a.items().size())) {
        current = a.items().get(Integer.parseInt(token));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** A copy of {@code root} with the value at {@code pointer} replaced (objects are created). */
  public static Value with(Value root, String pointer, Value replacement) {
    return with(root, Pointers.tokens(pointer), 0, replacement);
  }

  private static Value with(Value node, List<String> tokens, int i, Value replacement) {
    if (i == tokens.size()) {
      return replacement;
    }
    if (node instanceof Value.Sensitive s) {
      return new Value.Sensitive(with(s.value(), tokens, i, replacement));
    }
    String token = tokens.get(i);
    if (node instanceof Value.Arr a && Pointers.isIndex(token, a.items().size())) {
      List<Value> items = new ArrayList<>(a.items());
      int index = Integer.parseInt(token);
      items.set(index, with(items.get(index), tokens, i + 1, replacement));
      return new Value.Arr(items);
    }
    Map<String, Value> fields =
        node instanceof Value.Obj o ? new LinkedHashMap<>(o.fields()) : new LinkedHashMap<>();
    Value child = fields.getOrDefault(token, Value.Obj.empty());
    fields.put(token, with(child, tokens, i + 1, replacement));
    return new Value.Obj(fields);
  }

  /** Applies {@code f} to every value of a map, keeping its order. */
  public static Map<String, Value> mapValues(Map<String, Value> in, Function<Value, Value> f) {
    Map<String, Value> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, f.apply(v)));
    return out;
  }

  /**
   * Equal, or the same scalar in another type: AEP answers {@code "15"} for 15 and {@code "true"}
   * for true in fields it declares as numbers and booleans. Objects and lists compare item by item.
   */
  public static boolean looselyEqual(Value a, Value b) {
    Value x = unmark(a);
    Value y = unmark(b);
    if (x.equals(y)) {
      return true;
    }
    if (x instanceof Value.Obj o && y instanceof Value.Obj p) {
      return o.fields().keySet().equals(p.fields().keySet())
          && o.fields().entrySet().stream()
              .allMatch(e -> looselyEqual(e.getValue(), p.fields().get(e.getKey())));
    }
    if (x instanceof Value.Arr o && y instanceof Value.Arr p) {
      if (o.items().size() != p.items().size()) {
        return false;
      }
      for (int i = 0; i < o.items().size(); i++) {
        if (!looselyEqual(o.items().get(i), p.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    return scalarText(x).filter(t -> t.equals(scalarText(y).orElse(null))).isPresent();
  }

  private static Optional<String> scalarText(Value v) {
    if (v instanceof Value.Str s) {
      return Optional.of(s.value());
    } else if (v instanceof Value.Num n) {
      return Optional.of(n.text());
    } else if (v instanceof Value.Bool b) {
      return Optional.of(Boolean.toString(b.value()));
    }
    return Optional.empty();
  }

  /** The JSON Pointers (below {@code at}) of the sensitive values in {@code v}. */
  public static List<String> sensitivePointers(Value v, String at) {
    List<String> out = new ArrayList<>();
    if (v instanceof Value.Sensitive) {
      out.add(at);
    } else if (v instanceof Value.Obj o) {
      o.fields().forEach((k, x) -> out.addAll(sensitivePointers(x, Pointers.child(at, k))));
    } else if (v instanceof Value.Arr a) {
      for (int i = 0; i < a.items().size(); i++) {
        out.addAll(sensitivePointers(a.items().get(i), Pointers.child(at, i)));
      }
    }
    return out;
  }

  /** {@code root} without the value at {@code pointer} (the same when there is none). */
  public static Value without(Value root, String pointer) {
    List<String> tokens = Pointers.tokens(pointer);
    if (tokens.isEmpty()
        || !(root instanceof Value.Obj o)
        || !o.fields().containsKey(tokens.get(0))) {
      return root;
    }
    Map<String, Value> fields = new LinkedHashMap<>(o.fields());
    if (tokens.size() == 1) {
      fields.remove(tokens.get(0));
    } else {
      fields.put(
          tokens.get(0),
          without(fields.get(tokens.get(0)), pointer.substring(pointer.indexOf('/', 1))));
    }
    return new Value.Obj(fields);
  }
}
