package io.aepform.emulator;

import static io.aepform.emulator.RunFixtures.T0;
import static io.aepform.emulator.RunFixtures.flowItem;
import static io.aepform.emulator.RunFixtures.onlyRun;
import static io.aepform.emulator.RunFixtures.runs;
import static io.aepform.emulator.RunFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs fail or partly fail on demand, in AEP's documented shapes, reproducibly. */
class RunFaultsIT {
  private static final long NOW_S = T0.getEpochSecond();

  @Test
  void aFailedRunCarriesTheDocumentedErrorAndNoCompletionTime() {
    try (Emulator e = Emulator.start(RunFixtures.fixedClock().runFailureRate(1).build())) {
      TestClient c = TestClient.local(e);
      Fixtures.Chain chain = Fixtures.chain(c, "failing");
      e.advanceClock(Duration.ofSeconds(2));
      JsonNode run = onlyRun(c, chain.flowId());
      assertThat(status(run)).isEqualTo("failed");
      JsonNode error = run.at("/metrics/statusSummary/errors/0");
      assertThat(error.get("code").asText()).isIn("CONNECTOR-1001-500", "CONNECTOR-2001-500");
      assertThat(error.get("message").asText()).startsWith("Error in ");
      // help/sources/notifications.md: a failed run's metrics have no completedAtUTC.
      assertThat(run.at("/metrics/durationSummary/completedAtUTC").isMissingNode()).isTrue();
      assertThat(run.at("/metrics/fileSummary/inputFileCount").asLong()).isEqualTo(-1);
      JsonNode failedActivity = run.at("/activities/0");
      assertThat(failedActivity.at("/statusSummary/status").asText()).isEqualTo("failed");
      assertThat(failedActivity.at("/statusSummary/errors/0")).isEqualTo(error);
      assertThat(failedActivity.at("/durationSummary/completedAtUTC").asLong())
          .isEqualTo(T0.toEpochMilli() + 2000);
      assertThat(flowItem(c, chain.flowId()).at("/lastRunDetails/state").asText())
          .isEqualTo("failed");
    }
  }

  @Test
  void aPartlyFailedRunSucceedsWithFailedRecordsAndTheirErrors() {
    try (Emulator e = Emulator.start(RunFixtures.fixedClock().runPartialFailureRate(1).build())) {
      TestClient c = TestClient.local(e);
      Fixtures.Chain chain = Fixtures.chain(c, "partial");
      e.advanceClock(Duration.ofSeconds(2));
      JsonNode run = onlyRun(c, chain.flowId());
      assertThat(status(run)).isEqualTo("success");
      JsonNode records = run.at("/metrics/recordSummary");
      long failed = records.get("failedRecordCount").asLong();
      assertThat(failed).isPositive();
      assertThat(records.get("outputRecordCount").asLong())
          .isEqualTo(records.get("inputRecordCount").asLong() - failed);
      assertThat(run.at("/metrics/statusSummary/errors/0/code").asText())
          .isEqualTo("CONNECTOR-2001-500");
      JsonNode promotion = run.at("/activities/1");
      assertThat(promotion.get("id").asText()).isEqualTo("promotionActivity");
      assertThat(promotion.at("/statusSummary/extensions/errors"))
          .extracting(x -> x.get("code").asText())
          .containsExactly("INGEST-1212-400", "MAPPER-3700-400");
      assertThat(flowItem(c, chain.flowId()).at("/lastRunDetails/state").asText())
          .isEqualTo("partialSuccess");
    }
  }

  @Test
  void outcomesDependOnTheSeedAndTheFlowNotOnRandomIdsOrReadOrder() {
    List<String> first = outcomes(7);
    assertThat(outcomes(7)).isEqualTo(first);
    assertThat(first).contains("success", "failed");
    assertThat(outcomes(8)).isNotEqualTo(first);
  }

  private static List<String> outcomes(long seed) {
    EmulatorOptions o = RunFixtures.fixedClock().seed(seed).runFailureRate(0.5).build();
    try (Emulator e = Emulator.start(o)) {
      TestClient c = TestClient.local(e);
      Fixtures.Chain chain = Fixtures.chain(c, "seeded");
      String id = RunFixtures.flow(c, chain, "Seeded", RunFixtures.everyMinutes(NOW_S, 15));
      e.advanceClock(Duration.ofHours(4));
      return runs(c, id).stream().map(RunFixtures::status).toList();
    }
  }

  @Test
  void changedRunSettingsApplyToRunsThatStartLater() {
    try (Emulator e = Emulator.start(RunFixtures.fixedClock().build())) {
      TestClient c = TestClient.local(e);
      Fixtures.Chain chain = Fixtures.chain(c, "changing");
      String id = RunFixtures.flow(c, chain, "Changing", RunFixtures.everyMinutes(NOW_S, 15));
      e.advanceClock(Duration.ofMinutes(1));
      e.setRunFailureRate(1);
      e.setRunDuration(Duration.ofMinutes(5));
      e.advanceClock(Duration.ofMinutes(15));
      List<JsonNode> runs = runs(c, id);
      assertThat(runs).extracting(RunFixtures::status).containsExactly("success", "inProgress");
      e.advanceClock(Duration.ofMinutes(5));
      assertThat(runs(c, id)).extracting(RunFixtures::status).containsExactly("success", "failed");
      e.resetFaults();
      e.advanceClock(Duration.ofMinutes(10));
      assertThat(runs(c, id))
          .extracting(RunFixtures::status)
          .containsExactly("success", "failed", "success");
    }
  }
}
