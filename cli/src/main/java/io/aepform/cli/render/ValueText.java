package io.aepform.cli.render;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.aepform.engine.value.Value;

/** How single values read in plan text. */
final class ValueText {
  static final String UNKNOWN = "(known after apply)";
  static final String SENSITIVE = "(sensitive)";

  private ValueText() {}

  /** A scalar, unknown or sensitive value on one line. */
  static String scalar(Value value) {
    if (value instanceof Value.Sensitive) {
      return SENSITIVE;
    } else if (value instanceof Value.Unknown || value instanceof Value.Template) {
      return UNKNOWN;
    } else if (value instanceof Value.Str s) {
      return quote(s.value());
    } else if (value instanceof Value.Num n) {
      return n.text();
    } else if (value instanceof Value.Bool b) {
      return Boolean.toString(b.value());
    } else if (value instanceof Value.Arr a && a.items().isEmpty()) {
      return "[]";
    } else if (value instanceof Value.Obj o && o.fields().isEmpty()) {
      return "{}";
    }
    return "null";
  }

  /** True when the value renders on one line. */
  static boolean isScalar(Value value) {
    return !(value instanceof Value.Arr a && !a.items().isEmpty())
        && !(value instanceof Value.Obj o && !o.fields().isEmpty());
  }

  static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  /** A key as Terraform writes it: bare when it is an identifier, else quoted. */
  static String key(String key) {
    return isIdentifier(key) ? key : quote(key);
  }

  /**
   * {@code [A-Za-z_][A-Za-z0-9_-]*}, without a regex: plans of 10,000 resources call this a lot.
   */
  private static boolean isIdentifier(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      boolean more = (c >= '0' && c <= '9') || c == '-';
      if (!letter && (i == 0 || !more)) {
        return false;
      }
    }
    return true;
  }
}
