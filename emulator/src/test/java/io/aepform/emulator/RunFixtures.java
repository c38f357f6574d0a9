package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Flows with chosen schedules on an emulator whose clock tests move, and their runs. */
final class RunFixtures {
  static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  static final String ORG = "AEPFORMLOCAL@AdobeOrg";

  private RunFixtures() {}

  static EmulatorOptions.Builder fixedClock() {
    return EmulatorOptions.builder().clock(Clock.fixed(T0, ZoneOffset.UTC));
  }

  /** A flow on the chain's connections, with {@code schedule} as its scheduleParams. */
  static String flow(TestClient c, Fixtures.Chain chain, String name, String schedule) {
    String body =
        """
        {"name":"%s","flowSpec":{"id":"%s","version":"1.0"},
         "sourceConnectionIds":["%s"],"targetConnectionIds":["%s"],
         "scheduleParams":%s}
        """
            .formatted(name, Fixtures.FLOW_SPEC, chain.sourceId(), chain.targetId(), schedule);
    return Fixtures.id(c.post(FS + "/flows", body));
  }

  /** Every {@code minutes} minutes from {@code start} (epoch seconds). */
  static String everyMinutes(long start, int minutes) {
    return """
        {"startTime":%d,"frequency":"minute","interval":"%d"}
        """
        .formatted(start, minutes);
  }

  /** All runs of a flow, oldest first, read over HTTP page by page. */
  static List<JsonNode> runs(TestClient c, String flowId) {
    List<JsonNode> out = new ArrayList<>();
    String href = "/runs?property=flowId==" + flowId + "&orderby=createdAt&limit=2";
    while (href != null) {
      TestClient.Res r = c.get(FS + href);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      r.json().get("items").forEach(out::add);
      JsonNode next = r.json().at("/_links/next/href");
      href = next.isMissingNode() ? null : next.asText();
    }
    return out;
  }

  static JsonNode onlyRun(TestClient c, String flowId) {
    List<JsonNode> runs = runs(c, flowId);
    assertThat(runs).hasSize(1);
    return runs.get(0);
  }

  static String status(JsonNode run) {
    return run.at("/metrics/statusSummary/status").asText();
  }

  static JsonNode flowItem(TestClient c, String flowId) {
    TestClient.Res r = c.get(FS + "/flows/" + flowId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().at("/items/0");
  }
}
