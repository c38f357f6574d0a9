package io.aepform.engine.kind;

import io.aepform.engine.value.Value;
import java.math.BigDecimal;

/** The JSON types Adobe's API declares for fields, and the conversions to them. */
public enum JsonType {
  STRING,
  INTEGER,
  BOOLEAN,
  OBJECT,
  ARRAY,
  STRING_ARRAY,
  /** Any JSON value (a free-form field). */
  ANY;

  /** The value converted to this type when it has an obvious form of it, else unchanged. */
  public Value coerce(Value value) {
    switch (this) {
      case STRING -> {
        if (value instanceof Value.Num n) {
          return new Value.Str(n.text());
        }
        if (value instanceof Value.Bool b) {
          return new Value.Str(Boolean.toString(b.value()));
        }
      }
      case INTEGER -> {
        if (value instanceof Value.Str s && s.value().matches("-?[0-9]{1,18}")) {
          return new Value.Num(new BigDecimal(s.value()));
        }
      }
      case BOOLEAN -> {
        if (value instanceof Value.Str s
            && (s.value().equals("true") || s.value().equals("false"))) {
          return new Value.Bool(Boolean.parseBoolean(s.value()));
        }
      }
      case STRING_ARRAY -> {
        if (value instanceof Value.Arr a) {
          return new Value.Arr(a.items().stream().map(STRING::coerce).toList());
        }
      }
      default -> {
        // objects and arrays have no conversion
      }
    }
    return value;
  }

  /** True when a known value has this type. */
  public boolean accepts(Value value) {
    return switch (this) {
      case STRING -> value instanceof Value.Str;
      case INTEGER -> value instanceof Value.Num n && n.value().scale() <= 0;
      case BOOLEAN -> value instanceof Value.Bool;
      case OBJECT -> value instanceof Value.Obj;
      case ARRAY -> value instanceof Value.Arr;
      case STRING_ARRAY ->
          value instanceof Value.Arr a && a.items().stream().allMatch(i -> i instanceof Value.Str);
      case ANY -> true;
    };
  }

  public String word() {
    return switch (this) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case BOOLEAN -> "true or false";
      case OBJECT -> "a mapping";
      case ARRAY -> "a list";
      case STRING_ARRAY -> "a list of strings";
      case ANY -> "any value";
    };
  }
}
