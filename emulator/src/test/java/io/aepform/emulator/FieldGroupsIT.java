package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.DT;
import static io.aepform.emulator.Fixtures.FG;
import static io.aepform.emulator.Fixtures.SR;
import static io.aepform.emulator.SchemaRegistryIT.assertXdmError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Field groups and data types (help/xdm/api/field-groups.md, data-types.md): the documented
 * answers, the tenant namespace, titles unique across kinds, references that must exist and
 * resources in use that cannot be deleted.
 */
class FieldGroupsIT {
  private static final String ACCEPT = Fixtures.LAKE_ACCEPT;
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

  private JsonNode created(String path, String body) {
    return Fixtures.created(client.post(path, body), 201);
  }

  @Test
  void aFieldGroupAnswersAsTheFieldGroupsGuideShows() {
    JsonNode fg = created(FG, Fixtures.fieldGroup("Loyalty"));
    assertThat(fg.get("$id").asText())
        .matches("https://ns\\.adobe\\.com/aepformlocal/mixins/[0-9a-f]{48}");
    assertThat(fg.get("meta:altId").asText()).matches("_aepformlocal\\.mixins\\.[0-9a-f]{48}");
    assertThat(fg.get("meta:resourceType").asText()).isEqualTo("mixins");
    assertThat(fg.get("version").asText()).isEqualTo("1.0");
    assertThat(fg.get("meta:extensible").asBoolean()).isTrue();
    assertThat(fg.get("meta:abstract").asBoolean()).isTrue();
    assertThat(fg.at("/meta:intendedToExtend/0").asText())
        .isEqualTo("https://ns.adobe.com/xdm/context/profile");
    assertThat(fg.at("/meta:registryMetadata/repo:createdDate").asLong()).isPositive();
    assertThat(fg.get("meta:containerId").asText()).isEqualTo("tenant");
    assertThat(fg.get("meta:tenantNamespace").asText()).isEqualTo("_aepformlocal");
    JsonNode custom = fg.at("/definitions/custom");
    assertThat(custom.get("meta:xdmType").asText()).isEqualTo("object");
    assertThat(custom.at("/properties/_aepformlocal/properties/points/meta:xdmType").asText())
        .isEqualTo("int");
    assertThat(fg.at("/allOf/0/meta:xdmType").asText()).isEqualTo("object");

    String altId = fg.get("meta:altId").asText();
    String encoded = URLEncoder.encode(fg.get("$id").asText(), StandardCharsets.UTF_8);
    assertThat(client.with("Accept", ACCEPT).get(FG + "/" + encoded).json().get("title").asText())
        .isEqualTo("Loyalty");
    assertXdmError(
        client.with("Accept", "application/vnd.adobe.xed+json").get(FG + "/" + altId), 400, "1007");
    TestClient list = client.with("Accept", "application/vnd.adobe.xed-id+json");
    assertThat(list.get(FG).json().at("/results/0/meta:altId").asText()).isEqualTo(altId);
    assertThat(
            list.get(
                    FG
                        + "?property=meta:intendedToExtend==https://ns.adobe.com/xdm/context/profile")
                .json()
                .get("results"))
        .hasSize(1);
    assertThat(
            list.get(FG + "?property=meta:intendedToExtend==https://ns.adobe.com/xdm/context/x")
                .json()
                .get("results"))
        .isEmpty();
  }

