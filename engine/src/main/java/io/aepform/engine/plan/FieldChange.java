package io.aepform.engine.plan;

import io.aepform.engine.value.Value;
import java.util.Objects;
import java.util.Optional;

/** One field of an update: its JSON Pointer in the spec, the value before and after. */
public record FieldChange(String pointer, Optional<Value> before, Optional<Value> after) {
  public FieldChange {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
