package io.aepform.engine.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a dataflow as the platform reports it.
 *
 * @param id the run's id
 * @param status how it stands, partial failures told apart from successes
 * @param platformStatus the status as the platform spells it ({@code success}, {@code failed}...)
 * @param started when it started, when known
 * @param ended when it ended; empty while it runs
 * @param records records read, written and failed
 * @param files files read, written and failed
 * @param errors the errors its failed activities (or the run as a whole) report
 */
public record Run(
    String id,
    RunStatus status,
    String platformStatus,
    Optional<Instant> started,
    Optional<Instant> ended,
    Counts records,
    Counts files,
    List<RunError> errors) {
  public Run {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(platformStatus, "platformStatus");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(files, "files");
    errors = List.copyOf(errors);
  }

  /** From start to end, when both are known. */
  public Optional<Duration> duration() {
    return started.flatMap(s -> ended.map(e -> Duration.between(s, e)));
  }
}
