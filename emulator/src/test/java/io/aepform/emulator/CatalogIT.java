package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Catalog datasets: ids, keyed answers, filters, both PATCH styles, schema references. */
class CatalogIT {
  private Emulator emulator;
  private TestClient client;
  private String schemaId;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
    schemaId =
        Fixtures.created(client.post(SR, Fixtures.schema("DS schema")), 201).get("$id").asText();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  static void assertCatalogError(TestClient.Res r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("type").asText())
        .startsWith("http://ns.adobe.com/aep/errors/CAT-")
        .endsWith("-" + status);
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
    assertThat(r.json().get("detail").asText()).isNotEmpty();
  }

  private String create(String name) {
    JsonNode ref =
        Fixtures.created(
            client.post(CAT + "?requestDataSource=true", Fixtures.dataset(name, schemaId)), 201);
    assertThat(ref).hasSize(1);
    return ref.get(0).asText().substring("@/dataSets/".length());
  }

  @Test
  void createAndGetAnswerAsAepDoes() {
    String id = create("Leads");
    assertThat(id).matches("[0-9a-f]{24}");
    JsonNode got = client.get(CAT + "/" + id).json();
    assertThat(got.fieldNames()).toIterable().containsExactly(id);
    JsonNode ds = got.get(id);
    assertThat(ds.get("name").asText()).isEqualTo("Leads");
    assertThat(ds.at("/schemaRef/id").asText()).isEqualTo(schemaId);
    assertThat(ds.get("version").asText()).isEqualTo("1.0.0");
    assertThat(ds.get("created").isIntegralNumber()).isTrue();
    assertThat(ds.has("etag")).isFalse();
    assertCatalogError(client.get(CAT + "/5e7439b1ad55a618ad4c5102"), 404);
  }

  @Test
  void schemaRefMustReferenceAnExistingSchema() {
    assertCatalogError(client.post(CAT, Fixtures.dataset("X", schemaId + "ff")), 400);
    assertCatalogError(
        client.with("x-sandbox-name", "dev").post(CAT, Fixtures.dataset("X", schemaId)), 400);
    assertCatalogError(client.post(CAT, "{\"name\":\"X\"}"), 400);
    assertCatalogError(
        client.post(CAT, Fixtures.dataset("X", schemaId).replace("version=1", "v1")), 400);
    assertCatalogError(
        client.post(CAT, Fixtures.dataset("X", schemaId).replace("\"name\":\"X\",", "")), 400);
    assertThat(emulator.count(ResourceKind.DATASET, "AEPFORMLOCAL@AdobeOrg", "prod")).isZero();
  }

  @Test
  void listIsKeyedByIdAndFilters() {
    String a = create("Leads A");
    String b = create("Leads B");
    String c = create("Orders");
    assertThat(client.get(CAT).json().fieldNames()).toIterable().containsExactly(a, b, c);
    assertThat(client.get(CAT + "?name=Orders").json().fieldNames())
        .toIterable()
        .containsExactly(c);
    assertThat(client.get(CAT + "?name=Leads*").json().fieldNames())
        .toIterable()
        .containsExactly(a, b);
    assertThat(client.get(CAT + "?name=!Orders").json().fieldNames())
        .toIterable()
        .containsExactly(a, b);
    assertThat(client.get(CAT + "?property=name==Leads%20B").json().fieldNames())
        .toIterable()
        .containsExactly(b);
    assertThat(client.get(CAT + "?limit=1&start=1").json().fieldNames())
        .toIterable()
        .containsExactly(b);
    JsonNode projected = client.get(CAT + "?properties=name").json().get(a);
    assertThat(projected.fieldNames()).toIterable().containsExactly("name");
    assertCatalogError(client.get(CAT + "?limit=101"), 400);
  }

  @Test
  void patchMergesJsonOrAppliesAJsonPatch() {
    String id = create("Patch me");
    TestClient.Res merge =
        client.patch(CAT + "/" + id, "{\"description\":\"merged\",\"tags\":{\"team\":[\"a\"]}}");
    assertThat(merge.status()).as(merge.body()).isEqualTo(200);
    assertThat(merge.json().get(0).asText()).isEqualTo("@/dataSets/" + id);
    TestClient jsonPatch = client.with("Content-Type", "application/json-patch+json");
    TestClient.Res p =
        jsonPatch.patch(
            CAT + "/" + id,
            "[{\"op\":\"add\",\"path\":\"/tags/unifiedIdentity\",\"value\":[\"enabled:true\"]}]");
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    JsonNode ds = client.get(CAT + "/" + id).json().get(id);
    assertThat(ds.get("description").asText()).isEqualTo("merged");
    assertThat(ds.at("/tags/team/0").asText()).isEqualTo("a");
    assertThat(ds.at("/tags/unifiedIdentity/0").asText()).isEqualTo("enabled:true");
    assertThat(ds.get("version").asText()).isEqualTo("1.0.2");
    assertCatalogError(
        client.patch(CAT + "/" + id, "[{\"op\":\"add\",\"path\":\"/x\",\"value\":1}]"), 400);
    assertCatalogError(client.patch(CAT + "/" + id, "{\"created\":1}"), 400);
    assertCatalogError(client.with("Content-Type", "text/plain").patch(CAT + "/" + id, "{}"), 415);
    assertCatalogError(
        client.patch(
            CAT + "/" + id, "{\"schemaRef\":{\"id\":\"https://ns.adobe.com/x/schemas/00\"}}"),
        400);
  }

  @Test
  void catalogAddsItsOwnTagsAtCreation() {
    String a = create("Luma CRM Dataset");
    String b = create("Luma CRM Dataset");
    // help/catalog/api/update-object.md, enable-for-profile.md: tags the client never sent
    JsonNode tags = client.get(CAT + "/" + a).json().get(a).get("tags");
    assertThat(tags.at("/adobe~1pqs~1table/0").asText()).isEqualTo("luma_crm_dataset");
    assertThat(tags.at("/adobe~1siphon~1table~1format/0").asText()).isEqualTo("delta");
    assertThat(client.get(CAT + "/" + b).json().at("/" + b + "/tags/adobe~1pqs~1table/0").asText())
        .isEqualTo("luma_crm_dataset_1");
  }

  @Test
  void profileNeedsASchemaEnabledForProfile() {
    String profileTags =
        "\"tags\":{\"unifiedProfile\":[\"enabled:true\"],\"unifiedIdentity\":[\"enabled:true\"]},";
    String enabled =
        Fixtures.dataset("Enabled", schemaId)
            .replace("\"schemaRef\"", profileTags + "\"schemaRef\"");
    TestClient.Res refused = client.post(CAT, enabled);
    assertCatalogError(refused, 400);
    assertThat(refused.json().get("type").asText()).endsWith("CAT-1005-400");
    TestClient.Res union =
        client.patch(
            Fixtures.SR + "/" + schemaAltId(),
            "[{\"op\":\"add\",\"path\":\"/meta:immutableTags\",\"value\":[\"union\"]}]");
    assertThat(union.status()).as(union.body()).isEqualTo(200);
    String id = Fixtures.created(client.post(CAT, enabled), 201).get(0).asText().substring(11);
    JsonNode tags = client.get(CAT + "/" + id).json().get(id).get("tags");
    assertThat(tags.at("/unifiedProfile/0").asText()).isEqualTo("enabled:true");
    assertThat(tags.has("adobe/pqs/table")).isTrue();
    assertCatalogError(
        client.post(
            CAT,
            enabled.replace(
                "[\"enabled:true\"],\"unifiedIdentity\"", "[\"yes\"],\"unifiedIdentity\"")),
        400);
  }

  @Test
  void profileIsEnabledAndDisabledByPatchingItsTagAlone() {
    String id = create("Later");
    TestClient jsonPatch = client.with("Content-Type", "application/json-patch+json");
    String enable =
        "[{\"op\":\"add\",\"path\":\"/tags/unifiedProfile\",\"value\":[\"enabled:true\"]},"
            + "{\"op\":\"add\",\"path\":\"/tags/unifiedIdentity\",\"value\":[\"enabled:true\"]}]";
    assertCatalogError(jsonPatch.patch(CAT + "/" + id, enable), 400);
    client.patch(
        Fixtures.SR + "/" + schemaAltId(),
        "[{\"op\":\"add\",\"path\":\"/meta:immutableTags\",\"value\":[\"union\"]}]");
    TestClient.Res ok = jsonPatch.patch(CAT + "/" + id, enable);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    JsonNode tags = client.get(CAT + "/" + id).json().get(id).get("tags");
    assertThat(tags.at("/unifiedProfile/0").asText()).isEqualTo("enabled:true");
    assertThat(tags.at("/adobe~1siphon~1table~1format/0").asText()).isEqualTo("delta");
    // profile-enablement-planning.md: a dataset can be disabled later
    TestClient.Res off =
        jsonPatch.patch(
            CAT + "/" + id,
            "[{\"op\":\"replace\",\"path\":\"/tags/unifiedProfile\",\"value\":[\"enabled:false\"]}]");
    assertThat(off.status()).as(off.body()).isEqualTo(200);
  }

  private String schemaAltId() {
    return "_aepformlocal.schemas." + schemaId.substring(schemaId.lastIndexOf('/') + 1);
  }

  @Test
  void deleteAnswers200WithTheRef() {
    String id = create("Gone");
    TestClient.Res d = client.delete(CAT + "/" + id);
    assertThat(d.status()).isEqualTo(200);
    assertThat(d.json().get(0).asText()).isEqualTo("@/dataSets/" + id);
    assertCatalogError(client.get(CAT + "/" + id), 404);
  }
}
