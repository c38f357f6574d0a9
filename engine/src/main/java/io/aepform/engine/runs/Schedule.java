package io.aepform.engine.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a dataflow runs: from {@code start}, every {@code interval} {@code frequency}s ({@code
 * once}: a single run). help/sources/tutorials/api/collect/crm.md: startTime "Determines when the
 * dataflow will begin its first run"; "an interval of 15 with frequency minute means the dataflow
 * runs every 15 minutes".
 *
 * @param frequency {@code once}, {@code minute}, {@code hour}, {@code day} or {@code week}
 * @param interval how many of them between runs; 0 for {@code once}
 * @param start the start time
 * @param backfill whether the first run ingests what the source held before the start time
 */
public record Schedule(String frequency, long interval, Instant start, boolean backfill) {
  public Schedule {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(start, "start");
  }

  /** The time between runs; empty for a flow that runs once (or an unknown frequency). */
  public Optional<Duration> period() {
    Duration unit =
        switch (frequency) {
          case "minute" -> Duration.ofMinutes(1);
          case "hour" -> Duration.ofHours(1);
          case "day" -> Duration.ofDays(1);
          case "week" -> Duration.ofDays(7);
          default -> Duration.ZERO;
        };
    return unit.isZero() || interval < 1
        ? Optional.empty()
        : Optional.of(unit.multipliedBy(interval));
  }

  /**
   * The first scheduled time at or after {@code t}: the start time while it is ahead, then {@code
   * start + k * period}; empty for a flow that runs once and whose start has passed.
   */
  public Optional<Instant> firstAtOrAfter(Instant t) {
    if (!t.isAfter(start)) {
      return Optional.of(start);
    }
    Optional<Duration> period = period();
    if (period.isEmpty()) {
      return Optional.empty();
    }
    long p = period.get().toMillis();
    long k = (t.toEpochMilli() - start.toEpochMilli() + p - 1) / p;
    return Optional.of(start.plusMillis(k * p));
  }

  /**
   * When the next run is expected at {@code now}: the next scheduled time; for a flow that runs
   * once, its start time until it has run ({@code now} once that has passed).
   */
  public Optional<Instant> nextRun(Instant now, boolean ranBefore) {
    if (period().isPresent()) {
      return firstAtOrAfter(now);
    }
    return ranBefore ? Optional.empty() : Optional.of(start.isAfter(now) ? start : now);
  }
}
