package io.aepform.engine.manifest;

import io.aepform.engine.value.Pointers;
import io.aepform.engine.value.Reference;
import io.aepform.engine.value.TemplatePart;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates templates against variables, the process environment and the attributes of other
 * resources. A string that contains an unknown value is unknown as a whole; one that contains a
 * sensitive value is sensitive as a whole; a string that is exactly one expression keeps the type
 * of its value.
 */
public final class Evaluator {
  /**
   * Where expressions read from. {@code attributes} answers unknown values with {@link
   * Value.Unknown}.
   */
  public record Scope(
      Map<String, Value> variables,
      Map<String, String> environment,
      AttributeSource attributes,
      PlatformFacts platform) {
    public Scope {
      variables = Map.copyOf(variables);
      environment = Map.copyOf(environment);
      Objects.requireNonNull(platform, "platform");
    }

    /** A scope where no platform fact is known (validate, offline plans without state). */
    public Scope(
        Map<String, Value> variables, Map<String, String> environment, AttributeSource attributes) {
      this(variables, environment, attributes, PlatformFacts.unknown());
    }
  }

  /** The attributes of resources: known values, or empty when not known until apply. */
  @FunctionalInterface
  public interface AttributeSource {
    Optional<Value> attribute(Address address, String attribute);
  }

  private final Scope scope;

  public Evaluator(Scope scope) {
    this.scope = scope;
  }

  /** Evaluates every template in {@code value}; {@code where} gives positions for errors. */
  public Value evaluate(Value value, Function<String, Position> where) {
    return evaluate(value, "", where);
  }

  private Value evaluate(Value value, String pointer, Function<String, Position> where) {
    if (value instanceof Value.Template t) {
      return template(t, where.apply(pointer));
    } else if (value instanceof Value.Unknown u) {
      return template(u.template(), where.apply(pointer));
    } else if (value instanceof Value.Sensitive s) {
      return new Value.Sensitive(evaluate(s.value(), pointer, where));
    } else if (value instanceof Value.Arr a) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < a.items().size(); i++) {
        items.add(evaluate(a.items().get(i), Pointers.child(pointer, i), where));
      }
      return new Value.Arr(items);
    } else if (value instanceof Value.Obj o) {
      Map<String, Value> fields = new LinkedHashMap<>();
      o.fields()
          .forEach(
              (k, v) ->
                  fields.put(
                      key(k, where.apply(pointer)),
                      evaluate(v, Pointers.child(pointer, k), where)));
      return new Value.Obj(fields);
    }
    return value;
  }

  /**
   * A key with expressions ({@code _${platform.tenantId}}, where XDM wants custom fields) is
   * evaluated to its text when every value in it is known; otherwise it stays as written, to be
   * evaluated again once known (apply always knows the platform's facts).
   */
  private String key(String key, Position at) {
    if (!key.contains("${")) {
      return key;
    }
    Value parsed = ExpressionParser.parse(key, at);
    if (!(parsed instanceof Value.Template t)) {
      return parsed instanceof Value.Str s ? s.value() : key;
    }
    Value v = template(t, at);
    return v instanceof Value.Str s ? s.value() : key;
  }

  private Value template(Value.Template t, Position at) {
    List<Value> values = new ArrayList<>();
    for (TemplatePart part : t.parts()) {
      values.add(part instanceof TemplatePart.Ref ref ? lookup(ref.reference(), at) : null);
    }
    if (values.stream().anyMatch(v -> v != null && !Values.isKnown(v))) {
      return wrapIfSensitive(values, new Value.Unknown(t));
    }
    if (t.isSingleReference()) {
      return values.get(0);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < t.parts().size(); i++) {
      TemplatePart part = t.parts().get(i);
      text.append(
          part instanceof TemplatePart.Literal l ? l.text() : interpolate(values.get(i), t, at));
    }
    return wrapIfSensitive(values, new Value.Str(text.toString()));
  }

  private static Value wrapIfSensitive(List<Value> parts, Value result) {
    boolean sensitive = parts.stream().anyMatch(v -> v != null && Values.containsSensitive(v));
    return sensitive ? new Value.Sensitive(result) : result;
  }

  private static String interpolate(Value value, Value.Template t, Position at) {
    Value plain = Values.unmark(value);
    if (plain instanceof Value.Str s) {
      return s.value();
    } else if (plain instanceof Value.Num n) {
      return n.text();
    } else if (plain instanceof Value.Bool b) {
      return Boolean.toString(b.value());
    }
    throw new ManifestException(
        at,
        "\""
            + t.source()
            + "\" puts a list, map or null into a string: use the expression alone to keep its type");
  }

  private Value lookup(Reference ref, Position at) {
    switch (ref.scope()) {
      case VAR -> {
        Value v = scope.variables().get(ref.name());
        if (v == null) {
          throw new ManifestException(
              at,
              "variable '"
                  + ref.name()
                  + "' has no value: pass --var "
                  + ref.name()
                  + "=VALUE, set it in the environment file, or give it a default");
        }
        return v;
      }
      case ENV -> {
        String v = scope.environment().get(ref.name());
        if (v == null) {
          throw new ManifestException(
              at,
              "environment variable " + ref.name() + " is not set: export " + ref.name() + "=...");
        }
        return new Value.Str(v);
      }
      case PLATFORM -> {
        Value.Template alone =
            new Value.Template(List.of(new TemplatePart.Ref(ref)), "${" + ref + "}");
        return scope.platform().fact(ref.name()).orElseGet(() -> new Value.Unknown(alone));
      }
      default -> {
        Address address = new Address(ref.kind(), ref.name());
        Value.Template alone =
            new Value.Template(List.of(new TemplatePart.Ref(ref)), "${" + ref + "}");
        return scope
            .attributes()
            .attribute(address, ref.attribute())
            .orElseGet(() -> new Value.Unknown(alone));
      }
    }
  }
}
