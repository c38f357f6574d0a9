package io.aepform.engine.provider;

import io.aepform.engine.manifest.ResourceKind.SpecProblem;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a create call declares: the type of each field (by JSON Pointer) and which fields it
 * requires. Converts a spec to the declared types and reports what the API would refuse.
 */
final class SpecShape {
  private final Map<String, JsonType> types;
  private final List<String> required;

  private SpecShape(Map<String, JsonType> types, List<String> required) {
    this.types = types;
    this.required = required;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Converts every declared field that is known to its declared type. */
  Value normalize(Value spec) {
    Value out = spec;
    for (Map.Entry<String, JsonType> e : types.entrySet()) {
      Optional<Value> current = Values.at(out, e.getKey());
      if (current.isPresent() && !(current.get() instanceof Value.Unknown)) {
        Value converted = convert(current.get(), e.getValue());
        if (!converted.equals(current.get())) {
          out = Values.with(out, e.getKey(), converted);
        }
      }
    }
    return out;
  }

  private static Value convert(Value value, JsonType type) {
    if (value instanceof Value.Sensitive s) {
      return new Value.Sensitive(type.coerce(s.value()));
    }
    return type.coerce(value);
  }

  /** Missing required fields and known values of the wrong type. */
  List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>();
    for (String pointer : required) {
      Optional<Value> v = Values.at(spec, pointer);
      if (v.isEmpty() || v.get() == Value.Null.INSTANCE) {
        problems.add(new SpecProblem(pointer, "missing required field " + field(pointer)));
      }
    }
    for (Map.Entry<String, JsonType> e : types.entrySet()) {
      Optional<Value> v = Values.at(spec, e.getKey()).map(Values::unmark);
      if (v.isPresent()
          && Values.isKnown(v.get())
          && v.get() != Value.Null.INSTANCE
          && !e.getValue().accepts(v.get())) {
        problems.add(
            new SpecProblem(e.getKey(), field(e.getKey()) + " must be " + e.getValue().word()));
      }
    }
    return problems;
  }

  /** {@code spec.a.b} for {@code /a/b}, as users write it in messages. */
  static String field(String pointer) {
    return "spec" + pointer.replace('/', '.');
  }

  /** Declares fields one by one. */
  static final class Builder {
    private final Map<String, JsonType> types = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    Builder required(String pointer, JsonType type) {
      required.add(pointer);
      return optional(pointer, type);
    }

    Builder optional(String pointer, JsonType type) {
      types.put(pointer, type);
      return this;
    }

    SpecShape build() {
      return new SpecShape(
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types)), List.copyOf(required));
    }
  }
}
