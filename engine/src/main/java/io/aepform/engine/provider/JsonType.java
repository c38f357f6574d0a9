package io.aepform.engine.provider;

import io.aepform.engine.value.Value;
import java.math.BigDecimal;

/** The JSON types Adobe's API declares for fields, and the conversions to them. */
enum JsonType {
  STRING,
  INTEGER,
  BOOLEAN,
  OBJECT,
  ARRAY,
  STRING_ARRAY;

  /** The value converted to this type when it has an obvious form of it, else unchanged. */
  Value coerce(Value value) {
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
  boolean accepts(Value value) {
    return switch (this) {
      case STRING -> value instanceof Value.Str;
      case INTEGER -> value instanceof Value.Num n && n.value().scale() <= 0;
      case BOOLEAN -> value instanceof Value.Bool;
      case OBJECT -> value instanceof Value.Obj;
      case ARRAY -> value instanceof Value.Arr;
      case STRING_ARRAY ->
          value instanceof Value.Arr a && a.items().stream().allMatch(i -> i instanceof Value.Str);
    };
  }

  String word() {
    return switch (this) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case BOOLEAN -> "true or false";
      case OBJECT -> "a mapping";
      case ARRAY -> "a list";
      case STRING_ARRAY -> "a list of strings";
    };
  }
}
