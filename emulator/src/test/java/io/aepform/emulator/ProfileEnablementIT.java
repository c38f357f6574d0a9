package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.DESC;
import static io.aepform.emulator.Fixtures.DT;
import static io.aepform.emulator.Fixtures.FG;
import static io.aepform.emulator.Fixtures.SR;
import static io.aepform.emulator.SchemaRegistryIT.assertXdmError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Profile enablement: {@code add /meta:immutableTags ["union"]} (help/xdm/api/schemas.md) needs an
 * identity map or a primary identity (help/xdm/troubleshooting-guide.md), and locks the schema:
 * never untagged, never deleted, never losing fields (help/xdm/schema/best-practices.md).
 */
class ProfileEnablementIT {
  private static final String UNION =
      "[{\"op\":\"add\",\"path\":\"/meta:immutableTags\",\"value\":[\"union\"]}]";
  private Emulator emulator;
  private TestClient client;
  private JsonNode fieldGroup;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
    fieldGroup = Fixtures.created(client.post(FG, Fixtures.fieldGroup("Loyalty")), 201);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String fg() {
    return fieldGroup.get("$id").asText();
  }

  /** A schema of the profile class with the field group and no identity map. */
  private JsonNode schema(String title) {
    return Fixtures.created(client.post(SR, Fixtures.schemaWith(title, fg())), 201);
  }

  private static String path(JsonNode schema) {
    return SR + "/" + schema.get("meta:altId").asText();
  }

  /** A schema enabled for Profile through a primary identity on its custom field. */
  private JsonNode profileSchema(String title) {
    JsonNode s = schema(title);
    Fixtures.created(
        client.post(
            DESC, Fixtures.identity(s.get("$id").asText(), "/_aepformlocal/loyaltyId", true)),
        201);
    TestClient.Res r = client.patch(path(s), UNION);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theUnionTagNeedsAPrimaryIdentityOrAnIdentityMap() {
    JsonNode s = schema("Members");
    TestClient.Res refused = client.patch(path(s), UNION);
    assertXdmError(refused, 400, "1528");
    assertThat(refused.json().get("detail").asText())
        .isEqualTo(
            "To participate in a union, a schema must include an identityMap fieldgroup or a"
                + " primary identity descriptor.");
    String id = s.get("$id").asText();
    Fixtures.created(
        client.post(DESC, Fixtures.identity(id, "/_aepformlocal/loyaltyId", false)), 201);
    assertXdmError(client.patch(path(s), UNION), 400, "1528");
    Fixtures.created(client.post(DESC, Fixtures.identity(id, "/personalEmail/address", true)), 201);
    TestClient.Res ok = client.patch(path(s), UNION);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().at("/meta:immutableTags/0").asText()).isEqualTo("union");

    // the identityMap field group is enough, at creation too
    JsonNode mapped = Fixtures.created(client.post(SR, Fixtures.schema("Mapped")), 201);
    assertThat(client.patch(path(mapped), UNION).status()).isEqualTo(200);
    String tagged =
        Fixtures.schemaWith("Tagged at create", fg())
            .replace("\"meta:class\"", "\"meta:immutableTags\":[\"union\"],\"meta:class\"");
    assertXdmError(client.post(SR, tagged), 400, "1528");
  }

  @Test
  void aRelationshipNeedsAReferenceIdentityBeforeTheUnionTag() {
    JsonNode s = schema("Members");
    String id = s.get("$id").asText();
    String hotels =
        Fixtures.created(client.post(SR, Fixtures.schema("Hotels")), 201).get("$id").asText();
    Fixtures.created(client.post(DESC, Fixtures.identity(id, "/personalEmail/address", true)), 201);
    Fixtures.created(
        client.post(
            DESC,
            """
            {"@type":"xdm:descriptorOneToOne","xdm:sourceSchema":"%s","xdm:sourceVersion":1,
             "xdm:sourceProperty":"/_aepformlocal/loyaltyId","xdm:destinationSchema":"%s",
             "xdm:destinationVersion":1}
            """
                .formatted(id, hotels)),
        201);
    assertXdmError(client.patch(path(s), UNION), 400, "1526");
    Fixtures.created(
        client.post(
            DESC,
            """
            {"@type":"xdm:descriptorReferenceIdentity","xdm:sourceSchema":"%s",
             "xdm:sourceVersion":1,"xdm:sourceProperty":"/_aepformlocal/loyaltyId",
             "xdm:identityNamespace":"Email"}
            """
                .formatted(id)),
        201);
    assertThat(client.patch(path(s), UNION).status()).isEqualTo(200);
  }