  @Test
  void aFieldGroupIsReplacedPatchedAndDeleted() {
    String path = FG + "/" + created(FG, Fixtures.fieldGroup("Loyalty")).get("meta:altId").asText();
    TestClient.Res put = client.put(path, Fixtures.fieldGroup("Loyalty Program"));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("version").asText()).isEqualTo("1.1");
    TestClient.Res patch =
        client.patch(
            path,
            "[{\"op\":\"add\",\"path\":\"/definitions/custom/properties/_aepformlocal/properties/"
                + "city\",\"value\":{\"type\":\"string\",\"title\":\"City\"}}]");
    assertThat(patch.status()).as(patch.body()).isEqualTo(200);
    assertThat(patch.json().get("version").asText()).isEqualTo("1.2");
    assertThat(patch.json().at("/definitions/custom/properties/_aepformlocal/properties/city/type"))
        .isNotNull();
    assertThat(client.delete(path).status()).isEqualTo(204);
    assertXdmError(client.with("Accept", ACCEPT).get(path), 404, "1012");
  }

  @Test
  void aFieldGroupNeedsTheClassesItExtends() {
    String body = Fixtures.fieldGroup("No class");
    assertXdmError(
        client.post(
            FG,
            body.replace(
                "\"meta:intendedToExtend\":[\"https://ns.adobe.com/xdm/context/profile\"],", "")),
        400,
        "1000");
    assertThat(emulator.count(ResourceKind.FIELD_GROUP, "AEPFORMLOCAL@AdobeOrg", "prod")).isZero();
  }

  @Test
  void customFieldsOfFieldGroupsAndSchemasSitUnderTheTenant() {
    TestClient.Res fg =
        client.post(
            FG,
            Fixtures.fieldGroup("Bare", "{}")
                .replace(
                    "\"_aepformlocal\":{\"type\":\"object\",",
                    "\"loyalty\":{\"type\":\"object\","));
    assertXdmError(fg, 400, "1021");
    assertThat(fg.json().get("detail").asText())
        .startsWith("A custom field is defined under an invalid namespace.")
        .contains("_aepformlocal");
    String schema =
        Fixtures.schema("Own fields")
            .replace(
                "\"meta:class\"",
                "\"properties\":{\"loyalty\":{\"type\":\"string\"}},\"meta:class\"");
    assertXdmError(client.post(SR, schema), 400, "1021");
    Fixtures.created(
        client.post(SR, schema.replace("\"loyalty\"", "\"_aepformlocal\"").replace("Own", "Ok")),
        201);
    // data-types.md: "nor do fields need to be nested to avoid collisions"
    created(DT, Fixtures.dataType("Construction"));
  }

  @Test
  void aDataTypeAnswersAsTheDataTypesGuideShows() {
    JsonNode dt = created(DT, Fixtures.dataType("Construction"));
    assertThat(dt.get("$id").asText())
        .matches("https://ns\\.adobe\\.com/aepformlocal/datatypes/[0-9a-f]{48}");
    assertThat(dt.get("meta:resourceType").asText()).isEqualTo("datatypes");
    assertThat(dt.get("refs").isArray()).isTrue();
    assertThat(dt.at("/properties/yearBuilt/meta:xdmType").asText()).isEqualTo("int");
    assertThat(dt.at("/properties/since/meta:xdmType").asText()).isEqualTo("date-time");
    String path = DT + "/" + dt.get("meta:altId").asText();
    TestClient.Res patch =
        client.patch(
            path,
            "[{\"op\":\"add\",\"path\":\"/properties/floorSize\","
                + "\"value\":{\"type\":\"integer\",\"title\":\"Floor Size\"}}]");
    assertThat(patch.status()).as(patch.body()).isEqualTo(200);
    assertThat(
            client
                .with("Accept", ACCEPT)
                .get(path)
                .json()
                .at("/properties/floorSize/type")
                .asText())
        .isEqualTo("integer");
    assertThat(
            client
                .with("Accept", "application/vnd.adobe.xed-id+json")
                .get(DT)
                .json()
                .get("results"))
        .hasSize(1);
    assertThat(client.delete(path).status()).isEqualTo(204);
  }

  @Test
  void titlesAreUniqueAcrossSchemasFieldGroupsAndDataTypes() {
    JsonNode schema = Fixtures.created(client.post(SR, Fixtures.schema("Shared")), 201);
    TestClient.Res fg = client.post(FG, Fixtures.fieldGroup("Shared"));
    assertXdmError(fg, 400, "1521");
    // help/xdm/troubleshooting-guide.md "Title not unique"
    assertThat(fg.json().get("title").asText()).isEqualTo("Title not unique");
    assertThat(fg.json().get("detail").asText())
        .isEqualTo(
            "Object titles must be unique. An object "
                + schema.get("$id").asText()
                + " already exists with the same title");
    assertXdmError(client.post(DT, Fixtures.dataType("Shared")), 400, "1521");
    JsonNode dt = created(DT, Fixtures.dataType("Other"));
    assertXdmError(
        client.put(DT + "/" + dt.get("meta:altId").asText(), Fixtures.dataType("Shared")),
        400,
        "1521");
  }

  @Test
  void referencesToTheTenantsResourcesMustExist() {
    String missing = "https://ns.adobe.com/aepformlocal/mixins/" + "ab".repeat(24);
    assertXdmError(client.post(SR, Fixtures.schemaWith("Missing FG", missing)), 400, "1003");
    String missingType = "https://ns.adobe.com/aepformlocal/datatypes/" + "cd".repeat(24);
    assertXdmError(
        client.post(
            FG, Fixtures.fieldGroup("Uses type", "{\"built\":{\"$ref\":\"" + missingType + "\"}}")),
        400,
        "1003");
    // standard resources are not known to the emulator and stay accepted
    Fixtures.created(
        client.post(
            SR,
            Fixtures.schemaWith(
                "Standard", "https://ns.adobe.com/xdm/context/profile-person-details")),
        201);
  }

  @Test
  void aFieldGroupOrDataTypeInUseCannotBeDeleted() {
    JsonNode dt = created(DT, Fixtures.dataType("Construction"));
    JsonNode fg =
        created(
            FG,
            Fixtures.fieldGroup(
                "Property", "{\"built\":{\"$ref\":\"" + dt.get("$id").asText() + "\"}}"));
    JsonNode schema =
        Fixtures.created(client.post(SR, Fixtures.schemaWith("Uses", fg.get("$id").asText())), 201);
    String dtPath = DT + "/" + dt.get("meta:altId").asText();
    String fgPath = FG + "/" + fg.get("meta:altId").asText();
    assertXdmError(client.delete(dtPath), 400, "1004");
    assertXdmError(client.delete(fgPath), 400, "1004");
    assertThat(client.delete(SR + "/" + schema.get("meta:altId").asText()).status()).isEqualTo(204);
    assertThat(client.delete(fgPath).status()).isEqualTo(204);
    assertThat(client.delete(dtPath).status()).isEqualTo(204);
  }

  @Test
  void aSchemaGainsAFieldGroupByPatchingAllOfAndTheServerKeepsMetaExtends() {
    String fg = created(FG, Fixtures.fieldGroup("Loyalty")).get("$id").asText();
    String fg2 = created(FG, Fixtures.fieldGroup("Loyalty 2")).get("$id").asText();
    JsonNode schema = Fixtures.created(client.post(SR, Fixtures.schema("Members")), 201);
    String path = SR + "/" + schema.get("meta:altId").asText();
    // help/xdm/tutorials/create-schema-api.md: add /allOf/- only
    TestClient.Res p =
        client.patch(
            path, "[{\"op\":\"add\",\"path\":\"/allOf/-\",\"value\":{\"$ref\":\"" + fg + "\"}}]");
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    assertThat(p.json().get("meta:extends")).extracting(JsonNode::asText).contains(fg);
    assertThat(p.json().get("version").asText()).isEqualTo("1.1");
    // help/xdm/api/schemas.md: the older form also appends to meta:extends
    TestClient.Res both =
        client.patch(
            path,
            "[{\"op\":\"add\",\"path\":\"/meta:extends/-\",\"value\":\""
                + fg2
                + "\"},{\"op\":\"add\",\"path\":\"/allOf/-\",\"value\":{\"$ref\":\""
                + fg2
                + "\"}}]");
    assertThat(both.status()).as(both.body()).isEqualTo(200);
    assertThat(both.json().get("meta:extends")).extracting(JsonNode::asText).contains(fg, fg2);
    assertThat(both.json().get("allOf")).hasSize(4);
  }
}
