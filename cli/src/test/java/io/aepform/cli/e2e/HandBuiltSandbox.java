package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.LocalPlatformExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A sandbox built by hand: every kind aepform manages, made with the calls and bodies of Adobe's
 * API pages (as a user's curl calls would), referencing each other the way a real setup does. Not
 * through aepform: export has to read it as someone else made it.
 */
final class HandBuiltSandbox {
  static final String SECRET = "hand-S3-secret-Value-77c1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGISTRY = "/data/foundation/schemaregistry/";
  private static final String FLOWS = "/data/foundation/flowservice/";
  private static final String S3 = "ecadc60c-7455-4d87-84dc-2a0e293d997b";
  private static final String LAKE = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
  private static final String CLOUD_STORAGE = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";
  private static final String XED = "application/vnd.adobe.xed-full+json;version=1";

  private final LocalPlatformExtension platform;
  private final String sandbox;
  private final HttpClient http = HttpClient.newHttpClient();
  private String tenant;

  HandBuiltSandbox(LocalPlatformExtension platform, String sandbox) {
    this.platform = platform;
    this.sandbox = sandbox;
  }

  /**
   * Two identity namespaces, a data type, a field group using it, three schemas (two enabled for
   * Profile, by a primary identity descriptor and by an identityMap), identity, friendly-name and
   * relationship descriptors, two base connections (one with a secret), a source connection, three
   * datasets (two enabled for Profile), a target connection, a mapping set at its second version, a
   * flow using it, and a merge policy ordering two datasets.
   */
  void build() throws Exception {
    tenant = "_" + call("GET", REGISTRY + "stats", null).path("tenantId").asText();
    // identity-service/api/create-custom-namespace.md
    call("POST", "/data/core/idnamespace/identities", namespace("Hand Loyalty", "HandLoyalty"));
    call("POST", "/data/core/idnamespace/identities", namespace("Hand Store", "HandStore"));
    String address = dataType();
    String fieldGroup = fieldGroup(address);
    String members = schema("Hand Members", "hand-made members");
    String stores = schema("Hand Stores", "");
    addToSchema(members, fieldGroup);
    addToSchema(members, "https://ns.adobe.com/xdm/context/profile-personal-details");
    addToSchema(stores, "https://ns.adobe.com/xdm/context/profile-personal-details");
    descriptors(members, stores);
    // xdm/api/schemas.md, "Enable a schema for use in Real-Time Customer Profile"
    call(
        "PATCH",
        schemaPath(members),
        "[{\"op\":\"add\",\"path\":\"/meta:immutableTags\",\"value\":[\"union\"]}]");
    String membersDataset = dataset("Hand Members", members);
    String storesDataset = dataset("Hand Stores", stores);
    enableForProfile(membersDataset);
    events();
    String mappingSet = mappingSet(members);
    flow(members, membersDataset, mappingSet);
    mergePolicy(membersDataset, storesDataset);
  }

  private static String namespace(String name, String code) {
    return "{\"name\":\""
        + name
        + "\",\"code\":\""
        + code
        + "\",\"idType\":\"Cross_device\",\"description\":\"made by hand\"}";
  }

  /** xdm/api/data-types.md: fields in a definition, the definition in allOf. */
  private String dataType() throws Exception {
    return call(
            "POST",
            REGISTRY + "tenant/datatypes",
            "{\"title\":\"Hand Address\",\"description\":\"a postal address\",\"type\":\"object\","
                + "\"definitions\":{\"address\":{\"properties\":{"
                + "\"city\":{\"title\":\"City\",\"type\":\"string\"},"
                + "\"zip\":{\"title\":\"Zip\",\"type\":\"string\",\"maxLength\":10}}}},"
                + "\"allOf\":[{\"$ref\":\"#/definitions/address\"}]}")
        .path("$id")
        .asText();
  }

  /** xdm/api/field-groups.md: custom fields under the tenant, one of them the data type. */
  private String fieldGroup(String dataType) throws Exception {
    return call(
            "POST",
            REGISTRY + "tenant/fieldgroups",
            "{\"title\":\"Hand Loyalty Details\",\"description\":\"loyalty fields\","
                + "\"type\":\"object\","
                + "\"meta:intendedToExtend\":[\"https://ns.adobe.com/xdm/context/profile\"],"
                + "\"definitions\":{\"loyalty\":{\"properties\":{\""
                + tenant
                + "\":{\"type\":\"object\",\"properties\":{"
                + "\"loyaltyId\":{\"title\":\"Loyalty ID\",\"type\":\"string\"},"
                + "\"storeId\":{\"title\":\"Store ID\",\"type\":\"string\"},"
                + "\"points\":{\"title\":\"Points\",\"type\":\"integer\",\"minimum\":0},"
                + "\"tier\":{\"title\":\"Tier\",\"type\":\"string\",\"enum\":[\"gold\",\"silver\"],"
                + "\"meta:enum\":{\"gold\":\"Gold member\",\"silver\":\"Silver member\"}},"
                + "\"previousAddresses\":{\"type\":\"array\",\"items\":{\"$ref\":\""
                + dataType
                + "\"}},"
                + "\"address\":{\"title\":\"Address\",\"$ref\":\""
                + dataType
                + "\"}}}}}},"
                + "\"allOf\":[{\"$ref\":\"#/definitions/loyalty\"}]}")
        .path("$id")
        .asText();
  }

  /** xdm/tutorials/create-schema-api.md: the class first, field groups added by PATCH. */
  private String schema(String title, String description) throws Exception {
    return call(
            "POST",
            REGISTRY + "tenant/schemas",
            "{\"type\":\"object\",\"title\":\""
                + title
                + "\",\"description\":\""
                + description
                + "\",\"allOf\":[{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"}]}")
        .path("$id")
        .asText();
  }

  private void addToSchema(String schema, String fieldGroup) throws Exception {
    call(
        "PATCH",
        schemaPath(schema),
        "[{\"op\":\"add\",\"path\":\"/allOf/-\",\"value\":{\"$ref\":\"" + fieldGroup + "\"}}]");
  }

  /** xdm/api/descriptors.md and xdm/tutorials/relationship-api.md. */
  private void descriptors(String members, String stores) throws Exception {
    descriptor(
        members,
        "xdm:descriptorIdentity",
        "/" + tenant + "/loyaltyId",
        "\"xdm:namespace\":\"HandLoyalty\",\"xdm:property\":\"xdm:code\",\"xdm:isPrimary\":true");
    descriptor(
        members,
        "xdm:descriptorIdentity",
        "/personalEmail/address",
        "\"xdm:namespace\":\"Email\",\"xdm:property\":\"xdm:code\",\"xdm:isPrimary\":false");
    descriptor(
        members,
        "xdm:alternateDisplayInfo",
        "/" + tenant + "/points",
        "\"xdm:title\":{\"en_us\":\"Loyalty Points\"},"
            + "\"xdm:description\":{\"en_us\":\"points earned so far\"}");
    descriptor(
        stores,
        "xdm:descriptorIdentity",
        "/personalEmail/address",
        "\"xdm:namespace\":\"HandStore\",\"xdm:property\":\"xdm:code\",\"xdm:isPrimary\":true");
    descriptor(
        members,
        "xdm:descriptorReferenceIdentity",
        "/" + tenant + "/storeId",
        "\"xdm:identityNamespace\":\"HandStore\"");
    descriptor(
        members,
        "xdm:descriptorOneToOne",
        "/" + tenant + "/storeId",
        "\"xdm:destinationSchema\":\""
            + stores
            + "\",\"xdm:destinationVersion\":1,"
            + "\"xdm:destinationProperty\":\"/personalEmail/address\"");
  }

  private void descriptor(String schema, String type, String property, String rest)
      throws Exception {
    call(
        "POST",
        REGISTRY + "tenant/descriptors",
        "{\"@type\":\""
            + type
            + "\",\"xdm:sourceSchema\":\""
            + schema
            + "\",\"xdm:sourceVersion\":1,\"xdm:sourceProperty\":\""
            + property
            + "\","
            + rest
            + "}");
  }

  /**
   * An event schema enabled for Profile through its identityMap, tagged in the create body, and its
   * dataset enabled at create (catalog/datasets/enable-for-profile.md).
   */
  private void events() throws Exception {
    String events =
        call(
                "POST",
                REGISTRY + "tenant/schemas",
                "{\"type\":\"object\",\"title\":\"Hand Events\",\"description\":\"\","
                    + "\"meta:class\":\"https://ns.adobe.com/xdm/context/experienceevent\","
                    + "\"allOf\":[{\"$ref\":\"https://ns.adobe.com/xdm/context/experienceevent\"},"
                    + "{\"$ref\":\"https://ns.adobe.com/xdm/context/identitymap\"}],"
                    + "\"meta:immutableTags\":[\"union\"]}")
            .path("$id")
            .asText();
    call(
        "POST",
        "/data/foundation/catalog/dataSets?requestDataSource=true",
        "{\"name\":\"Hand Events\",\"schemaRef\":{\"id\":\""
            + events
            + "\",\"contentType\":\"application/vnd.adobe.xed-full-notext+json; version=1\"},"
            + "\"tags\":{\"unifiedProfile\":[\"enabled:true\"],"
            + "\"unifiedIdentity\":[\"enabled:true\"]}}");
  }

  /** catalog/datasets/enable-for-profile.md: a JSON Patch of the single tag paths. */
  private void enableForProfile(String dataset) throws Exception {
    call(
        "PATCH",
        "/data/foundation/catalog/dataSets/" + dataset,
        "application/json-patch+json",
        "[{\"op\":\"add\",\"path\":\"/tags/unifiedProfile\",\"value\":[\"enabled:true\"]},"
            + "{\"op\":\"add\",\"path\":\"/tags/unifiedIdentity\",\"value\":[\"enabled:true\"]}]");
  }

  /** catalog/datasets/create.md. */
  private String dataset(String name, String schema) throws Exception {
    return call(
            "POST",
            "/data/foundation/catalog/dataSets?requestDataSource=true",
            "{\"name\":\""
                + name
                + "\",\"description\":\"made by hand\",\"schemaRef\":{\"id\":\""
                + schema
                + "\",\"contentType\":\""
                + XED
                + "\"},\"fileDescription\":{\"persisted\":true,\"containerFormat\":\"parquet\","
                + "\"format\":\"parquet\"}}")
        .get(0)
        .asText()
        .replace("@/dataSets/", "");
  }

  /** data-prep/api/mapping-set.md: created, then a second version by PUT. */
  private String mappingSet(String schema) throws Exception {
    String body =
        "{\"outputSchema\":{\"schemaRef\":{\"id\":\""
            + schema
            + "\",\"contentType\":\""
            + XED
            + "\"}},\"mappings\":["
            + "{\"sourceType\":\"ATTRIBUTE\",\"source\":\"loyalty_id\",\"destination\":\""
            + tenant
            + ".loyaltyId\",\"name\":\"loyalty\",\"description\":\"Loyalty identifier\"}"
            + ","
            + mapping("ATTRIBUTE", "store", tenant + ".storeId");
    String id =
        call("POST", "/data/foundation/conversion/mappingSets", body + "]}").path("id").asText();
    call(
        "PUT",
        "/data/foundation/conversion/mappingSets/" + id,
        body + "," + mapping("EXPRESSION", "lower(email)", "personalEmail.address") + "]}");
    return id;
  }

  private static String mapping(String type, String source, String destination) {
    return "{\"sourceType\":\""
        + type
        + "\",\"source\":\""
        + source
        + "\",\"destination\":\""
        + destination
        + "\"}";
  }

  /** sources/tutorials/api/collect/cloud-storage.md: connections, then the flow. */
  private void flow(String schema, String dataset, String mappingSet) throws Exception {
    String s3 =
        flowService(
            "connections",
            "{\"name\":\"Hand Bucket\",\"description\":\"CSV drops\",\"auth\":{\"specName\":"
                + "\"Access Key\",\"params\":{\"s3AccessKey\":\"AKIAHAND\",\"s3SecretKey\":\""
                + SECRET
                + "\"}},"
                + spec(S3)
                + "}");
    String lake = flowService("connections", "{\"name\":\"Hand Lake\"," + spec(LAKE) + "}");
    String source =
        flowService(
            "sourceConnections",
            "{\"name\":\"Hand CSV\",\"baseConnectionId\":\""
                + s3
                + "\",\"data\":{\"format\":\"delimited\",\"properties\":{\"columnDelimiter\":"
                + "\"\\t\",\"compressionType\":\"gzip\"}},"
                + "\"params\":{\"path\":\"hand/members\",\"type\":\"folder\",\"recursive\":\"true\"},"
                + spec(S3)
                + "}");
    String target =
        flowService(
            "targetConnections",
            "{\"name\":\"Hand Members Target\",\"baseConnectionId\":\""
                + lake
                + "\",\"data\":{\"format\":\"parquet_xdm\",\"schema\":{\"id\":\""
                + schema
                + "\",\"version\":\"application/vnd.adobe.xed-full+json;version=1.0\"}},"
                + "\"params\":{\"dataSetId\":\""
                + dataset
                + "\"},"
                + spec(LAKE)
                + "}");
    flowService(
        "flows",
        "{\"name\":\"Hand Members Flow\",\"description\":\"hourly\",\"flowSpec\":{\"id\":\""
            + CLOUD_STORAGE
            + "\",\"version\":\"1.0\"},\"sourceConnectionIds\":[\""
            + source
            + "\"],\"targetConnectionIds\":[\""
            + target
            + "\"],\"transformations\":[{\"name\":\"Mapping\",\"params\":{\"mappingId\":\""
            + mappingSet
            + "\",\"mappingVersion\":1}}],"
            + "\"scheduleParams\":{\"startTime\":\"1700000000\",\"frequency\":\"hour\","
            + "\"interval\":\"1\"}}");
  }

  /** profile/api/merge-policies.md: dataset precedence, not the default. */
  private void mergePolicy(String first, String second) throws Exception {
    call(
        "POST",
        "/data/core/ups/config/mergePolicies",
        "{\"name\":\"Hand Precedence\",\"imsOrgId\":\""
            + platform.client.orgId()
            + "\",\"schema\":{\"name\":\"_xdm.context.profile\"},"
            + "\"identityGraph\":{\"type\":\"pdg\"},\"attributeMerge\":{\"type\":"
            + "\"dataSetPrecedence\",\"order\":[\""
            + first
            + "\",\""
            + second
            + "\"]},\"isActiveOnEdge\":false,\"default\":false}");
  }

  private static String spec(String id) {
    return "\"connectionSpec\":{\"id\":\"" + id + "\",\"version\":\"1.0\"}";
  }

  private static String schemaPath(String id) {
    return REGISTRY + "tenant/schemas/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private String flowService(String collection, String body) throws Exception {
    return call("POST", FLOWS + collection, body).path("id").asText();
  }

  private JsonNode call(String method, String path, String body) throws Exception {
    return call(method, path, "application/json", body);
  }

  private JsonNode call(String method, String path, String contentType, String body)
      throws Exception {
    String token = platform.emulator.issueToken(platform.client.clientId());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.emulator.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("x-api-key", platform.client.clientId())
            .header("x-gw-ims-org-id", platform.client.orgId())
            .header("x-sandbox-name", sandbox)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode())
        .as(method + " " + path + " " + answer.body())
        .isBetween(200, 201);
    return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
  }
}
