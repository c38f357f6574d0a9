package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.Objects;

/** A {@code kind: output} document. */
public record OutputDecl(
    String name, Value value, String description, boolean sensitive, Position position) {
  public OutputDecl {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(position, "position");
  }
}
