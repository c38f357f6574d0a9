package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Data Prep mapping sets, as data-prep/api/mapping-set.md answers them. */
class DataPrepIT {
  static final String MS = "/data/foundation/conversion/mappingSets";
  private static final String ORG = "AEPFORMLOCAL@AdobeOrg";
  private static final String XED = "application/vnd.adobe.xed-full+json;version=1";
  private Emulator emulator;
  private TestClient client;
  private String schemaId;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
    schemaId =
        Fixtures.created(client.post(SR, Fixtures.schema("CSV leads")), 201).get("$id").asText();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  static String mappingSet(String schemaId, String... mappings) {
    return """
        {"outputSchema":{"schemaRef":{"id":"%s","contentType":"%s"}},"mappings":[%s]}
        """
        .formatted(schemaId, XED, String.join(",", mappings));
  }

  static String mapping(String sourceType, String source, String destination) {
    return """
        {"sourceType":"%s","source":"%s","destination":"%s"}"""
        .formatted(sourceType, source.replace("\"", "\\\""), destination);
  }

  private List<String> leadMappings() {
    return List.of(
        mapping("ATTRIBUTE", "id", "_id"),
        mapping("ATTRIBUTE", "email", "personalEmail.address"),
        mapping("EXPRESSION", "concat(upper(lastName), \", \", firstName)", "person.name.fullName"),
        mapping("STATIC", "CSV", "_aepformlocal.source"));
  }

