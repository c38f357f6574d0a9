package io.aepform.engine.value;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A configuration value: JSON-like data plus the two things JSON cannot say: a value not known
 * until apply ({@link Unknown}) and a value that must never be shown or stored in clear ({@link
 * Sensitive}). Unresolved expressions are {@link Template}s.
 */
public sealed interface Value
    permits Value.Str,
        Value.Num,
        Value.Bool,
        Value.Null,
        Value.Arr,
        Value.Obj,
        Value.Template,
        Value.Unknown,
        Value.Sensitive {

  /** A string. */
  record Str(String value) implements Value {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A number, kept without trailing zeros so that 1 and 1.0 compare equal. */
  record Num(BigDecimal value) implements Value {
    public Num {
      Objects.requireNonNull(value, "value");
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    public static Num of(long n) {
      return new Num(BigDecimal.valueOf(n));
    }

    /** The plain decimal text, never scientific notation. */
    public String text() {
      return value.toPlainString();
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements Value {}

  /** JSON null. */
  enum Null implements Value {
    INSTANCE
  }

  /** A list. */
  record Arr(List<Value> items) implements Value {
    public Arr {
      items = List.copyOf(items);
    }
  }

  /** An object; keys keep their declared order for rendering, equality ignores order. */
  record Obj(Map<String, Value> fields) implements Value {
    public Obj {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Obj empty() {
      return new Obj(Map.of());
    }
  }

  /** A string with {@code ${...}} expressions, not yet evaluated. */
  record Template(List<TemplatePart> parts, String source) implements Value {
    public Template {
      parts = List.copyOf(parts);
      Objects.requireNonNull(source, "source");
    }

    /** True when the string is exactly one expression, which keeps the value's type. */
    public boolean isSingleReference() {
      return parts.size() == 1 && parts.get(0) instanceof TemplatePart.Ref;
    }
  }

  /** Known only after apply; keeps the expression so apply can evaluate it from results. */
  record Unknown(Template template) implements Value {
    public Unknown {
      Objects.requireNonNull(template, "template");
    }
  }

  /** A secret: compared and stored by digest, rendered as {@code (sensitive)}. */
  record Sensitive(Value value) implements Value {
    public Sensitive {
      Objects.requireNonNull(value, "value");
      if (value instanceof Sensitive s) {
        value = s.value();
      }
    }
  }
}
