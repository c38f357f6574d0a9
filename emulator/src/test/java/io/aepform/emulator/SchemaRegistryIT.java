package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schema Registry: server-assigned identity, Accept rules, unique titles, updates. */
class SchemaRegistryIT {
  private static final String ID_ACCEPT = "application/vnd.adobe.xed-id+json";
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

  static void assertXdmError(TestClient.Res r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode e = r.json();
    assertThat(e.get("type").asText())
        .isEqualTo("http://ns.adobe.com/aep/errors/XDM-" + code + "-" + status);
    assertThat(e.get("status").asInt()).isEqualTo(status);
    assertThat(e.get("title").asText()).isNotEmpty();
    assertThat(e.get("detail").asText()).isNotEmpty();
    assertThat(e.at("/report/detailed-message").asText()).isEqualTo(e.get("detail").asText());
  }

  private JsonNode create(String title) {
    return Fixtures.created(client.post(SR, Fixtures.schema(title)), 201);
  }

  @Test
  void lookupByAltIdOrEncodedIdNeedsAVersionedAccept() {
    JsonNode s = create("Lookup");
    String altId = s.get("meta:altId").asText();
    String encoded = URLEncoder.encode(s.get("$id").asText(), StandardCharsets.UTF_8);
    for (String accept :
        new String[] {
          "application/vnd.adobe.xed+json; version=1",
          "application/vnd.adobe.xed-full+json;version=1",
          "application/vnd.adobe.xed-full-notext+json; version=1"
        }) {
      TestClient.Res r = client.with("Accept", accept).get(SR + "/" + altId);
      assertThat(r.status()).as(accept).isEqualTo(200);
      assertThat(r.json().get("$id").asText()).isEqualTo(s.get("$id").asText());
    }
    assertThat(client.with("Accept", Fixtures.LAKE_ACCEPT).get(SR + "/" + encoded).status())
        .isEqualTo(200);
    assertThat(
            client
                .with("Accept", "application/vnd.adobe.xed-notext+json; version=1")
                .get(SR + "/" + altId)
                .json()
                .has("title"))
        .isFalse();
    assertXdmError(client.get(SR + "/" + altId), 400, "1007");
    assertXdmError(
        client.with("Accept", "application/vnd.adobe.xed+json").get(SR + "/" + altId), 400, "1007");
    assertXdmError(client.with("Accept", "application/json").get(SR + "/" + altId), 400, "1007");
    assertXdmError(
        client.with("Accept", Fixtures.LAKE_ACCEPT).get(SR + "/_aepformlocal.schemas.00"),
        404,
        "1012");
  }

  /**
   * schema/composition.md (Schema evolution principles): "Once a dataset is created for the schema,
   * the rules of schema evolution become strictly enforced by the system": a field group cannot be
   * removed then, though it could before; renaming stays allowed.
   */
  @Test
  void aSchemaWithADatasetTakesNoBreakingChange() {
    JsonNode schema = create("Evolving");
    String path = SR + "/" + schema.get("meta:altId").asText();
    assertThat(client.put(path, Fixtures.schemaWith("Evolving")).status()).isEqualTo(200);
    assertThat(client.put(path, Fixtures.schema("Evolving")).status()).isEqualTo(200);
    Fixtures.created(
        client.post(
            Fixtures.CAT + "?requestDataSource=true",
            Fixtures.dataset("Evolving DS", schema.get("$id").asText())),
        201);

    TestClient.Res refused = client.put(path, Fixtures.schemaWith("Evolving"));
    assertXdmError(refused, 400, "1005");
    assertThat(refused.json().get("detail").asText())
        .contains("has a dataset")
        .contains("'https://ns.adobe.com/xdm/context/identitymap' cannot be removed from allOf");
    assertThat(client.put(path, Fixtures.schema("Evolving Renamed")).status()).isEqualTo(200);
  }

  @Test
  void titlesAreUniquePerSandbox() {
    create("Unique");
    assertXdmError(client.post(SR, Fixtures.schema("Unique")), 400, "1521");
    JsonNode other = create("Other");
    TestClient.Res put =
        client.put(SR + "/" + other.get("meta:altId").asText(), Fixtures.schema("Unique"));
    assertXdmError(put, 400, "1521");
    Fixtures.created(client.with("x-sandbox-name", "dev").post(SR, Fixtures.schema("Unique")), 201);
  }

  @Test
  void createNeedsTheRequiredFields() {
    String good = Fixtures.schema("Required");
    assertXdmError(client.post(SR, good.replace("\"description\":\"\",", "")), 400, "1000");
    assertXdmError(
        client.post(SR, good.replace("\"type\":\"object\",", "\"type\":\"array\",")), 400, "1000");
    assertXdmError(client.post(SR, good.replace("\"title\":\"Required\",", "")), 400, "1000");
    assertXdmError(
        client.post(SR, "{\"type\":\"object\",\"title\":\"T\",\"description\":\"\",\"allOf\":[]}"),
        400,
        "1000");
    assertXdmError(
        client.post(
            SR,
            good.replace(
                "\"meta:class\":\"https://ns.adobe.com/xdm/context/profile\"",
                "\"meta:class\":\"https://ns.adobe.com/xdm/context/other\"")),
        400,
        "1000");
    assertThat(emulator.count(ResourceKind.SCHEMA, "AEPFORMLOCAL@AdobeOrg", "prod")).isZero();
  }