  private String create(List<String> mappings) {
    TestClient.Res r = client.post(MS, mappingSet(schemaId, mappings.toArray(String[]::new)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  static void assertDataPrepError(TestClient.Res r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("type").asText())
        .isEqualTo("http://ns.adobe.com/aep/errors/DPS-" + code + "-" + status);
    assertThat(r.json().get("detail").asText()).isNotEmpty();
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void createAnswers200WithTheSummaryAtVersion0() {
    TestClient.Res r = client.post(MS, mappingSet(schemaId, leadMappings().toArray(String[]::new)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode s = r.json();
    assertThat(fieldNames(s))
        .containsExactly("id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy");
    assertThat(s.get("id").asText()).matches("[0-9a-f]{32}");
    assertThat(s.get("version").isInt()).isTrue();
    assertThat(s.get("version").asInt()).isZero();
    assertThat(s.get("createdDate").isIntegralNumber()).isTrue();
    assertThat(emulator.count(ResourceKind.MAPPING_SET, ORG, "prod")).isEqualTo(1);
  }

  @Test
  void getAnswersSourceTypesAsMediaTypesAndTheDerivedFields() {
    String id = create(leadMappings());
    JsonNode ms = client.get(MS + "/" + id).json();
    assertThat(ms.get("supportVersion").asText()).isEqualTo("1.1");
    assertThat(ms.get("xdmSchema").asText()).isEqualTo(schemaId);
    assertThat(ms.at("/schemaRef/id").asText()).isEqualTo(schemaId);
    assertThat(ms.at("/outputSchema/schemaRef/contentType").asText()).isEqualTo(XED);
    assertThat(ms.at("/outputSchema/id").asText()).matches("[0-9a-f]{32}");
    List<String> types = new ArrayList<>();
    ms.get("mappings").forEach(m -> types.add(m.get("sourceType").asText()));
    assertThat(types)
        .containsExactly("text/x.schema-path", "text/x.schema-path", "text/x.aep-xl", "text/plain");
    JsonNode first = ms.at("/mappings/0");
    assertThat(first.get("id").asText()).matches("[0-9a-f]{32}");
    assertThat(first.get("sourceAttribute").asText()).isEqualTo("id");
    assertThat(first.get("destinationXdmPath").asText()).isEqualTo("_id");
    // what GET answers can be sent back as is
    String roundTrip =
        mappingSet(schemaId, ms.get("mappings").toString().replaceAll("^\\[|]$", ""));
    assertThat(client.put(MS + "/" + id, roundTrip).status()).isEqualTo(200);
  }

  @Test
  void putMakesTheNextVersionAndKeepsTheOldOnesReadable() {
    String id = create(leadMappings());
    JsonNode v0 = client.get(MS + "/" + id).json();
    List<String> more = new ArrayList<>(leadMappings());
    more.add(mapping("ATTRIBUTE", "nationality", "person.nationality"));
    TestClient.Res put =
        client.put(MS + "/" + id, mappingSet(schemaId, more.toArray(String[]::new)));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonNode v1 = put.json();
    assertThat(v1.get("version").asInt()).isEqualTo(1);
    assertThat(v1.get("createdDate").asLong()).isEqualTo(v0.get("createdDate").asLong());
    assertThat(v1.at("/mappings/0/id").asText()).isNotEqualTo(v0.at("/mappings/0/id").asText());
    assertThat(client.get(MS + "/" + id).json().get("mappings")).hasSize(5);
    JsonNode old = client.get(MS + "/" + id + "?version=0").json();
    assertThat(old.get("version").asInt()).isZero();
    assertThat(old.get("mappings")).hasSize(4);
    assertThat(
            client
                .put(MS + "/" + id, mappingSet(schemaId, more.get(0)))
                .json()
                .get("version")
                .asInt())
        .isEqualTo(2);
    assertThat(client.get(MS + "/" + id + "?version=1").json().get("mappings")).hasSize(5);
    assertDataPrepError(client.get(MS + "/" + id + "?version=7"), 404, "1004");
    assertDataPrepError(client.get(MS + "/" + id + "?version=x"), 400, "1000");
  }

  @Test
  void theOutputSchemaMustExistAndBeReferencedProperly() {
    String m = mapping("ATTRIBUTE", "id", "_id");
    assertDataPrepError(client.post(MS, mappingSet(schemaId + "ff", m)), 400, "1003");
    assertDataPrepError(
        client.with("x-sandbox-name", "dev").post(MS, mappingSet(schemaId, m)), 400, "1003");
    assertDataPrepError(client.post(MS, mappingSet("urn:my:schema", m)), 400, "1003");
    assertDataPrepError(
        client.post(MS, mappingSet(schemaId, m).replace(XED, "application/json")), 400, "1000");
    assertDataPrepError(client.post(MS, "{\"mappings\":[" + m + "]}"), 400, "1000");
    assertDataPrepError(client.post(MS, mappingSet(schemaId)), 400, "1000");
    String union = "https://ns.adobe.com/xdm/context/profile__union";
    assertThat(client.post(MS, mappingSet(union, m)).status()).isEqualTo(200);
  }

  @Test
  void eachMappingNeedsAKnownSourceTypeAPathDestinationAndASoundExpression() {
    for (String ok :
        List.of(
            mapping("ATTRIBUTE", "emails", "pi[*].names"),
            mapping("ATTRIBUTE", "name", "piList[0]"),
            mapping("ATTRIBUTE", "crm", "_aepformlocal.crmId"),
            mapping("text/x.aep-xl", "lower(email)", "personalEmail.address"))) {
      assertThat(client.post(MS, mappingSet(schemaId, ok)).status()).as(ok).isEqualTo(200);
    }
    for (String bad :
        List.of(
            mapping("ATTRIBUTE", "name", "person name"),
            mapping("ATTRIBUTE", "name", "person..name"),
            mapping("ATTRIBUTE", "name", "/person/name"),
            mapping("COLUMN", "name", "person.name"),
            mapping("EXPRESSION", "concat(upper(lastName), firstName", "person.name"),
            mapping("EXPRESSION", "lower(\"unclosed)", "person.name"),
            mapping("EXPRESSION", "lower(x)" + " ".repeat(4096), "person.name"))) {
      assertDataPrepError(client.post(MS, mappingSet(schemaId, bad)), 400, "1005");
    }
    assertDataPrepError(
        client.post(MS, mappingSet(schemaId, "{\"sourceType\":\"ATTRIBUTE\",\"source\":\"x\"}")),
        400,
        "1000");
    assertThat(emulator.count(ResourceKind.MAPPING_SET, ORG, "prod")).isEqualTo(4);
  }

  @Test
  void validateAnswersEachMappingAndStoresNothing() {
    TestClient.Res r =
        client.post(
            MS + "/validate",
            mappingSet(
                schemaId,
                mapping("ATTRIBUTE", "id", "_id"),
                mapping("ATTRIBUTE", "x", "not a path"),
                mapping("STATIC", "CSV", "_aepformlocal.source")));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode results = r.json().get("validationResponse");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("status").asText()).isEqualTo("SUCCESS");
    assertThat(results.get(0).get("errors").isNull()).isTrue();
    assertThat(results.get(1).get("status").asText()).isEqualTo("FAILED");
    assertThat(results.get(1).at("/errors/0/destination").asText()).isEqualTo("not a path");
    assertThat(results.get(1).at("/errors/0/exception").asText()).isNotEmpty();
    assertThat(results.get(2).get("status").asText()).isEqualTo("SUCCESS");
    assertThat(emulator.count(ResourceKind.MAPPING_SET, ORG, "prod")).isZero();
    assertDataPrepError(
        client.post(MS + "/validate", mappingSet(schemaId + "ff", mapping("ATTRIBUTE", "a", "b"))),
        400,
        "1003");
  }

  @Test
  void thereIsNoDeleteAndUnknownIdsAreNotFound() {
    String id = create(leadMappings());
    TestClient.Res d = client.delete(MS + "/" + id);
    assertDataPrepError(d, 405, "1002");
    assertThat(d.header("Allow")).isEqualTo("GET, PUT");
    assertThat(client.get(MS + "/" + id).status()).isEqualTo(200);
    assertDataPrepError(client.get(MS + "/0123456789abcdef0123456789abcdef"), 404, "1004");
    assertDataPrepError(client.with("x-sandbox-name", "dev").get(MS + "/" + id), 404, "1004");
    assertDataPrepError(
        client.with("Content-Type", "text/plain").post(MS, mappingSet(schemaId)), 415, "1001");
  }

  @Test
  void mappingsAndTheExpandedSchemaCanBeRead() {
    String id = create(leadMappings());
    JsonNode mappings = client.get(MS + "/" + id + "/mappings").json();
    assertThat(mappings).hasSize(4);
    String mappingId = mappings.get(1).get("id").asText();
    assertThat(client.get(MS + "/" + id + "/mappings/" + mappingId).json().get("source").asText())
        .isEqualTo("email");
    JsonNode expanded = client.get(MS + "/" + id + "?expandSchema=true").json();
    assertThat(expanded.at("/outputSchema/jsonSchema/title").asText()).isEqualTo("CSV leads");
    assertThat(client.get(MS + "/" + id).json().at("/outputSchema/jsonSchema").isMissingNode())
        .isTrue();
  }
}
