package io.aepform.engine.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.RunError;
import io.aepform.engine.runs.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Runs in the shapes Adobe's pages show: a partial failure (help/dataflows/api/monitor.md: status
 * success, failed records, the promotion activity's errors), a failure
 * (help/sources/notifications.md: no completedAtUTC, counts of -1), a run in progress
 * (sort-and-filter.md's inProgress).
 */
class FlowRunReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String PARTIAL =
      """
      {"id": "r-1", "flowId": "f-1", "createdAt": 1700000000000, "updatedAt": 1700000060000,
       "metrics": {
         "durationSummary": {"startedAtUTC": 1700000001000, "completedAtUTC": 1700000031000},
         "recordSummary": {"inputRecordCount": 40, "outputRecordCount": 37, "failedRecordCount": 3},
         "fileSummary": {"inputFileCount": 2, "outputFileCount": 2},
         "statusSummary": {"status": "success",
           "errors": [{"code": "CONNECTOR-2001-500", "message": "Error occurred at promotion activity."}]}},
       "activities": [
         {"id": "copyActivity", "statusSummary": {"status": "success"}},
         {"id": "promotionActivity",
          "statusSummary": {"status": "success",
            "errors": [{"code": "CONNECTOR-2001-500", "message": "Error occurred at promotion activity."}],
            "extensions": {"errors": [
              {"code": "INGEST-1212-400", "message": "Encountered 3 errors in the data."},
              {"code": "MAPPER-3700-400", "recordCount": 3, "message": "Mapper Transform Error"}]}}}]}
      """;

  private static final String FAILED =
      """
      {"id": "r-2", "flowId": "f-1", "createdAt": 1700000000000, "updatedAt": 1700000099000,
       "metrics": {
         "durationSummary": {"startedAtUTC": 1700000002000},
         "sizeSummary": {"inputBytes": -1},
         "fileSummary": {"inputFileCount": -1},
         "statusSummary": {"status": "failed",
           "errors": [{"code": "CONNECTOR-1001-500", "message": "Error in copying the data from Source."}]}},
       "activities": [
         {"id": "copyActivity",
          "durationSummary": {"startedAtUTC": 1700000002000, "completedAtUTC": 1700000012000},
          "statusSummary": {"status": "failed",
            "errors": [{"code": "CONNECTOR-1001-500", "message": "Error in copying the data from Source."}]}}]}
      """;

  @Test
  void aSuccessWithFailedRecordsIsAPartialFailureWithItsActivitysErrors() throws Exception {
    Run run = FlowRunReader.read(JSON.readTree(PARTIAL));
    assertThat(run.status()).isEqualTo(RunStatus.PARTIAL_FAILURE);
    assertThat(run.platformStatus()).isEqualTo("success");
    assertThat(run.started()).contains(Instant.ofEpochMilli(1700000001000L));
    assertThat(run.duration()).contains(Duration.ofSeconds(30));
    assertThat(run.records().read()).hasValue(40);
    assertThat(run.records().written()).hasValue(37);
    assertThat(run.records().failed()).hasValue(3);
    assertThat(run.files().read()).hasValue(2);
    assertThat(run.files().failed()).isEmpty();
    assertThat(run.errors())
        .extracting(RunError::code)
        .containsExactly("CONNECTOR-2001-500", "INGEST-1212-400", "MAPPER-3700-400");
    assertThat(run.errors())
        .allSatisfy(e -> assertThat(e.activity()).isEqualTo("promotionActivity"));
    assertThat(run.errors().get(2).records()).isEqualTo(OptionalLong.of(3));
    assertThat(run.errors().get(1).explanation()).contains("error diagnostics");
  }

  @Test
  void aFailedRunEndsWhenItsFailedActivityCompletedAndHasNoCountsOfMinusOne() throws Exception {
    Run run = FlowRunReader.read(JSON.readTree(FAILED));
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.ended()).contains(Instant.ofEpochMilli(1700000012000L));
    assertThat(run.duration()).contains(Duration.ofSeconds(10));
    assertThat(run.files().read()).isEmpty();
    assertThat(run.records().read()).isEmpty();
    RunError error = run.errors().get(0);
    assertThat(error.code()).isEqualTo("CONNECTOR-1001-500");
    assertThat(error.activity()).isEqualTo("copyActivity");
    assertThat(error.explanation())
        .isEqualTo(
            "the data could not be copied from the source: check the base connection's credentials"
                + " and that the source connection's path exists");
  }

  @Test
  void aFailedRunWithoutActivityTimesEndsWhenLastUpdatedAndKeepsTheRunsErrors() throws Exception {
    JsonNode run = JSON.readTree(FAILED);
    ((ObjectNode) run).putArray("activities");
    Run read = FlowRunReader.read(run);
    assertThat(read.ended()).contains(Instant.ofEpochMilli(1700000099000L));
    assertThat(read.errors()).singleElement().satisfies(e -> assertThat(e.activity()).isEmpty());
  }

  @Test
  void aRunInProgressHasNoEnd() throws Exception {
    Run run =
        FlowRunReader.read(
            JSON.readTree(
                """
                {"id": "r-3", "createdAt": 1700000000000, "updatedAt": 1700000000000,
                 "metrics": {"durationSummary": {"startedAtUTC": 1700000000000},
                             "statusSummary": {"status": "inProgress"}},
                 "activities": []}
                """));
    assertThat(run.status()).isEqualTo(RunStatus.IN_PROGRESS);
    assertThat(run.ended()).isEmpty();
    assertThat(run.duration()).isEmpty();
    assertThat(run.errors()).isEmpty();
  }

  /** The spec's FlowRunItemDTO spells it activites (ApiDeviations.RUN_ACTIVITIES_SPELLING). */
  @Test
  void readsTheSpecsSpellingOfActivitiesWhenThePagesOneIsAbsent() throws Exception {
    Run run = FlowRunReader.read(JSON.readTree(FAILED.replace("\"activities\"", "\"activites\"")));
    assertThat(run.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.activity()).isEqualTo("copyActivity"));
    assertThat(run.ended()).contains(Instant.ofEpochMilli(1700000012000L));
  }

  @Test
  void unknownCodesPointToTheMonitoringDashboard() {
    assertThat(FlowRunErrors.explain("FLOW-9999-500")).contains("Monitoring dashboard");
    assertThat(FlowRunErrors.explain("MAPPER-3701-400")).contains("mapping");
  }

  @Test
  void statusesAreReadInTheSpellingsOfThePagesAndTheSpec() {
    assertThat(RunStatus.of("inProgress", false)).isEqualTo(RunStatus.IN_PROGRESS);
    assertThat(RunStatus.of("IN_PROGRESS", false)).isEqualTo(RunStatus.IN_PROGRESS);
    assertThat(RunStatus.of("PARTIAL_SUCCESS", false)).isEqualTo(RunStatus.PARTIAL_FAILURE);
    assertThat(RunStatus.of("partialSuccess", false)).isEqualTo(RunStatus.PARTIAL_FAILURE);
    assertThat(RunStatus.of("success", true)).isEqualTo(RunStatus.PARTIAL_FAILURE);
    assertThat(RunStatus.of("Failed", false)).isEqualTo(RunStatus.FAILED);
    assertThat(RunStatus.of("scheduled", false)).isEqualTo(RunStatus.SCHEDULED);
    assertThat(RunStatus.of("cancelled", false)).isEqualTo(RunStatus.UNKNOWN);
  }
}
