package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static io.aepform.emulator.RunFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /runs filters, sorts and pages as help/dataflows/api/sort-and-filter.md describes. */
class RunListingIT {
  private static final long MS = T0.toEpochMilli();
  private static Emulator emulator;
  private static TestClient client;
  private static String flowId;
  private static String otherFlowId;

  @BeforeAll
  static void start() {
    emulator = Emulator.start(RunFixtures.fixedClock().seed(5).runFailureRate(0.4).build());
    client = TestClient.local(emulator);
    Fixtures.Chain chain = Fixtures.chain(client, "lists");
    flowId = RunFixtures.flow(client, chain, "Hourly", RunFixtures.everyMinutes(MS / 1000, 60));
    otherFlowId = chain.flowId();
    emulator.advanceClock(Duration.ofHours(9).plusSeconds(1));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static JsonNode list(String query) {
    TestClient.Res r = client.get(FS + "/runs?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theLatestRunsOfAFlowComeFirstWithMinusCreatedAtAndPageByContinuationToken() {
    JsonNode page = list("property=flowId==" + flowId + "&orderby=-createdAt&limit=3");
    assertThat(page.get("items"))
        .extracting(r -> (r.get("createdAt").asLong() - MS) / 3_600_000)
        .containsExactly(9L, 8L, 7L);
    String next = page.at("/_links/next/href").asText();
    assertThat(next).startsWith("/runs?").contains("continuationToken=");
    JsonNode second = client.get(FS + next).json();
    assertThat(second.get("items"))
        .extracting(r -> (r.get("createdAt").asLong() - MS) / 3_600_000)
        .containsExactly(6L, 5L, 4L);
  }

  @Test
  void withoutAFilterEveryFlowsRunsAreListedAndAPlusSortsAscending() {
    JsonNode all = list("orderby=%2BcreatedAt");
    assertThat(all.get("items"))
        .extracting(r -> r.get("flowId").asText())
        .contains(otherFlowId, flowId);
    int others = list("property=flowId==" + otherFlowId + "&count=true").get("count").asInt();
    assertThat(others).isPositive();
    assertThat(all.get("items")).hasSize(10 + others);
    assertThat(all.at("/items/0/createdAt").asLong()).isEqualTo(MS);
    assertThat(all.at("/_links/next").isMissingNode()).isTrue();
  }

  @Test
  void statusStateAndTimeFiltersSelectRuns() {
    String flow = "property=flowId==" + flowId;
    int failed = list(flow + "&property=metrics.statusSummary.status==Failed").get("items").size();
    int succeeded =
        list(flow + "&property=metrics.statusSummary.status==success").get("items").size();
    assertThat(failed).isPositive();
    assertThat(failed + succeeded).isEqualTo(9);
    assertThat(list(flow + "&property=state==inProgress").get("items")).hasSize(1);
    JsonNode window =
        list(
            flow
                + "&property=metrics.durationSummary.startedAtUTC%3E"
                + MS
                + "&property=metrics.durationSummary.startedAtUTC%3C"
                + (MS + 3 * 3_600_000));
    assertThat(window.get("items")).hasSize(2);
  }

  @Test
  void idListsAndCountAreAnswered() {
    JsonNode two = list("property=flowId==" + flowId + "&limit=2");
    String a = two.at("/items/0/id").asText();
    String b = two.at("/items/1/id").asText();
    assertThat(list("property=id==" + a + "," + b).get("items")).hasSize(2);
    JsonNode count = list("property=flowId==" + flowId + "&count=true");
    assertThat(count.get("count").asInt()).isEqualTo(10);
    assertThat(count.has("items")).isFalse();
  }

  @Test
  void badListParametersAreFlowServiceErrors() {
    FlowServiceIT.assertFlowError(client.get(FS + "/runs?limit=0"), 400, "1401");
    FlowServiceIT.assertFlowError(client.get(FS + "/runs?property=flowId"), 400, "1401");
  }
}
