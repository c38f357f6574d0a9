package io.aepform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Identity Service namespaces, as identity-service/api/*.md and identity-service.yaml show them.
 */
class IdentityServiceIT {
  static final String NS = "/data/core/idnamespace/identities";
  private static final String ORG = "AEPFORMLOCAL@AdobeOrg";
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

  static String namespace(String name, String code, String idType) {
    return """
        {"name":"%s","code":"%s","description":"Loyalty Program Member ID","idType":"%s"}
        """
        .formatted(name, code, idType);
  }

  static void assertIdentityError(TestClient.Res r, int status, String reportCode) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode e = r.json();
    assertThat(e.get("type").asText())
        .isEqualTo("http://ns.adobe.com/adobecloud/problem/namespacevalidation");
    assertThat(e.get("status").asInt()).isEqualTo(status);
    assertThat(e.at("/report/code").asText()).isEqualTo(reportCode);
    assertThat(e.get("description").asText()).isNotEmpty();
  }

  private JsonNode create(String name, String code, String idType) {
    TestClient.Res r = client.post(NS, namespace(name, code, idType));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> codes(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.get("code").asText()));
    return out;
  }

  @Test
  void everySandboxListsTheStandardNamespaces() {
    JsonNode prod = client.get(NS).json();
    assertThat(prod.isArray()).isTrue();
    assertThat(codes(prod)).contains("CORE", "ECID", "Email", "Phone", "AdCloud", "GAID", "IDFA");
    JsonNode ecid = prod.get(1);
    assertThat(ecid.get("id").asLong()).isEqualTo(4);
    assertThat(ecid.get("idType").asText()).isEqualTo("COOKIE");
    assertThat(ecid.get("custom").asBoolean()).isFalse();
    assertThat(ecid.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(ecid.get("createTime").asLong()).isEqualTo(1495153678000L);
    JsonNode dev = client.with("x-sandbox-name", "dev").get(NS).json();
    assertThat(codes(dev)).isEqualTo(codes(prod));
    assertThat(emulator.count(ResourceKind.IDENTITY_NAMESPACE, ORG, "dev")).isEqualTo(prod.size());
    assertThat(client.get(NS + "/0").json().get("code").asText()).isEqualTo("CORE");
  }

  @Test
  void createAnswers200AndEchoesTheIdTypeAsSentWhileReadsAnswerUpperCase() {
    JsonNode created = create("Loyalty Member", "Loyalty", "Cross_device");
    assertThat(created.get("id").asLong()).isBetween(10_000_000L, 99_999_999L);
    assertThat(created.get("idType").asText()).isEqualTo("Cross_device");
    assertThat(created.get("custom").asBoolean()).isTrue();
    assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(created.get("createTime").asLong()).isEqualTo(created.get("updateTime").asLong());
    assertThat(created.get("description").asText()).isEqualTo("Loyalty Program Member ID");
    String id = created.get("id").asText();
    assertThat(client.get(NS + "/" + id).json().get("idType").asText()).isEqualTo("CROSS_DEVICE");
    JsonNode listed = client.get(NS).json();
    JsonNode last = listed.get(listed.size() - 1);
    assertThat(last.get("code").asText()).isEqualTo("Loyalty");
    assertThat(last.get("idType").asText()).isEqualTo("CROSS_DEVICE");
  }

  @Test
  void idTypeTakesTheSpecsSevenTypesInAnyCase() {
    assertThat(create("Store", "Store", "Non_people").get("idType").asText())
        .isEqualTo("Non_people");
    create("Handset", "Handset", "MOBILE");
    create("Work mail", "WorkMail", "email");
    assertIdentityError(
        client.post(NS, namespace("Partner", "Partner", "Partner_id")),
        400,
        "INVALID_REQUEST_PARAMS");
    assertIdentityError(
        client.post(NS, "{\"name\":\"No type\",\"code\":\"NoType\"}"),
        400,
        "INVALID_REQUEST_PARAMS");
  }

  @Test
  void codeHoldsOnlyLettersAndDigits() {
    assertIdentityError(
        client.post(NS, namespace("CRM", "crm_id", "Cross_device")), 400, "INVALID_REQUEST_PARAMS");
    create("CRM", "crmId2", "Cross_device");
  }

  @Test
  void aTakenCodeOrNameIs409() {
    create("Loyalty Member", "Loyalty", "Cross_device");
    TestClient.Res again = client.post(NS, namespace("Other name", "Loyalty", "Cross_device"));
    assertIdentityError(again, 409, "INTEGRATION_CODE_EXISTS");
    assertThat(again.json().get("title").asText()).isEqualTo("NAMESPACE_CODE_CONFLICT");
    assertIdentityError(
        client.post(NS, namespace("Mail", "EMAIL", "Email")), 409, "INTEGRATION_CODE_EXISTS");
    assertIdentityError(
        client.post(NS, namespace("loyalty member", "Loyalty2", "Cross_device")),
        409,
        "INTEGRATION_NAME_EXISTS");
    // codes are unique per sandbox, not across sandboxes
    assertThat(
            client
                .with("x-sandbox-name", "dev")
                .post(NS, namespace("Loyalty Member", "Loyalty", "Cross_device"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void putReplacesNameAndDescriptionButNeverCodeOrIdType() {
    String id = create("Loyalty Member", "Loyalty", "Cross_device").get("id").asText();
    TestClient.Res code = client.put(NS + "/" + id, namespace("Loyalty", "Loyal", "Cross_device"));
    assertIdentityError(code, 400, "INVALID_REQUEST_PARAMS");
    assertThat(code.json().get("description").asText())
        .isEqualTo("code and idType are non editable fields");
    assertIdentityError(
        client.put(NS + "/" + id, namespace("Loyalty", "Loyalty", "Email")),
        400,
        "INVALID_REQUEST_PARAMS");
    assertIdentityError(
        client.put(NS + "/" + id, "{\"name\":\"Loyalty\",\"idType\":\"Cross_device\"}"),
        400,
        "INVALID_REQUEST_PARAMS");
    TestClient.Res ok =
        client.put(
            NS + "/" + id,
            "{\"name\":\"Loyalty members\",\"code\":\"Loyalty\",\"idType\":\"CROSS_DEVICE\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().isArray()).isTrue();
    assertThat(ok.json().get(0).get("name").asText()).isEqualTo("Loyalty members");
    JsonNode got = client.get(NS + "/" + id).json();
    assertThat(got.get("name").asText()).isEqualTo("Loyalty members");
    assertThat(got.has("description")).isFalse();
    assertThat(got.get("updateTime").asLong())
        .isGreaterThanOrEqualTo(got.get("createTime").asLong());
  }

  @Test
  void standardNamespacesCannotBeEdited() {
    assertIdentityError(
        client.put(NS + "/6", namespace("My email", "Email", "Email")),
        400,
        "INVALID_REQUEST_PARAMS");
    assertThat(client.get(NS + "/6").json().get("name").asText()).isEqualTo("Email");
  }

  @Test
  void thereIsNoDelete() {
    String id = create("Loyalty Member", "Loyalty", "Cross_device").get("id").asText();
    TestClient.Res d = client.delete(NS + "/" + id);
    assertIdentityError(d, 405, "METHOD_NOT_ALLOWED");
    assertThat(d.header("Allow")).isEqualTo("GET, PUT");
    assertThat(client.get(NS + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void unknownIdsAreNotFoundAndIdsAreNumeric() {
    assertIdentityError(client.get(NS + "/99999999"), 404, "NAMESPACE_NOT_FOUND");
    assertIdentityError(client.get(NS + "/Email"), 400, "INVALID_REQUEST_PARAMS");
    String id = create("Loyalty Member", "Loyalty", "Cross_device").get("id").asText();
    assertIdentityError(
        client.with("x-sandbox-name", "dev").get(NS + "/" + id), 404, "NAMESPACE_NOT_FOUND");
  }

  @Test
  void theGatewayAndMediaTypeRulesApply() {
    TestClient.Res noSandbox = client.without("x-sandbox-name").get(NS);
    assertThat(noSandbox.status()).isEqualTo(400);
    assertThat(noSandbox.json().get("error_code").asText()).isEqualTo("400101");
    assertThat(client.without("Authorization").get(NS).status()).isEqualTo(403);
    assertIdentityError(
        client.with("Content-Type", "text/plain").post(NS, namespace("A", "A", "Email")),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
  }
}
