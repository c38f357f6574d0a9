package io.aepform.engine;

import io.aepform.engine.manifest.VariableValues;
import java.nio.file.Path;
import java.util.Objects;

/** Which configuration to read: a directory, an environment and the variables given. */
public record ConfigRequest(Path dir, String environment, VariableValues.Inputs inputs) {
  public ConfigRequest {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(inputs, "inputs");
  }
}
