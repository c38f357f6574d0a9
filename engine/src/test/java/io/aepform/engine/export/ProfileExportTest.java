package io.aepform.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Export of identity namespaces, data types, field groups using them, and descriptors. */
class ProfileExportTest {
  private static final String DATA_TYPE = "https://ns.adobe.com/acme/datatypes/d1";
  private static final String SCHEMA = "https://ns.adobe.com/acme/schemas/s1";

  private final Exporter exporter = new Exporter(Kinds.all(Clock.systemUTC()));

  private static Remote remote(String id, String name, Map<String, String> attributes, String json)
      throws IOException {
    Map<String, Value> attrs = new LinkedHashMap<>();
    attributes.forEach((k, v) -> attrs.put(k, new Value.Str(v)));
    return new Remote(
        id, name, "", attrs, Values.fromJson(new ObjectMapper().readTree(json)), Instant.EPOCH);
  }

  private static Remote namespace(long id, String code, boolean custom) throws IOException {
    return remote(
        Long.toString(id),
        code + " Member",
        Map.of("id", Long.toString(id), "code", code, "name", code + " Member"),
        """
        {"id": %d, "code": "%s", "name": "%s Member", "idType": "CROSS_DEVICE", "custom": %s,
         "status": "ACTIVE", "createTime": 1, "updateTime": 1}
        """
            .formatted(id, code, code, custom));
  }

  private Exporter.Export export() throws IOException {
    return exporter.transform(
        Map.of(
            "identityNamespace",
            List.of(namespace(10093197, "Loyalty", true), namespace(6, "Email", false)),
            "dataType",
            List.of(
                remote(
                    DATA_TYPE,
                    "Address",
                    Map.of("id", DATA_TYPE, "altId", "_acme.datatypes.d1", "title", "Address"),
                    """
                    {"$id": "%s", "title": "Address", "type": "object", "description": "",
                     "properties": {"city": {"type": "string", "meta:xdmType": "string"}},
                     "meta:resourceType": "datatypes", "refs": []}
                    """
                        .formatted(DATA_TYPE))),
            "fieldGroup",
            List.of(
                remote(
                    "https://ns.adobe.com/acme/mixins/f1",
                    "Loyalty",
                    Map.of("id", "https://ns.adobe.com/acme/mixins/f1", "title", "Loyalty"),
                    """
                    {"title": "Loyalty", "type": "object", "description": "",
                     "meta:intendedToExtend": ["https://ns.adobe.com/xdm/context/profile"],
                     "definitions": {"loyalty": {"properties": {"_acme": {"type": "object",
                       "properties": {"home": {"$ref": "%s"},
                                      "work": {"$ref": "https://ns.adobe.com/xdm/datatypes/address"}}}}}},
                     "allOf": [{"$ref": "#/definitions/loyalty"}]}
                    """
                        .formatted(DATA_TYPE))),
            "schema",
            List.of(
                remote(
                    SCHEMA,
                    "Members",
                    Map.of("id", SCHEMA, "title", "Members"),
                    """
                    {"title": "Members", "type": "object", "description": "",
                     "allOf": [{"$ref": "https://ns.adobe.com/xdm/context/profile"}],
                     "meta:class": "https://ns.adobe.com/xdm/context/profile",
                     "meta:immutableTags": ["union"]}
                    """)),
            "descriptor",
            List.of(
                remote(
                    "d0d0",
                    "identity /_acme/loyaltyId",
                    Map.of("id", "d0d0"),
                    """
                    {"@id": "d0d0", "@type": "xdm:descriptorIdentity", "xdm:sourceSchema": "%s",
                     "xdm:sourceVersion": 1, "xdm:sourceProperty": "/_acme/loyaltyId",
                     "xdm:namespace": "Loyalty", "xdm:property": "xdm:code", "xdm:isPrimary": true,
                     "meta:containerId": "tenant", "created": 1, "imsOrg": "ORG"}
                    """
                        .formatted(SCHEMA)),
                remote(
                    "e0e0",
                    "identity /_acme/email",
                    Map.of("id", "e0e0"),
                    """
                    {"@id": "e0e0", "@type": "xdm:descriptorIdentity", "xdm:sourceSchema": "%s",
                     "xdm:sourceVersion": 1, "xdm:sourceProperty": "/_acme/email",
                     "xdm:namespace": "Email", "xdm:property": "xdm:code"}
                    """
                        .formatted(SCHEMA)))));
  }

  private static JsonNode spec(Exporter.Export export, String address) {
    return export.resources().stream()
        .filter(e -> e.address().toString().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError(address + " not exported"))
        .spec();
  }

  @Test
  void standardNamespacesAreNotExportedAndCustomOnesInTheSpecsCasing() throws IOException {
    Exporter.Export export = export();
    assertThat(export.resources())
        .extracting(e -> e.address().toString())
        .containsExactly(
            "identityNamespace.loyalty_member",
            "dataType.address",
            "fieldGroup.loyalty",
            "schema.members",
            "descriptor.identity_acme_email",
            "descriptor.identity_acme_loyaltyid");
    assertThat(spec(export, "identityNamespace.loyalty_member").toString())
        .isEqualTo(
            "{\"name\":\"Loyalty Member\",\"code\":\"Loyalty\",\"idType\":\"Cross_device\"}");
  }

  @Test
  void descriptorsHaveNoNameAndReferenceTheirSchemaAndNamespace() throws IOException {
    Exporter.Export export = export();
    assertThat(spec(export, "descriptor.identity_acme_loyaltyid").toString())
        .isEqualTo(
            "{\"@type\":\"xdm:descriptorIdentity\",\"xdm:sourceSchema\":\"${schema.members.id}\","
                + "\"xdm:sourceVersion\":1,"
                + "\"xdm:sourceProperty\":\"/_${platform.tenantId}/loyaltyId\","
                + "\"xdm:namespace\":\"${identityNamespace.loyalty_member.code}\","
                + "\"xdm:property\":\"xdm:code\",\"xdm:isPrimary\":true}");
    assertThat(spec(export, "descriptor.identity_acme_email").path("xdm:namespace").asText())
        .as("a standard namespace stays its code")
        .isEqualTo("Email");
    assertThat(export.warnings()).isEmpty();
  }

  @Test
  void aFieldGroupUsesAnExportedDataTypeByReference() throws IOException {
    JsonNode fields =
        spec(export(), "fieldGroup.loyalty")
            .at("/definitions/loyalty/properties/_${platform.tenantId}/properties");
    assertThat(fields.at("/home/$ref").asText()).isEqualTo("${dataType.address.id}");
    assertThat(fields.at("/work/$ref").asText())
        .as("Adobe's own data type")
        .isEqualTo("https://ns.adobe.com/xdm/datatypes/address");
    assertThat(spec(export(), "schema.members").path("meta:immutableTags").toString())
        .isEqualTo("[\"union\"]");
  }
}
