package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flow Service PATCH and actions as Adobe's pages document them. */
class FlowPatchRulesIT {
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

  private JsonNode item(String collection, String id) {
    TestClient.Res r = client.get(FS + "/" + collection + "/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().at("/items/0");
  }

  private TestClient.Res patch(String collection, String id, String body) {
    String etag = item(collection, id).get("etag").asText();
    return client.with("If-Match", etag).patch(FS + "/" + collection + "/" + id, body);
  }

  /** flow-service.yaml's PatchInstruction requires value; Adobe's remove examples carry one. */
  @Test
  void removeNeedsTheValueItRemoves() {
    String id =
        Fixtures.id(
            client.post(
                FS + "/connections",
                Fixtures.lakeConnection("R").replaceFirst("\\{", "{\"description\":\"d\",")));
    TestClient.Res bare =
        patch("connections", id, "[{\"op\":\"remove\",\"path\":\"/description\"}]");
    FlowServiceIT.assertFlowError(bare, 400, "1401");
    assertThat(bare.json().get("errorMessage").asText()).contains("value");
    TestClient.Res ok =
        patch("connections", id, "[{\"op\":\"remove\",\"path\":\"/description\",\"value\":\"d\"}]");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(item("connections", id).has("description")).isFalse();
  }

  /** update.md: "Operations include: add, replace, and remove." */
  @Test
  void onlyAddReplaceAndRemove() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("M")));
    FlowServiceIT.assertFlowError(
        patch(
            "connections",
            id,
            "[{\"op\":\"copy\",\"from\":\"/name\",\"path\":\"/description\",\"value\":\"M\"}]"),
        400,
        "1401");
  }

  /** update.md documents credentials only as one replace of the whole /auth/params. */
  @Test
  void credentialsAreReplacedAsAWhole() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.s3Connection("S3")));
    TestClient.Res leaf =
        patch(
            "connections",
            id,
            "[{\"op\":\"replace\",\"path\":\"/auth/params/s3SecretKey\",\"value\":\"rotated\"}]");
    FlowServiceIT.assertFlowError(leaf, 400, "1401");
    assertThat(leaf.json().get("errorMessage").asText()).contains("/auth/params");
    TestClient.Res whole =
        patch(
            "connections",
            id,
            "[{\"op\":\"replace\",\"path\":\"/auth/params\",\"value\":"
                + "{\"s3AccessKey\":\"AKIANEW\",\"s3SecretKey\":\"rotated\"}}]");
    assertThat(whole.status()).as(whole.body()).isEqualTo(200);
    // "a partial view of the credentials": the identifier in clear, the secret masked
    JsonNode params = item("connections", id).at("/auth/params");
    assertThat(params.get("s3AccessKey").asText()).isEqualTo("AKIANEW");
    assertThat(params.get("s3SecretKey").asText()).isEqualTo("****");
  }

  /** destinations/api/update-destination-dataflows.md: action?op=enable / op=disable. */
  @Test
  void lowerAndUpperCaseActionsBothWork() {
    Fixtures.Chain c = Fixtures.chain(client, "a");
    String action = FS + "/flows/" + c.flowId() + "/action?op=";
    assertThat(client.post(action + "disable", null).status()).isEqualTo(200);
    assertThat(item("flows", c.flowId()).get("state").asText()).isEqualTo("disabled");
    assertThat(client.post(action + "enable", null).status()).isEqualTo(200);
    assertThat(item("flows", c.flowId()).get("state").asText()).isEqualTo("enabled");
    assertThat(client.post(action + "DISABLE", null).status()).isEqualTo(200);
    assertThat(item("flows", c.flowId()).get("state").asText()).isEqualTo("disabled");
    FlowServiceIT.assertFlowError(client.post(action + "pause", null), 400, "1401");
  }
}
