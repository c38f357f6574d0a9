package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.Objects;
import java.util.Optional;

/**
 * An output's planned value; unknown until apply when it reads an id not yet known. {@code before}
 * is the value it had before the plan (what {@code aepform output} showed), empty when it had none.
 */
public record OutputValue(String name, Value value, boolean sensitive, Optional<Value> before) {
  public OutputValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(before, "before");
  }

  /** An output with no value before. */
  public OutputValue(String name, Value value, boolean sensitive) {
    this(name, value, sensitive, Optional.empty());
  }

  /** The same output, with the value it had before. */
  public OutputValue withBefore(Optional<Value> before) {
    return new OutputValue(name, value, sensitive, before);
  }
}
