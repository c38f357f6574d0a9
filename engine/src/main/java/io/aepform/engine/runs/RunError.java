package io.aepform.engine.runs;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * An error a run reports: the platform's code and message, the activity that reported it ({@code
 * ""} when the run as a whole did), how many records it concerns when the platform says, and what a
 * user can do about it, in one line.
 */
public record RunError(
    String code, String message, String activity, OptionalLong records, String explanation) {
  public RunError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(explanation, "explanation");
  }
}
