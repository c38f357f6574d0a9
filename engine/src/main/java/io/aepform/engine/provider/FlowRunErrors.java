package io.aepform.engine.provider;

import java.util.Map;

/**
 * What a user can do about the error codes a dataflow run reports, in one line. The codes and what
 * they mean are Adobe's: help/sources/notifications.md ("Understanding error messages":
 * CONNECTOR-1001-500 "Error in copying the data from Source.", CONNECTOR-2001-500 "Error in
 * processing (parsing, validation or transformation) the copied data."; a failed promotion
 * activity's detail code 133, "unable to locate any files uploaded for this batch"),
 * help/dataflows/api/monitor.md (a partial failure's INGEST-1212-400 "Review the associated
 * diagnostic files" and MAPPER-3700-400 "Mapper Transform Error") and the monitoring UI guide's
 * error summary (CONNECTOR-3001-500, creating a batch with the bulk ingest API).
 */
final class FlowRunErrors {
  private static final Map<String, String> BY_CODE =
      Map.of(
          "CONNECTOR-1001-500",
          "the data could not be copied from the source: check the base connection's credentials"
              + " and that the source connection's path exists",
          "CONNECTOR-2001-500",
          "the copied data could not be parsed, validated or mapped: check that the files match"
              + " the source connection's data.format and the dataset's schema",
          "CONNECTOR-3001-500",
          "the platform could not create a batch for the data: the next run tries again; if it"
              + " keeps failing, contact Adobe support with the run id",
          "INGEST-1212-400",
          "some rows were rejected: the failed rows and sample errors are in the batch's error"
              + " diagnostics (the promotion activity's failedRecords manifest)",
          "133",
          "no files were found to ingest: check the source connection's path and that new files"
              + " arrived since the last run");

  private FlowRunErrors() {}

  static String explain(String code) {
    String known = BY_CODE.get(code);
    if (known != null) {
      return known;
    }
    if (code.startsWith("MAPPER-")) {
      return "a mapping transformation failed for these records: check the flow's mapping against"
          + " the files' columns and the schema's field types";
    }
    return "see the run in the Monitoring dashboard of the Experience Platform UI for details";
  }
}
