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

/** Descriptors (help/xdm/api/descriptors.md): media types, answers, and what they must point at. */
class DescriptorsIT {
  private static final String LOYALTY = "/_aepformlocal/loyaltyId";
  private Emulator emulator;
  private TestClient client;
  private String schemaId;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
    String fg =
        Fixtures.created(client.post(FG, Fixtures.fieldGroup("Loyalty")), 201).get("$id").asText();
    schemaId =
        Fixtures.created(client.post(SR, Fixtures.schemaWith("Members", fg)), 201)
            .get("$id")
            .asText();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private JsonNode create(String body) {
    return Fixtures.created(client.post(DESC, body), 201);
  }

  @Test
  void anIdentityDescriptorIsCreatedLookedUpReplacedAndDeleted() {
    JsonNode d = create(Fixtures.identity(schemaId, LOYALTY, false));
    String id = d.get("@id").asText();
    assertThat(id).matches("[0-9a-f]{40}");
    assertThat(d.get("meta:containerId").asText()).isEqualTo("tenant");
    assertThat(d.get("xdm:sourceProperty").asText()).isEqualTo(LOYALTY);
    assertThat(d.has("created")).isFalse();

    // "Descriptors are not versioned, therefore no Accept header is required"
    JsonNode got = client.get(DESC + "/" + id).json();
    assertThat(got.get("@id").asText()).isEqualTo(id);
    assertThat(got.get("created").isIntegralNumber()).isTrue();
    assertThat(got.get("imsOrg").asText()).isEqualTo("AEPFORMLOCAL@AdobeOrg");
    assertThat(
            client.with("Accept", "application/vnd.adobe.xdm+json").get(DESC + "/" + id).status())
        .isEqualTo(200);
    assertXdmError(client.with("Accept", Fixtures.LAKE_ACCEPT).get(DESC + "/" + id), 400, "1009");

    TestClient.Res put =
        client.put(
            DESC + "/" + id, Fixtures.identity(schemaId, LOYALTY, false).replace("Email", "Phone"));
    // the page's PUT answer: 201 and the @id only
    assertThat(put.status()).as(put.body()).isEqualTo(201);
    assertThat(put.json().fieldNames()).toIterable().containsExactly("@id");
    JsonNode after = client.get(DESC + "/" + id).json();
    assertThat(after.get("xdm:namespace").asText()).isEqualTo("Phone");
    assertThat(after.get("created").asLong()).isEqualTo(got.get("created").asLong());

    assertThat(client.delete(DESC + "/" + id).status()).isEqualTo(204);
    assertXdmError(client.get(DESC + "/" + id), 404, "1012");
  }

  @Test
  void listsGroupDescriptorsByTypeInTheAskedForm() {
    String a = create(Fixtures.identity(schemaId, LOYALTY, true)).get("@id").asText();
    String other =
        Fixtures.created(client.post(SR, Fixtures.schema("Other")), 201).get("$id").asText();
    String b =
        create(Fixtures.identity(other, "/personalEmail/address", false)).get("@id").asText();
    JsonNode ids = client.with("Accept", "application/vnd.adobe.xdm-id+json").get(DESC).json();
    assertThat(ids.fieldNames()).toIterable().containsExactly("xdm:descriptorIdentity");
    assertThat(ids.get("xdm:descriptorIdentity"))
        .extracting(JsonNode::asText)
        .containsExactly(a, b);
    JsonNode links = client.with("Accept", "application/vnd.adobe.xdm-link+json").get(DESC).json();
    assertThat(links.at("/xdm:descriptorIdentity/0").asText())
        .isEqualTo("/tenant/descriptors/" + a);
    JsonNode full =
        client
            .with("Accept", "application/vnd.adobe.xdm+json")
            .get(DESC + "?property=xdm:sourceSchema==" + other)
            .json();
    assertThat(full.get("xdm:descriptorIdentity")).hasSize(1);
    assertThat(full.at("/xdm:descriptorIdentity/0/@id").asText()).isEqualTo(b);
    assertXdmError(client.get(DESC), 400, "1008");
    assertXdmError(
        client.with("Accept", "application/vnd.adobe.xed-id+json").get(DESC), 400, "1008");
  }

