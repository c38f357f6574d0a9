package io.aepform.error;

import java.util.Locale;

/**
 * The domain of a failure: which part of aepform refused, and so what a user or a script does next.
 * Each domain maps to a process exit code (all 1, as Terraform's errors); the {@link
 * AepformException#code() code} of a failure tells the cases of a domain apart.
 */
public enum ErrorCode {
  /** The command line or the process environment is wrong: flags, files named, credentials. */
  USAGE(1),
  /** A manifest could not be parsed or does not validate. */
  MANIFEST(1),
  /** The dependency graph is not a DAG. */
  GRAPH(1),
  /** The state is missing, damaged, locked, stale or belongs elsewhere. */
  STATE(1),
  /** The platform answered with an error, or could not be reached. */
  PLATFORM(1),
  /** aepform refuses a change that would lose data or that AEP cannot make or undo. */
  SAFETY(1),
  /** The user said no, or the run was interrupted. */
  CANCELLED(1),
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

  /** The domain as machine formats write it: {@code state}, {@code platform}... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
