package io.aepform.engine.runs;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Records or files of a run: read from the source, written to the dataset, failed. Each is empty
 * when the platform does not say (a failed run reports {@code -1} or nothing).
 */
public record Counts(OptionalLong read, OptionalLong written, OptionalLong failed) {
  public Counts {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(failed, "failed");
  }

  public static Counts none() {
    return new Counts(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
  }

  /** True when some failed. */
  public boolean anyFailed() {
    return failed.orElse(0) > 0;
  }
}
