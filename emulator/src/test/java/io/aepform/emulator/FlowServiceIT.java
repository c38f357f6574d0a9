package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flow Service objects: shapes, auth rules, declared types, references, deletion, lists. */
class FlowServiceIT {
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

  static void assertFlowError(TestClient.Res r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode e = r.json();
    assertThat(e.get("type").asText())
        .isEqualTo("https://ns.adobe.com/aep/errors/FLOW-" + code + "-" + status);
    assertThat(e.get("status").asInt()).isEqualTo(status);
    assertThat(e.has("title")).isTrue();
    assertThat(e.get("report").isObject()).isTrue();
  }

  private JsonNode item(String collection, String id) {
    TestClient.Res r = client.get(FS + "/" + collection + "/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("items").get(0);
  }

  @Test
  void getAnswersItemsWithServerFieldsAndTheCreatedBody() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("Lake")));
    JsonNode c = item("connections", id);
    assertThat(c.get("id").asText()).isEqualTo(id);
    assertThat(c.get("name").asText()).isEqualTo("Lake");
    assertThat(c.get("sandboxName").asText()).isEqualTo("prod");
    assertThat(c.get("imsOrgId").asText()).isEqualTo("AEPFORMLOCAL@AdobeOrg");
    assertThat(c.get("createdAt").isIntegralNumber()).isTrue();
    assertThat(c.get("updatedAt").isIntegralNumber()).isTrue();
    assertThat(c.get("state").asText()).isEqualTo("enabled");
    assertThat(c.at("/connectionSpec/version").asText()).isEqualTo("1.0");
  }

  @Test
  void trailingSlashIsAccepted() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("Slash")));
    String etag = item("connections", id).get("etag").asText();
    assertThat(client.get(FS + "/connections/" + id + "/").status()).isEqualTo(200);
    TestClient.Res p =
        client
            .with("If-Match", etag)
            .patch(
                FS + "/connections/" + id + "/",
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"S2\"}]");
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    assertThat(client.delete(FS + "/connections/" + id + "/").status()).isEqualTo(204);
  }

  @Test
  void secretAuthParamsAreMaskedAndOthersReturned() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.s3Connection("S3")));
    JsonNode params = item("connections", id).at("/auth/params");
    assertThat(params.get("s3AccessKey").asText()).isEqualTo("AKIAEXAMPLE");
    assertThat(params.get("s3SecretKey").asText()).isEqualTo("****");
    assertThat(
            emulator.objects(ResourceKind.CONNECTION, "AEPFORMLOCAL@AdobeOrg", "prod").toString())
        .doesNotContain("super-secret-value");
  }

  @Test
  void connectionAuthMustFitItsSpec() {
    String lakeWithAuth =
        Fixtures.lakeConnection("L")
            .replace(
                "\"connectionSpec\"",
                "\"auth\":{\"specName\":\"x\",\"params\":{}},\"connectionSpec\"");
    assertFlowError(client.post(FS + "/connections", lakeWithAuth), 400, "1401");
    String s3 = Fixtures.s3Connection("S3");
    assertFlowError(client.post(FS + "/connections", s3.replace("Access Key", "Key")), 400, "1401");
    assertFlowError(
        client.post(
            FS + "/connections",
            s3.replace("\"s3SecretKey\":\"super-secret-value\"", "\"x\":\"y\"")),
        400,
        "1401");
    String noAuth = Fixtures.lakeConnection("S3").replace(Fixtures.DATA_LAKE, Fixtures.S3);
    TestClient.Res r = client.post(FS + "/connections", noAuth);
    assertFlowError(r, 400, "1401");
    assertThat(r.json().get("errorMessage").asText()).contains("auth");
    assertFlowError(client.post(FS + "/connections", s3.replace(Fixtures.S3, "nope")), 400, "1401");
  }

  @Test
  void declaredTypesAreEnforced() {
    TestClient.Res r =
        client.post(FS + "/connections", Fixtures.lakeConnection("L").replace("\"1.0\"", "1"));
    assertFlowError(r, 400, "1401");
    assertThat(r.json().get("errorMessage").asText()).contains("connectionSpec.version", "string");
    assertFlowError(
        client.post(
            FS + "/connections",
            "{\"connectionSpec\":{\"id\":\"" + Fixtures.DATA_LAKE + "\",\"version\":\"1.0\"}}"),
        400,
        "1401");
    assertFlowError(client.post(FS + "/connections", "not json"), 400, "1401");
    assertFlowError(client.post(FS + "/connections", "[]"), 400, "1401");
  }

  @Test
  void flowsNeedTheirRequiredFieldsWithDeclaredTypes() {
    Fixtures.Chain c = Fixtures.chain(client, "a");
    String good = Fixtures.flow("F2", c.sourceId(), c.targetId());
    String[][] broken = {
      {"\"flowSpec\":{\"id\":\"" + Fixtures.FLOW_SPEC + "\",\"version\":\"1.0\"},", ""},
      {"[\"" + c.sourceId() + "\"]", "[]"},
      {"\"frequency\":\"minute\",", ""},
      {"1700000000", "\"soon\""},
      {"1700000000", "-1"},
      {"\"interval\":\"1000\"", "\"interval\":\"5\""},
      {"\"interval\":\"1000\"", "\"interval\":\"ten\""},
      {"\"interval\":\"1000\"", "\"interval\":1.5"},
      {"\"frequency\":\"minute\"", "\"frequency\":\"hourly\""},
      {"\"frequency\":\"minute\"", "\"frequency\":\"once\""},
      {"\"backfill\":true", "\"backfill\":\"yes\""},
    };
    for (String[] b : broken) {
      String body = good.replace(b[0], b[1]);
      assertThat(body).isNotEqualTo(good);
      assertFlowError(client.post(FS + "/flows", body), 400, "1401");
    }
    assertThat(emulator.count(ResourceKind.FLOW, "AEPFORMLOCAL@AdobeOrg", "prod")).isEqualTo(1);
  }

  @Test
  void referencesMustExist() {
    Fixtures.Chain c = Fixtures.chain(client, "r");
    String missing = "00000000-0000-0000-0000-000000000000";
    assertFlowError(
        client.post(
            FS + "/sourceConnections", Fixtures.sourceConnection("S", missing, c.schemaId())),
        400,
        "1402");
    assertFlowError(
        client.post(
            FS + "/sourceConnections",
            Fixtures.sourceConnection("S", c.baseId(), c.schemaId() + "0")),
        400,
        "1402");
    assertFlowError(
        client.post(
            FS + "/targetConnections",
            Fixtures.targetConnection("T", c.lakeId(), c.schemaId(), "5e7439b1ad55a618ad4c5102")),
        400,
        "1402");
    assertFlowError(
        client.post(
            FS + "/targetConnections",
            Fixtures.targetConnection("T", missing, c.schemaId(), c.dataSetId())),
        400,
        "1402");
    assertFlowError(
        client.post(FS + "/flows", Fixtures.flow("F", missing, c.targetId())), 400, "1402");
    assertFlowError(
        client.post(FS + "/flows", Fixtures.flow("F", c.sourceId(), missing)), 400, "1402");
    // a source connection's spec must be its base connection's
    assertFlowError(
        client.post(
            FS + "/sourceConnections", Fixtures.sourceConnection("S", c.lakeId(), c.schemaId())),
        400,
        "1401");
  }

  @Test
  void baseConnectionUsedByAFlowCannotBeDeleted() {
    Fixtures.Chain c = Fixtures.chain(client, "d");
    assertFlowError(client.delete(FS + "/connections/" + c.baseId()), 400, "1418");
    assertFlowError(client.delete(FS + "/connections/" + c.lakeId()), 400, "1418");
    assertThat(client.delete(FS + "/flows/" + c.flowId()).status()).isEqualTo(204);
    assertThat(client.delete(FS + "/connections/" + c.baseId()).status()).isEqualTo(204);
    assertFlowError(client.get(FS + "/connections/" + c.baseId()), 404, "1439");
    assertFlowError(client.delete(FS + "/connections/" + c.baseId()), 404, "1439");
  }

  @Test
  void listFiltersByPropertyAndPagesWithContinuationTokens() {
    for (int i = 0; i < 5; i++) {
      Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("L" + i)));
    }
    JsonNode one = client.get(FS + "/connections?property=name==L3").json();
    assertThat(one.get("items")).hasSize(1);
    assertThat(one.at("/items/0/name").asText()).isEqualTo("L3");
    assertThat(
            client
                .get(FS + "/connections?property=name==L3&property=state==disabled")
                .json()
                .get("items"))
        .isEmpty();
    assertThat(client.get(FS + "/connections?property=name!=L3").json().get("items")).hasSize(4);

    JsonNode page1 = client.get(FS + "/connections?limit=2").json();
    assertThat(page1.get("items")).hasSize(2);
    String next = page1.at("/_links/next/href").asText();
    assertThat(next).startsWith("/connections?").contains("continuationToken=");
    JsonNode page2 = client.get(FS + next).json();
    JsonNode page3 = client.get(FS + page2.at("/_links/next/href").asText()).json();
    assertThat(page3.get("items")).hasSize(1);
    assertThat(page3.at("/_links/next").isMissingNode()).isTrue();
    assertThat(page3.at("/items/0/name").asText()).isEqualTo("L4");
    assertFlowError(client.get(FS + "/connections?limit=0"), 400, "1401");
  }
}
