package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flow's schedule: the JSON types Adobe's tutorials send are all accepted, GET answers strings
 * (help/sources/tutorials/api/update-dataflows.md), and a start time that has passed cannot change.
 */
class FlowScheduleIT {
  private Emulator emulator;
  private TestClient client;
  private Fixtures.Chain chain;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
    chain = Fixtures.chain(client, "s");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String flowWith(String name, String schedule, String transformations) {
    return """
        {"name":"%s","flowSpec":{"id":"%s","version":"1.0"},
         "sourceConnectionIds":["%s"],"targetConnectionIds":["%s"],
         "transformations":%s,"scheduleParams":%s}
        """
        .formatted(
            name,
            Fixtures.FLOW_SPEC,
            chain.sourceId(),
            chain.targetId(),
            transformations,
            schedule);
  }

  private JsonNode flow(String id) {
    TestClient.Res r = client.get(FS + "/flows/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().at("/items/0");
  }

  private static String mapping(String version) {
    return "[{\"name\":\"Mapping\",\"params\":{\"mappingId\":\"bf5286a9\",\"mappingVersion\":"
        + version
        + "}}]";
  }

  @Test
  void numbersAndBooleansAreAnsweredAsStringsWhateverWasSent() {
    // the seed tutorial's types: integer startTime, numeric interval, boolean backfill
    String seed =
        "{\"startTime\":1612310466,\"frequency\":\"minute\",\"interval\":15,\"backfill\":true}";
    // collect/cloud-storage.md's types: strings, and an integer mappingVersion
    String cloud = "{\"startTime\":\"1597784298\",\"frequency\":\"minute\",\"interval\":\"30\"}";
    String a = Fixtures.id(client.post(FS + "/flows", flowWith("A", seed, mapping("0"))));
    String b = Fixtures.id(client.post(FS + "/flows", flowWith("B", cloud, mapping("\"2\""))));

    JsonNode first = flow(a);
    assertThat(first.get("scheduleParams").toString())
        .isEqualTo(
            "{\"startTime\":\"1612310466\",\"frequency\":\"minute\",\"interval\":\"15\","
                + "\"backfill\":\"true\"}");
    assertThat(first.at("/transformations/0/params/mappingVersion").isTextual()).isTrue();
    assertThat(first.at("/transformations/0/params/mappingVersion").asText()).isEqualTo("0");
    JsonNode second = flow(b);
    assertThat(second.at("/scheduleParams/startTime").asText()).isEqualTo("1597784298");
    assertThat(second.at("/scheduleParams/interval").asText()).isEqualTo("30");
    assertThat(second.at("/transformations/0/params/mappingVersion").asText()).isEqualTo("2");

    JsonNode listed = client.get(FS + "/flows?property=name==A").json().at("/items/0");
    assertThat(listed.at("/scheduleParams/backfill").isTextual()).isTrue();
    assertThat(listed.at("/scheduleParams/startTime").isTextual()).isTrue();
  }

  @Test
  void garbageIsStillRefused() {
    String[] schedules = {
      "{\"startTime\":\"tomorrow\",\"frequency\":\"minute\",\"interval\":15}",
      "{\"startTime\":1612310466,\"frequency\":\"minute\",\"interval\":\"fifteen\"}",
      "{\"startTime\":1612310466,\"frequency\":\"minute\",\"interval\":14}",
      "{\"startTime\":1612310466,\"frequency\":\"day\",\"interval\":\"0\"}",
      "{\"startTime\":1612310466,\"frequency\":\"minute\",\"interval\":15,\"backfill\":\"yes\"}",
      "{\"startTime\":1612310466,\"frequency\":\"minute\",\"interval\":15,\"backfill\":1}",
    };
    for (String schedule : schedules) {
      TestClient.Res r = client.post(FS + "/flows", flowWith("X", schedule, "[]"));
      FlowServiceIT.assertFlowError(r, 400, "1401");
    }
    FlowServiceIT.assertFlowError(
        client.post(
            FS + "/flows",
            flowWith("X", "{\"startTime\":1,\"frequency\":\"once\"}", mapping("\"latest\""))),
        400,
        "1401");
    assertThat(emulator.count(ResourceKind.FLOW, "AEPFORMLOCAL@AdobeOrg", "prod")).isEqualTo(1);
  }

  private TestClient.Res patchStartTime(String id, String value) {
    return client
        .with("If-Match", flow(id).get("etag").asText())
        .patch(
            FS + "/flows/" + id,
            "[{\"op\":\"replace\",\"path\":\"/scheduleParams/startTime\",\"value\":"
                + value
                + "}]");
  }

  @Test
  void aStartTimeThatHasPassedCannotChange() {
    // chain's flow starts at 1700000000 (2023): already passed
    TestClient.Res r = patchStartTime(chain.flowId(), "1900000000");
    FlowServiceIT.assertFlowError(r, 400, "1401");
    assertThat(r.json().get("errorMessage").asText())
        .contains("scheduleParams.startTime", "1700000000", "passed");
    assertThat(flow(chain.flowId()).at("/scheduleParams/startTime").asText())
        .isEqualTo("1700000000");
    // the same start time, in another JSON type, is no change
    TestClient.Res same = patchStartTime(chain.flowId(), "\"1700000000\"");
    assertThat(same.status()).as(same.body()).isEqualTo(200);
  }

  @Test
  void aStartTimeStillAheadCanChange() {
    long later = System.currentTimeMillis() / 1000 + 86_400;
    String schedule = "{\"startTime\":" + later + ",\"frequency\":\"hour\",\"interval\":1}";
    String id = Fixtures.id(client.post(FS + "/flows", flowWith("Later", schedule, "[]")));
    TestClient.Res r = patchStartTime(id, String.valueOf(later + 3600));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(flow(id).at("/scheduleParams/startTime").asText())
        .isEqualTo(String.valueOf(later + 3600));
  }
}