  @Test
  void listNeedsTheListingAcceptAndFiltersByTitle() {
    create("Alpha");
    create("Beta");
    create("Gamma");
    TestClient list = client.with("Accept", ID_ACCEPT);
    JsonNode all = list.get(SR).json();
    assertThat(all.get("results")).hasSize(3);
    assertThat(all.at("/results/0").size()).isEqualTo(4);
    JsonNode beta = list.get(SR + "?property=title==Beta").json();
    assertThat(beta.get("results")).hasSize(1);
    assertThat(beta.at("/results/0/title").asText()).isEqualTo("Beta");
    assertThat(beta.at("/_page/count").asInt()).isEqualTo(1);
    JsonNode full = client.with("Accept", "application/vnd.adobe.xed+json").get(SR).json();
    assertThat(full.at("/results/0/allOf").isArray()).isTrue();
    assertXdmError(client.get(SR), 400, "1006");
    assertXdmError(client.with("Accept", Fixtures.LAKE_ACCEPT).get(SR), 400, "1006");
  }

  @Test
  void listPagesWithOrderbyStartAndLimit() {
    create("Alpha");
    create("Beta");
    create("Gamma");
    TestClient list = client.with("Accept", ID_ACCEPT);
    JsonNode p1 = list.get(SR + "?orderby=title&limit=2").json();
    assertThat(p1.get("results"))
        .extracting(n -> n.get("title").asText())
        .containsExactly("Alpha", "Beta");
    assertThat(p1.at("/_page/next").asText()).isEqualTo("Beta");
    String next = p1.at("/_links/next").asText();
    assertThat(next).contains("start=Beta");
    JsonNode p2 = list.get(next).json();
    assertThat(p2.get("results")).extracting(n -> n.get("title").asText()).containsExactly("Gamma");
    assertThat(p2.at("/_page/next").isNull()).isTrue();
    assertThat(p2.at("/_links/next").isNull()).isTrue();
    assertXdmError(list.get(SR + "?limit=2"), 400, "1000");
  }

  @Test
  void patchAndPutUpdateAndBumpTheVersion() {
    JsonNode s = create("Patched");
    String path = SR + "/" + s.get("meta:altId").asText();
    TestClient.Res p =
        client.patch(path, "[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"new\"}]");
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    assertThat(p.json().get("version").asText()).isEqualTo("1.1");
    assertThat(p.json().get("description").asText()).isEqualTo("new");
    assertThat(p.json().get("$id").asText()).isEqualTo(s.get("$id").asText());
    assertXdmError(
        client.patch(path, "[{\"op\":\"replace\",\"path\":\"/$id\",\"value\":\"x\"}]"),
        400,
        "1000");
    assertXdmError(
        client.patch(path, "[{\"op\":\"REPLACE\",\"path\":\"/title\",\"value\":\"x\"}]"),
        400,
        "1000");

    TestClient.Res put = client.put(path, Fixtures.schema("Renamed"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("version").asText()).isEqualTo("1.2");
    assertThat(put.json().get("title").asText()).isEqualTo("Renamed");
    // help/xdm/api/schemas.md: write answers carry repo:createDate, lookups repo:createdDate
    long created = s.at("/meta:registryMetadata/repo:createDate").asLong();
    assertThat(created).isPositive();
    assertThat(put.json().at("/meta:registryMetadata/repo:createDate").asLong()).isEqualTo(created);
    assertThat(put.json().at("/meta:registryMetadata").has("repo:createdDate")).isFalse();
    JsonNode got = client.with("Accept", Fixtures.LAKE_ACCEPT).get(path).json();
    assertThat(got.at("/meta:registryMetadata/repo:createdDate").asLong()).isEqualTo(created);
    assertThat(got.at("/meta:registryMetadata").has("repo:createDate")).isFalse();
  }

  @Test
  void statsAnswersTheTenantId() {
    create("Counted");
    Fixtures.created(client.post(Fixtures.FG, Fixtures.fieldGroup("Counted FG")), 201);
    // help/xdm/api/getting-started.md "Know your TENANT_ID": no Accept needed
    TestClient.Res r = client.get(Fixtures.REGISTRY + "/stats");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode stats = r.json();
    assertThat(stats.get("tenantId").asText()).isEqualTo(Fixtures.TENANT);
    assertThat(stats.get("imsOrg").asText()).isEqualTo("AEPFORMLOCAL@AdobeOrg");
    assertThat(stats.at("/counts/schemas").asInt()).isEqualTo(1);
    assertThat(stats.at("/counts/mixins").asInt()).isEqualTo(1);
    assertThat(stats.at("/counts/datatypes").asInt()).isZero();
    assertThat(stats.at("/recentlyCreatedResources/0/meta:created").asText())
        .matches(
            "[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\\+0000 \\(UTC\\)");
    assertThat(
            stats.at("/classUsage/https:~1~1ns.adobe.com~1xdm~1context~1profile/0/title").asText())
        .isEqualTo("Counted");
  }

  @Test
  void deleteAnswers204ThenTheSchemaIsGone() {
    JsonNode s = create("Gone");
    String path = SR + "/" + s.get("meta:altId").asText();
    TestClient.Res d = client.delete(path);
    assertThat(d.status()).isEqualTo(204);
    assertThat(d.body()).isEmpty();
    assertXdmError(client.with("Accept", Fixtures.LAKE_ACCEPT).get(path), 404, "1012");
    assertXdmError(client.delete(path), 404, "1012");
  }
}
