package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.Map;
import java.util.Objects;

/**
 * An environment: {@code environments/<name>.yaml}. {@code platform} is a URL or {@code local};
 * empty strings mean "not set" (then the process environment must say). {@code variablePositions}
 * says where each variable's value is written, for errors about it.
 */
public record EnvironmentConfig(
    String name,
    String sandbox,
    String platform,
    Map<String, Value> variables,
    String stateBackend,
    Map<String, String> stateSettings,
    Position position,
    Map<String, Position> variablePositions) {
  public EnvironmentConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(platform, "platform");
    variables = Map.copyOf(variables);
    Objects.requireNonNull(stateBackend, "stateBackend");
    stateSettings = Map.copyOf(stateSettings);
    Objects.requireNonNull(position, "position");
    variablePositions = Map.copyOf(variablePositions);
  }

  /**
   * Where the value of variable {@code name} is written in the file, else where the file starts.
   */
  public Position variableAt(String name) {
    return variablePositions.getOrDefault(name, position);
  }

  /** The environment used when {@code environments/<name>.yaml} does not exist. */
  public static EnvironmentConfig implicit(String name) {
    return new EnvironmentConfig(
        name, "", "", Map.of(), "local", Map.of(), Position.of("(no environment file)"), Map.of());
  }

  public boolean isLocalPlatform() {
    return platform.equals("local");
  }
}
