package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static io.aepform.emulator.RunFixtures.T0;
import static io.aepform.emulator.RunFixtures.flowItem;
import static io.aepform.emulator.RunFixtures.onlyRun;
import static io.aepform.emulator.RunFixtures.runs;
import static io.aepform.emulator.RunFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flows run: at creation, on schedule, not while disabled, and their runs read like AEP's. */
class RunsIT {
  private static final long NOW_S = T0.getEpochSecond();
  private Emulator emulator;
  private TestClient client;
  private Fixtures.Chain chain;

  @BeforeEach
  void start() {
    emulator = Emulator.start(RunFixtures.fixedClock().build());
    client = TestClient.local(emulator);
    chain = Fixtures.chain(client, "runs");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aCreatedFlowRunsAtOnceAndTheRunSucceedsAfterTheRunDuration() {
    JsonNode run = onlyRun(client, chain.flowId());
    long created = flowItem(client, chain.flowId()).get("createdAt").asLong();
    assertThat(status(run)).isEqualTo("inProgress");
    assertThat(run.get("createdAt").asLong()).isEqualTo(created).isEqualTo(T0.toEpochMilli());
    assertThat(run.at("/metrics/durationSummary/startedAtUTC").asLong()).isEqualTo(created);
    assertThat(run.at("/metrics/durationSummary/completedAtUTC").isMissingNode()).isTrue();
    assertThat(run.get("activities")).isEmpty();

    emulator.advanceClock(Duration.ofMillis(1999));
    assertThat(status(onlyRun(client, chain.flowId()))).isEqualTo("inProgress");
    emulator.advanceClock(Duration.ofMillis(1));
    JsonNode done = onlyRun(client, chain.flowId());
    assertThat(status(done)).isEqualTo("success");
    assertThat(done.get("id").asText()).isEqualTo(run.get("id").asText());
    assertThat(done.at("/metrics/durationSummary/completedAtUTC").asLong())
        .isEqualTo(created + 2000);
    assertThat(done.get("updatedAt").asLong()).isEqualTo(created + 2000);
    assertThat(done.get("etag").asText()).isNotEqualTo(run.get("etag").asText()).startsWith("\"");
  }

  @Test
  void aRunHasTheDocumentedShapeAndConsistentMetrics() {
    emulator.advanceClock(Duration.ofSeconds(5));
    JsonNode run = onlyRun(client, chain.flowId());
    assertThat(run.get("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(run.get("flowId").asText()).isEqualTo(chain.flowId());
    for (String f : List.of("createdBy", "updatedBy", "createdClient", "updatedClient")) {
      assertThat(run.get(f).asText()).as(f).isNotBlank();
    }
    assertThat(run.get("sandboxName").asText()).isEqualTo("prod");
    assertThat(run.at("/flowSpec/id").asText()).isEqualTo(Fixtures.FLOW_SPEC);
    JsonNode m = run.get("metrics");
    long in = m.at("/recordSummary/inputRecordCount").asLong();
    assertThat(in).isPositive();
    assertThat(m.at("/recordSummary/outputRecordCount").asLong())
        .isEqualTo(in - m.at("/recordSummary/failedRecordCount").asLong());
    assertThat(m.at("/fileSummary/inputFileCount").asLong())
        .isEqualTo(m.at("/fileSummary/outputFileCount").asLong())
        .isPositive();
    assertThat(m.at("/fileSummary/failedFileCount").asLong()).isZero();
    assertThat(m.at("/sizeSummary/inputBytes").asLong()).isPositive();
    assertThat(run.has("activites")).isFalse();
    assertThat(run.get("activities"))
        .extracting(a -> a.get("id").asText())
        .containsExactly("copyActivity", "promotionActivity");
    assertThat(run.at("/activities/0/sourceInfo/0/id").asText()).isEqualTo(chain.sourceId());
    assertThat(run.at("/activities/1/targetInfo/0/id").asText()).isEqualTo(chain.targetId());
    assertThat(run.at("/activities/1/targetInfo/0/reference/ids/0").asText())
        .matches("01[0-9A-Z]{24}");
  }

  @Test
  void laterRunsFollowTheScheduleOnTheEmulatorsClock() {
    String id = RunFixtures.flow(client, chain, "Every 15", RunFixtures.everyMinutes(NOW_S, 15));
    emulator.advanceClock(Duration.ofMinutes(30).plusSeconds(1));
    List<JsonNode> runs = runs(client, id);
    assertThat(runs)
        .extracting(r -> r.get("createdAt").asLong() - T0.toEpochMilli())
        .containsExactly(0L, 15 * 60_000L, 30 * 60_000L);
    assertThat(runs)
        .extracting(RunFixtures::status)
        .containsExactly("success", "success", "inProgress");
  }

  @Test
  void aFutureStartTimeIsTheFirstRun() {
    String id =
        RunFixtures.flow(client, chain, "Later", RunFixtures.everyMinutes(NOW_S + 3600, 60));
    emulator.advanceClock(Duration.ofMinutes(59));
    assertThat(runs(client, id)).isEmpty();
    assertThat(flowItem(client, id).has("lastRunDetails")).isFalse();
    emulator.advanceClock(Duration.ofMinutes(1));
    assertThat(onlyRun(client, id).get("createdAt").asLong())
        .isEqualTo(T0.toEpochMilli() + 3_600_000);
  }

  @Test
  void aDisabledFlowDoesNotRunAndReEnablingRunsItAtOnce() {
    String id = RunFixtures.flow(client, chain, "Pausing", RunFixtures.everyMinutes(NOW_S, 15));
    emulator.advanceClock(Duration.ofMinutes(1));
    assertThat(client.post(FS + "/flows/" + id + "/action?op=disable", null).status())
        .isEqualTo(200);
    emulator.advanceClock(Duration.ofHours(2));
    assertThat(runs(client, id)).hasSize(1);
    assertThat(client.post(FS + "/flows/" + id + "/action?op=Enable", null).status())
        .isEqualTo(200);
    List<JsonNode> runs = runs(client, id);
    assertThat(runs).hasSize(2);
    assertThat(runs.get(1).get("createdAt").asLong())
        .isEqualTo(T0.plus(Duration.ofMinutes(121)).toEpochMilli());
    assertThat(status(runs.get(1))).isEqualTo("inProgress");
  }

  @Test
  void aNewIntervalAppliesToLaterRuns() {
    String id = RunFixtures.flow(client, chain, "Retimed", RunFixtures.everyMinutes(NOW_S, 15));
    emulator.advanceClock(Duration.ofMinutes(20));
    String etag = flowItem(client, id).get("etag").asText();
    TestClient.Res p =
        client
            .with("If-Match", etag)
            .patch(
                FS + "/flows/" + id,
                "[{\"op\":\"replace\",\"path\":\"/scheduleParams/interval\",\"value\":\"60\"}]");
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    emulator.advanceClock(Duration.ofMinutes(100));
    assertThat(runs(client, id))
        .extracting(r -> (r.get("createdAt").asLong() - T0.toEpochMilli()) / 60_000)
        .containsExactly(0L, 15L, 60L, 120L);
  }

  @Test
  void getFlowShowsTheLastRun() {
    JsonNode details = flowItem(client, chain.flowId()).get("lastRunDetails");
    String runId = onlyRun(client, chain.flowId()).get("id").asText();
    assertThat(details.get("id").asText()).isEqualTo(runId);
    assertThat(details.get("state").asText()).isEqualTo("inProgress");
    assertThat(details.get("startedAtUTC").asLong()).isEqualTo(T0.toEpochMilli());
    emulator.advanceClock(Duration.ofSeconds(3));
    JsonNode listed =
        client.get(FS + "/flows?property=name==Flow%20runs").json().at("/items/0/lastRunDetails");
    assertThat(listed.get("state").asText()).isEqualTo("success");
    assertThat(listed.get("completedAtUTC").asLong()).isEqualTo(T0.toEpochMilli() + 2000);
  }

  @Test
  void aRunIsReadByIdAndUnknownIdsAre404() {
    JsonNode run = onlyRun(client, chain.flowId());
    TestClient.Res r = client.get(FS + "/runs/" + run.get("id").asText());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().at("/items/0")).isEqualTo(run);
    FlowServiceIT.assertFlowError(
        client.get(FS + "/runs/00000000-0000-0000-0000-000000000000"), 404, "1439");
    FlowServiceIT.assertFlowError(
        client.delete(FS + "/runs/" + run.get("id").asText()), 405, "1406");
  }

  @Test
  void aDeletedFlowHasNoRuns() {
    String runId = onlyRun(client, chain.flowId()).get("id").asText();
    assertThat(client.delete(FS + "/flows/" + chain.flowId()).status()).isEqualTo(204);
    assertThat(runs(client, chain.flowId())).isEmpty();
    assertThat(client.get(FS + "/runs/" + runId).status()).isEqualTo(404);
  }
}
