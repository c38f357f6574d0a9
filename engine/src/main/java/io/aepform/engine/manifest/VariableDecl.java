package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.Objects;
import java.util.Optional;

/** A {@code kind: variable} document. */
public record VariableDecl(
    String name,
    Optional<Value> defaultValue,
    String description,
    boolean sensitive,
    Position position) {
  public VariableDecl {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(position, "position");
  }
}
