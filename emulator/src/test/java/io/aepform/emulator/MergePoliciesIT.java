package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profile merge policies, as profile/api/merge-policies.md and profile.yaml show them. */
class MergePoliciesIT {
  static final String MP = "/data/core/ups/config/mergePolicies";
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

  static String policy(String name, String graph, String attributeMerge, boolean dflt) {
    return """
        {"name":"%s","identityGraph":{"type":"%s"},"attributeMerge":%s,
         "schema":{"name":"_xdm.context.profile"},"default":%s}
        """
        .formatted(name, graph, attributeMerge, dflt);
  }

  static final String TIMESTAMP = "{\"type\":\"timestampOrdered\"}";

  static String precedence(List<String> dataSetIds) {
    return "{\"type\":\"dataSetPrecedence\",\"order\":[\""
        + String.join("\",\"", dataSetIds)
        + "\"]}";
  }

  static void assertProfileError(TestClient.Res r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("type").asText())
        .isEqualTo("http://ns.adobe.com/aep/errors/UPLIB-" + code + "-" + status);
    assertThat(r.json().get("detail").asText()).isNotEmpty();
  }

  private JsonNode create(String body) {
    TestClient.Res r = client.post(MP, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private JsonNode adobeDefault() {
    return client.get(MP).json().get("children").get(0);
  }

  private TestClient.Res patch(String id, String body) {
    return client.patch(MP + "/" + id, body);
  }

  private String dataset(String name) {
    String schemaId =
        Fixtures.created(client.post(SR, Fixtures.schema("S " + name)), 201).get("$id").asText();
    String ref =
        Fixtures.created(client.post(CAT, Fixtures.dataset(name, schemaId)), 201).get(0).asText();
    return ref.substring("@/dataSets/".length());
  }

  @Test
  void everySandboxHasAdobesDefaultPolicy() {
    JsonNode list = client.get(MP).json();
    assertThat(list.at("/_page/totalCount").asInt()).isEqualTo(1);
    JsonNode p = list.at("/children/0");
    assertThat(p.get("name").asText()).isEqualTo("Profile Default Merge Policy");
    assertThat(p.at("/schema/name").asText()).isEqualTo("_xdm.context.profile");
    assertThat(p.at("/identityGraph/type").asText()).isEqualTo("none");
    assertThat(p.at("/attributeMerge/type").asText()).isEqualTo("timestampOrdered");
    assertThat(p.get("default").asBoolean()).isTrue();
    assertThat(p.get("isActiveOnEdge").asBoolean()).isTrue();
    assertThat(p.get("version").asInt()).isEqualTo(1);
    assertThat(p.get("imsOrgId").asText()).isEqualTo(ORG);
    assertThat(p.at("/sandbox/sandboxName").asText()).isEqualTo("prod");
    assertThat(p.at("/sandbox/type").asText()).isEqualTo("production");
    JsonNode dev = client.with("x-sandbox-name", "dev").get(MP).json().at("/children/0");
    assertThat(dev.at("/sandbox/type").asText()).isEqualTo("development");
    assertThat(dev.get("id").asText()).isNotEqualTo(p.get("id").asText());
    assertThat(emulator.count(ResourceKind.MERGE_POLICY, ORG, "dev")).isEqualTo(1);
  }

  @Test
  void createAnswers200WithTheServerFields() {
    JsonNode p = create(policy("Loyalty members", "pdg", TIMESTAMP, false));
    assertThat(p.get("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(p.get("version").asInt()).isEqualTo(1);
    assertThat(p.get("updateEpoch").asLong()).isBetween(1_500_000_000L, 10_000_000_000L);
    assertThat(p.get("imsOrgId").asText()).isEqualTo(ORG);
    assertThat(p.at("/sandbox/sandboxId").asText()).isNotEmpty();
    assertThat(p.get("isActiveOnEdge").asBoolean()).isFalse();
    assertThat(p.get("default").asBoolean()).isFalse();
    assertThat(client.get(MP + "/" + p.get("id").asText()).json()).isEqualTo(p);
  }

  @Test
  void aNewDefaultDemotesThePreviousDefaultOfTheSameClass() {
    String adobe = adobeDefault().get("id").asText();
    JsonNode mine = create(policy("Mine", "pdg", TIMESTAMP, true));
    JsonNode demoted = client.get(MP + "/" + adobe).json();
    assertThat(demoted.get("default").asBoolean()).isFalse();
    assertThat(demoted.get("version").asInt()).isEqualTo(2);
    String product =
        policy("Products", "none", TIMESTAMP, true)
            .replace("_xdm.context.profile", "_aepformlocal.classes.product");
    create(product);
    assertThat(client.get(MP + "/" + mine.get("id").asText()).json().get("default").asBoolean())
        .isTrue();
    // the page's PATCH: one operation object, the value a string
    TestClient.Res back = patch(adobe, "{\"op\":\"add\",\"path\":\"/default\",\"value\":\"true\"}");
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(client.get(MP + "/" + mine.get("id").asText()).json().get("default").asBoolean())
        .isFalse();
    assertThat(client.get(MP + "?default=true").json().at("/_page/totalCount").asInt())
        .isEqualTo(2);
  }

  @Test
  void onlyOnePolicyPerSandboxIsActiveOnEdge() {
    String edge =
        policy("Edge", "none", TIMESTAMP, false).replace("}\n", ",\"isActiveOnEdge\":true}\n");
    assertProfileError(client.post(MP, edge), 400, "101003");
    assertThat(emulator.count(ResourceKind.MERGE_POLICY, ORG, "prod")).isEqualTo(1);
    String adobe = adobeDefault().get("id").asText();
    assertThat(
            patch(adobe, "[{\"op\":\"add\",\"path\":\"/isActiveOnEdge\",\"value\":false}]")
                .status())
        .isEqualTo(200);
    JsonNode created = create(edge);
    assertThat(created.get("isActiveOnEdge").asBoolean()).isTrue();
    assertProfileError(
        patch(adobe, "{\"op\":\"add\",\"path\":\"/isActiveOnEdge\",\"value\":\"true\"}"),
        400,
        "101003");
  }

  @Test
  void anEdgeActivePolicyCannotBeDeleted() {
    String adobe = adobeDefault().get("id").asText();
    assertProfileError(client.delete(MP + "/" + adobe), 400, "101004");
    patch(adobe, "{\"op\":\"add\",\"path\":\"/isActiveOnEdge\",\"value\":false}");
    create(policy("Keep one", "none", TIMESTAMP, false));
    TestClient.Res d = client.delete(MP + "/" + adobe);
    assertThat(d.status()).as(d.body()).isEqualTo(200);
    assertThat(d.body()).isEmpty();
    assertProfileError(client.get(MP + "/" + adobe), 404, "101221");
    assertThat(client.get(MP).json().at("/_page/totalCount").asInt()).isEqualTo(1);
  }

  @Test
  void dataSetPrecedenceNeedsAnOrderOfExistingDatasets() {
    String a = dataset("Leads");
    String b = dataset("Orders");
    JsonNode p = create(policy("Precedence", "pdg", precedence(List.of(b, a)), false));
    assertThat(p.at("/attributeMerge/order/0").asText()).isEqualTo(b);
    assertProfileError(
        client.post(
            MP, policy("X", "pdg", precedence(List.of(a, "5b76f86b85d0e00000be5c8b")), false)),
        400,
        "101005");
    assertProfileError(
        client.post(MP, policy("X", "pdg", "{\"type\":\"dataSetPrecedence\"}", false)),
        400,
        "101000");
    assertProfileError(
        client.post(MP, policy("X", "pdg", precedence(List.of(a, a)), false)), 400, "101000");
    assertProfileError(
        client.post(MP, policy("X", "pdg", precedence(Collections.nCopies(51, a)), false)),
        400,
        "101000");
    assertProfileError(
        client.post(
            MP,
            policy(
                "X",
                "pdg",
                precedence(List.of(a)).replace("dataSetPrecedence", "timestampOrdered"),
                false)),
        400,
        "101000");
    assertProfileError(
        client
            .with("x-sandbox-name", "dev")
            .post(MP, policy("X", "pdg", precedence(List.of(a)), false)),
        400,
        "101005");
  }

  @Test
  void bodiesTakeOnlyTheDocumentedValues() {
    assertProfileError(client.post(MP, policy("X", "auto", TIMESTAMP, false)), 400, "101000");
    assertProfileError(
        client.post(MP, policy("X", "none", "{\"type\":\"newest\"}", false)), 400, "101000");
    assertProfileError(
        client.post(
            MP,
            policy("X", "none", TIMESTAMP, false)
                .replace("\"default\":false", "\"default\":\"yes\"")),
        400,
        "101000");
    assertProfileError(
        client.post(
            MP,
            "{\"name\":\"X\",\"identityGraph\":{\"type\":\"none\"},"
                + "\"attributeMerge\":{\"type\":\"timestampOrdered\"}}"),
        400,
        "101000");
    assertProfileError(
        client.with("Content-Type", "text/plain").post(MP, policy("X", "none", TIMESTAMP, false)),
        415,
        "101001");
  }
}
