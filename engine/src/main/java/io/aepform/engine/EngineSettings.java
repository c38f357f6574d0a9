package io.aepform.engine;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How an {@link Engine} reaches the world: the process environment (credentials, {@code ${env.X}}),
 * the local platform, an optional sink for the redacted HTTP trace, and a clock.
 */
public record EngineSettings(
    Map<String, String> processEnv,
    LocalPlatform localPlatform,
    Optional<Consumer<String>> trace,
    Clock clock) {
  public EngineSettings {
    processEnv = Map.copyOf(processEnv);
    Objects.requireNonNull(localPlatform, "localPlatform");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(clock, "clock");
  }

  /** Offline settings: no local platform, no trace. */
  public static EngineSettings of(Map<String, String> processEnv) {
    return new EngineSettings(
        processEnv, LocalPlatform.none(), Optional.empty(), Clock.systemUTC());
  }
}
