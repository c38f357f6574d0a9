package io.aepform.engine.manifest;

import java.util.Objects;

/** One finding of validation, with where it is and how bad it is. */
public record Problem(Position position, Severity severity, String message) {
  /** How bad a problem is: errors stop the run, warnings are shown. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Problem {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Problem error(Position position, String message) {
    return new Problem(position, Severity.ERROR, message);
  }

  public static Problem warning(Position position, String message) {
    return new Problem(position, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The one-line form: {@code file:line:col: message}. */
  @Override
  public String toString() {
    return position + ": " + message;
  }
}
