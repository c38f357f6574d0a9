package io.aepform.error;

/** What kind of failure an {@link AepformException} reports; each maps to a process exit code. */
public enum ErrorCode {
  /** The user's input (flags, manifests, environment files) is wrong. */
  USAGE(1),
  /** A manifest could not be parsed or does not validate. */
  MANIFEST(1),
  /** The dependency graph is not a DAG, or a reference points to nothing. */
  GRAPH(1),
  /** The state is missing, damaged, locked or belongs elsewhere. */
  STATE(1),
  /** The platform answered with an error, or could not be reached. */
  PROVIDER(1),
  /** A failure that is a bug in aepform. */
  INTERNAL(1);

  private final int exitCode;

  ErrorCode(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The process exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
