package io.aepform.engine;

import io.aepform.engine.recovery.PendingResolver;
import io.aepform.error.UsageException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How an {@link Engine} reaches the world: the process environment (credentials, {@code ${env.X}}),
 * the local platform, an optional sink for the redacted HTTP trace, a clock, and an optional
 * directory where every exchange with the platform is recorded as a fixture ({@code
 * --record-traffic}).
 */
public record EngineSettings(
    Map<String, String> processEnv,
    LocalPlatform localPlatform,
    Optional<Consumer<String>> trace,
    Clock clock,
    Optional<Path> recordTraffic) {
  public EngineSettings {
    processEnv = Map.copyOf(processEnv);
    Objects.requireNonNull(localPlatform, "localPlatform");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(recordTraffic, "recordTraffic");
  }

  /** Settings that record no traffic. */
  public EngineSettings(
      Map<String, String> processEnv,
      LocalPlatform localPlatform,
      Optional<Consumer<String>> trace,
      Clock clock) {
    this(processEnv, localPlatform, trace, clock, Optional.empty());
  }

  /** These settings, recording every exchange with the platform into {@code dir}. */
  public EngineSettings recordingTrafficTo(Path dir) {
    return new EngineSettings(processEnv, localPlatform, trace, clock, Optional.of(dir));
  }

  /**
   * How long an interrupted create may take to show up in the platform before aepform decides it
   * never happened: {@code AEPFORM_PENDING_GRACE} (seconds, or a duration such as {@code 30s},
   * {@code 2m}), else {@link PendingResolver#DEFAULT_GRACE}.
   */
  public Duration pendingGrace() {
    String text = processEnv.getOrDefault("AEPFORM_PENDING_GRACE", "").strip();
    if (text.isEmpty()) {
      return PendingResolver.DEFAULT_GRACE;
    }
    try {
      return text.matches("[0-9]+")
          ? Duration.ofSeconds(Long.parseLong(text))
          : Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          "AEPFORM_PENDING_GRACE='" + text + "' is not a duration: write seconds (60) or 30s, 2m");
    }
  }

  /** Offline settings: no local platform, no trace. */
  public static EngineSettings of(Map<String, String> processEnv) {
    return new EngineSettings(
        processEnv, LocalPlatform.none(), Optional.empty(), Clock.systemUTC());
  }
}
