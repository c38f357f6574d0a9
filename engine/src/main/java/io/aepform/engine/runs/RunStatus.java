package io.aepform.engine.runs;

import java.util.Locale;

/**
 * How a run stands. The platform says {@code scheduled}, {@code inProgress}, {@code success} or
 * {@code failed} (help/dataflows/api/monitor.md, sort-and-filter.md, create-flow-runs.md); a run
 * whose status is success but that failed records or files is a {@link #PARTIAL_FAILURE}.
 */
public enum RunStatus {
  SCHEDULED("scheduled"),
  IN_PROGRESS("in_progress"),
  SUCCESS("success"),
  PARTIAL_FAILURE("partial_failure"),
  FAILED("failed"),
  /** A status this aepform does not know: shown as the platform spells it. */
  UNKNOWN("unknown");

  private final String jsonName;

  RunStatus(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The value of {@code status} in aepform's JSON formats. */
  public String jsonName() {
    return jsonName;
  }

  /** True once the run has ended, well or not. */
  public boolean finished() {
    return this == SUCCESS || this == PARTIAL_FAILURE || this == FAILED;
  }

  /** True for a run that failed or partly failed: what {@code --detailed-exitcode} reports. */
  public boolean failedOrPartly() {
    return this == FAILED || this == PARTIAL_FAILURE;
  }

  /**
   * The status of a run from the platform's {@code statusSummary.status} and whether it failed
   * records or files. The spec's enum spells values in upper case with underscores (IN_PROGRESS,
   * PARTIAL_SUCCESS, QUEUED); the pages in camel case: both are read.
   */
  public static RunStatus of(String platformStatus, boolean failedSome) {
    String s = platformStatus.replace("_", "").toLowerCase(Locale.ROOT);
    return switch (s) {
      case "success", "completed" -> failedSome ? PARTIAL_FAILURE : SUCCESS;
      case "partialsuccess", "partialfailure" -> PARTIAL_FAILURE;
      case "failed", "failure" -> FAILED;
      case "inprogress", "running" -> IN_PROGRESS;
      case "scheduled", "queued" -> SCHEDULED;
      default -> UNKNOWN;
    };
  }
}
