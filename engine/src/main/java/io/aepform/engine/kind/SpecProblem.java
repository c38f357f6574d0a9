package io.aepform.engine.kind;

import java.util.Objects;

/**
 * A problem found in a spec, at a JSON Pointer into it; {@code atKey} when it is about the key
 * itself (an unknown field), so the position shown is the key's, not its value's.
 */
public record SpecProblem(String pointer, String message, boolean atKey) {
  public SpecProblem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  public SpecProblem(String pointer, String message) {
    this(pointer, message, false);
  }

  /** {@code spec.a.b} for {@code /a/b}, as users write it in messages. */
  public static String field(String pointer) {
    return "spec" + pointer.replace('/', '.');
  }
}