  @Test
  void theUnionTagIsNeverRemoved() {
    JsonNode s = profileSchema("Members");
    assertXdmError(
        client.patch(path(s), "[{\"op\":\"remove\",\"path\":\"/meta:immutableTags\"}]"),
        400,
        "1005");
    assertXdmError(
        client.patch(
            path(s), "[{\"op\":\"replace\",\"path\":\"/meta:immutableTags\",\"value\":[]}]"),
        400,
        "1005");
    assertXdmError(client.put(path(s), Fixtures.schemaWith("Members", fg())), 400, "1005");
    JsonNode got = client.with("Accept", Fixtures.LAKE_ACCEPT).get(path(s)).json();
    assertThat(got.at("/meta:immutableTags/0").asText()).isEqualTo("union");
    // the documented way to list them: property=meta:immutableTags==union
    JsonNode unions =
        client
            .with("Accept", "application/vnd.adobe.xed-id+json")
            .get(SR + "?property=meta:immutableTags==union")
            .json();
    assertThat(unions.get("results")).hasSize(1);
  }

  @Test
  void aProfileSchemaCannotBeDeleted() {
    JsonNode s = profileSchema("Members");
    assertXdmError(client.delete(path(s)), 400, "1005");
    assertThat(client.with("Accept", Fixtures.LAKE_ACCEPT).get(path(s)).status()).isEqualTo(200);
    // nor the field group it keeps in use
    assertXdmError(client.delete(FG + "/" + fieldGroup.get("meta:altId").asText()), 400, "1004");
  }

  @Test
  void aProfileSchemaOnlyGrows() {
    JsonNode s = profileSchema("Members");
    assertXdmError(
        client.patch(path(s), "[{\"op\":\"remove\",\"path\":\"/allOf/1\"}]"), 400, "1005");
    String withoutFieldGroup =
        Fixtures.schemaWith("Members")
            .replace("\"meta:class\"", "\"meta:immutableTags\":[\"union\"],\"meta:class\"");
    assertXdmError(client.put(path(s), withoutFieldGroup), 400, "1005");
    String more =
        Fixtures.created(client.post(FG, Fixtures.fieldGroup("More")), 201).get("$id").asText();
    TestClient.Res grow =
        client.patch(
            path(s),
            "[{\"op\":\"add\",\"path\":\"/allOf/-\",\"value\":{\"$ref\":\"" + more + "\"}}]");
    assertThat(grow.status()).as(grow.body()).isEqualTo(200);
    assertThat(
            client
                .patch(path(s), "[{\"op\":\"replace\",\"path\":\"/title\",\"value\":\"Renamed\"}]")
                .status())
        .isEqualTo(200);
  }

  @Test
  void theFieldGroupsAndDataTypesOfAProfileSchemaOnlyGrow() {
    String dt =
        Fixtures.created(client.post(DT, Fixtures.dataType("Construction")), 201)
            .get("$id")
            .asText();
    String fgPath = FG + "/" + fieldGroup.get("meta:altId").asText();
    TestClient.Res useType =
        client.patch(
            fgPath,
            "[{\"op\":\"add\",\"path\":\"/definitions/custom/properties/_aepformlocal/properties/"
                + "built\",\"value\":{\"$ref\":\""
                + dt
                + "\"}}]");
    assertThat(useType.status()).as(useType.body()).isEqualTo(200);
    profileSchema("Members");

    assertXdmError(
        client.put(fgPath, Fixtures.fieldGroup("Loyalty", "{\"loyaltyId\":{\"type\":\"string\"}}")),
        400,
        "1005");
    TestClient.Res retype =
        client.patch(
            fgPath,
            "[{\"op\":\"replace\",\"path\":\"/definitions/custom/properties/_aepformlocal/"
                + "properties/points/type\",\"value\":\"string\"}]");
    assertXdmError(retype, 400, "1005");
    assertThat(retype.json().get("detail").asText()).contains("/_aepformlocal/points");
    TestClient.Res add =
        client.patch(
            fgPath,
            "[{\"op\":\"add\",\"path\":\"/definitions/custom/properties/_aepformlocal/properties/"
                + "city\",\"value\":{\"type\":\"string\"}}]");
    assertThat(add.status()).as(add.body()).isEqualTo(200);
    String dtPath = DT + "/_aepformlocal.datatypes." + dt.substring(dt.lastIndexOf('/') + 1);
    assertXdmError(
        client.patch(dtPath, "[{\"op\":\"remove\",\"path\":\"/properties/yearBuilt\"}]"),
        400,
        "1005");

    // a field group no Profile schema uses may still lose fields
    JsonNode free = Fixtures.created(client.post(FG, Fixtures.fieldGroup("Free")), 201);
    assertThat(
            client
                .put(
                    FG + "/" + free.get("meta:altId").asText(),
                    Fixtures.fieldGroup("Free", "{\"loyaltyId\":{\"type\":\"string\"}}"))
                .status())
        .isEqualTo(200);
  }
}
