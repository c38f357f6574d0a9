package io.aepform.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the emulator runs dataflows.
 *
 * @param duration how long a run stays {@code inProgress} before it completes
 * @param failureRate fraction (0..1) of runs that fail
 * @param partialFailureRate fraction (0..1) of runs that succeed with failed records
 * @param bucketDir a local folder standing in for the source bucket: a source connection's {@code
 *     params.path} is resolved under it and runs count the files they pick up; empty for fixed
 *     numbers
 */
public record RunOptions(
    Duration duration, double failureRate, double partialFailureRate, Optional<Path> bucketDir) {

  /** Runs of two seconds, no failures, no bucket folder. */
  public static final RunOptions DEFAULTS =
      new RunOptions(Duration.ofSeconds(2), 0, 0, Optional.empty());

  public RunOptions {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(bucketDir, "bucketDir");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("run duration must not be negative: " + duration);
    }
    for (double rate : new double[] {failureRate, partialFailureRate}) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(
            "run failure rates must be between 0 and 1, got " + rate);
      }
    }
    if (failureRate + partialFailureRate > 1) {
      throw new IllegalArgumentException(
          "run failure rate + partial failure rate must not exceed 1, got "
              + (failureRate + partialFailureRate));
    }
  }

  public RunOptions withDuration(Duration d) {
    return new RunOptions(d, failureRate, partialFailureRate, bucketDir);
  }

  public RunOptions withFailureRate(double rate) {
    return new RunOptions(duration, rate, partialFailureRate, bucketDir);
  }

  public RunOptions withPartialFailureRate(double rate) {
    return new RunOptions(duration, failureRate, rate, bucketDir);
  }

  public RunOptions withBucketDir(Path dir) {
    return new RunOptions(duration, failureRate, partialFailureRate, Optional.of(dir));
  }
}
