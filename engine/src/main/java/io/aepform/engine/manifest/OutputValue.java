package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.Objects;

/** An output's planned value; unknown until apply when it reads an id not yet known. */
public record OutputValue(String name, Value value, boolean sensitive) {
  public OutputValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