  @Test
  void theSourceSchemaAndACustomSourcePropertyMustExist() {
    String missing = "https://ns.adobe.com/aepformlocal/schemas/" + "ab".repeat(24);
    assertXdmError(client.post(DESC, Fixtures.identity(missing, LOYALTY, false)), 400, "1003");
    assertXdmError(
        client.post(DESC, Fixtures.identity(schemaId, "/_aepformlocal/nope", false)), 400, "1003");
    // standard fields come from Adobe's field groups, unknown to the emulator: accepted
    create(Fixtures.identity(schemaId, "/personalEmail/address", false));
    assertXdmError(client.post(DESC, Fixtures.identity(schemaId, "loyaltyId", false)), 400, "1000");
    assertXdmError(
        client.post(DESC, Fixtures.identity(schemaId, LOYALTY + "/", false)), 400, "1000");
    assertXdmError(
        client.post(DESC, Fixtures.identity(schemaId, LOYALTY, false).replace("xdm:code", "code")),
        400,
        "1000");
    assertXdmError(
        client.post(
            DESC,
            Fixtures.identity(schemaId, LOYALTY, false)
                .replace("\"xdm:sourceVersion\":1", "\"xdm:sourceVersion\":2")),
        400,
        "1000");
  }

  @Test
  void aSourcePropertyResolvesThroughAFieldGroupIntoADataType() {
    String dt =
        Fixtures.created(client.post(DT, Fixtures.dataType("Construction")), 201)
            .get("$id")
            .asText();
    String fg =
        Fixtures.created(
                client.post(
                    FG, Fixtures.fieldGroup("Property", "{\"built\":{\"$ref\":\"" + dt + "\"}}")),
                201)
            .get("$id")
            .asText();
    String schema =
        Fixtures.created(client.post(SR, Fixtures.schemaWith("Properties", fg)), 201)
            .get("$id")
            .asText();
    create(Fixtures.identity(schema, "/_aepformlocal/built/yearBuilt", false));
    assertXdmError(
        client.post(DESC, Fixtures.identity(schema, "/_aepformlocal/built/nope", false)),
        400,
        "1003");
  }

  @Test
  void aSchemaHasAtMostOnePrimaryIdentity() {
    String first = create(Fixtures.identity(schemaId, LOYALTY, true)).get("@id").asText();
    TestClient.Res second =
        client.post(DESC, Fixtures.identity(schemaId, "/personalEmail/address", true));
    assertXdmError(second, 400, "1000");
    assertThat(second.json().get("detail").asText()).contains("only one primary identity");
    create(Fixtures.identity(schemaId, "/personalEmail/address", false));
    // replacing the primary descriptor with itself is not a second one
    assertThat(client.put(DESC + "/" + first, Fixtures.identity(schemaId, LOYALTY, true)).status())
        .isEqualTo(201);
    assertThat(client.delete(DESC + "/" + first).status()).isEqualTo(204);
    create(Fixtures.identity(schemaId, "/personalEmail/phone", true));
  }

  @Test
  void aOneToOneDescriptorNeedsItsDestinationSchema() {
    String other =
        Fixtures.created(client.post(SR, Fixtures.schema("Hotels")), 201).get("$id").asText();
    String body =
        """
        {"@type":"xdm:descriptorOneToOne","xdm:sourceSchema":"%s","xdm:sourceVersion":1,
         "xdm:sourceProperty":"%s","xdm:destinationSchema":"%s","xdm:destinationVersion":1}
        """;
    create(body.formatted(schemaId, LOYALTY, other));
    assertXdmError(
        client.post(
            DESC, body.formatted(schemaId, LOYALTY, other.replace("schemas/", "schemas/00"))),
        400,
        "1003");
  }

  @Test
  void deletingASchemaDeletesItsDescriptors() {
    String id = create(Fixtures.identity(schemaId, LOYALTY, false)).get("@id").asText();
    String altId = schemaId.substring(schemaId.lastIndexOf('/') + 1);
    assertThat(client.delete(SR + "/_aepformlocal.schemas." + altId).status()).isEqualTo(204);
    assertXdmError(client.get(DESC + "/" + id), 404, "1012");
    assertThat(emulator.count(ResourceKind.DESCRIPTOR, "AEPFORMLOCAL@AdobeOrg", "prod")).isZero();
  }
}
