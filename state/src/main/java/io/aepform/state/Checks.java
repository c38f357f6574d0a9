package io.aepform.state;

import java.util.Objects;

/** Argument checks shared by the records; they throw IllegalArgumentException (a caller's bug). */
final class Checks {
  private Checks() {}

  static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static <T> T nonNull(T value, String name) {
    return Objects.requireNonNull(value, name);
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
