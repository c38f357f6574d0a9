package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flow Service PATCH (If-Match, RFC 6902, immutable fields) and state actions. */
class FlowPatchIT {
  private Emulator emulator;
  private TestClient client;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static void assertFlowError(TestClient.Res r, int status, String code) {
    FlowServiceIT.assertFlowError(r, status, code);
  }

  private JsonNode item(String collection, String id) {
    TestClient.Res r = client.get(FS + "/" + collection + "/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("items").get(0);
  }

  @Test
  void patchNeedsIfMatchAndTheCurrentEtag() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("P")));
    String rename = "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"P2\"}]";
    assertFlowError(client.patch(FS + "/connections/" + id, rename), 400, "1403");
    assertFlowError(
        client.with("If-Match", "\"stale\"").patch(FS + "/connections/" + id, rename), 412, "1404");
    String etag = item("connections", id).get("etag").asText();
    TestClient.Res ok = client.with("If-Match", etag).patch(FS + "/connections/" + id, rename);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("id").asText()).isEqualTo(id);
    String newEtag = ok.json().get("etag").asText();
    assertThat(newEtag).isNotEqualTo(etag);
    assertThat(item("connections", id).get("name").asText()).isEqualTo("P2");
    assertThat(item("connections", id).get("etag").asText()).isEqualTo(newEtag);
    assertFlowError(
        client.with("If-Match", etag).patch(FS + "/connections/" + id, rename), 412, "1404");
  }

  @Test
  void patchIsAnRfc6902ArrayWithLowerCaseOps() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("P")));
    TestClient ifMatch = client.with("If-Match", item("connections", id).get("etag").asText());
    assertFlowError(
        ifMatch.patch(
            FS + "/connections/" + id, "[{\"op\":\"REPLACE\",\"path\":\"/name\",\"value\":\"x\"}]"),
        400,
        "1401");
    assertFlowError(
        ifMatch.patch(
            FS + "/connections/" + id, "{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}"),
        400,
        "1401");
    assertFlowError(
        ifMatch.patch(FS + "/connections/" + id, "[{\"op\":\"remove\",\"path\":\"/name\"}]"),
        400,
        "1401");
    assertFlowError(
        ifMatch.patch(
            FS + "/connections/" + id,
            "[{\"op\":\"replace\",\"path\":\"/connectionSpec/id\",\"value\":\""
                + Fixtures.S3
                + "\"}]"),
        400,
        "1414");
    assertFlowError(
        ifMatch.patch(
            FS + "/connections/" + id, "[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"x\"}]"),
        400,
        "1401");
    assertFlowError(ifMatch.patch(FS + "/connections/nope", "[]"), 404, "1439");
  }

  @Test
  void patchingAuthParamsKeepsSecretsMasked() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.s3Connection("S3")));
    TestClient ifMatch = client.with("If-Match", item("connections", id).get("etag").asText());
    TestClient.Res r =
        ifMatch.patch(
            FS + "/connections/" + id,
            "[{\"op\":\"replace\",\"path\":\"/auth/params\",\"value\":{\"s3AccessKey\":\"NEW\",\"s3SecretKey\":\"rotated\"}}]");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode params = item("connections", id).at("/auth/params");
    assertThat(params.get("s3AccessKey").asText()).isEqualTo("NEW");
    assertThat(params.get("s3SecretKey").asText()).isEqualTo("****");
  }

  @Test
  void stateIsNotAcceptedOnCreateAndChangesThroughActions() {
    Fixtures.Chain c = Fixtures.chain(client, "s");
    String withState =
        Fixtures.flow("F2", c.sourceId(), c.targetId())
            .replaceFirst("\\{", "{\"state\":\"disabled\",");
    assertFlowError(client.post(FS + "/flows", withState), 400, "1410");
    String etag = item("flows", c.flowId()).get("etag").asText();
    assertFlowError(
        client
            .with("If-Match", etag)
            .patch(
                FS + "/flows/" + c.flowId(),
                "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"disabled\"}]"),
        400,
        "1410");

    TestClient.Res off = client.post(FS + "/flows/" + c.flowId() + "/action?op=DISABLE", null);
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    assertThat(off.json().get("etag").asText()).isNotEqualTo(etag);
    assertThat(item("flows", c.flowId()).get("state").asText()).isEqualTo("disabled");
    client.post(FS + "/flows/" + c.flowId() + "/action?op=ENABLE", null);
    assertThat(item("flows", c.flowId()).get("state").asText()).isEqualTo("enabled");
    assertFlowError(
        client.post(FS + "/flows/" + c.flowId() + "/action?op=PAUSE", null), 400, "1401");
  }

  @Test
  void flowPatchOfTheScheduleIsValidated() {
    Fixtures.Chain c = Fixtures.chain(client, "p");
    TestClient ifMatch = client.with("If-Match", item("flows", c.flowId()).get("etag").asText());
    assertFlowError(
        ifMatch.patch(
            FS + "/flows/" + c.flowId(),
            "[{\"op\":\"replace\",\"path\":\"/scheduleParams/interval\",\"value\":\"half\"}]"),
        400,
        "1401");
    TestClient.Res ok =
        ifMatch.patch(
            FS + "/flows/" + c.flowId(),
            "[{\"op\":\"replace\",\"path\":\"/scheduleParams/frequency\",\"value\":\"hour\"},"
                + "{\"op\":\"replace\",\"path\":\"/scheduleParams/interval\",\"value\":30}]");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    JsonNode schedule = item("flows", c.flowId()).get("scheduleParams");
    assertThat(schedule.get("frequency").asText()).isEqualTo("hour");
    assertThat(schedule.get("interval").isTextual()).isTrue();
    assertThat(schedule.get("interval").asText()).isEqualTo("30");
  }

  @Test
  void patchNeedsAJsonContentType() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("C")));
    TestClient.Res r =
        client
            .with("If-Match", item("connections", id).get("etag").asText())
            .with("Content-Type", "text/plain")
            .patch(FS + "/connections/" + id, "[]");
    assertFlowError(r, 415, "1405");
  }
}
