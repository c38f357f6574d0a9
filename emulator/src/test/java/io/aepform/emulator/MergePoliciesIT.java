package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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

  @Test
  void patchTakesTheDocumentedPathsAndIsCheckedAgain() {
    String id = create(policy("Patch me", "none", TIMESTAMP, false)).get("id").asText();
    TestClient.Res dotted =
        patch(id, "{\"op\":\"add\",\"path\":\"/identityGraph.type\",\"value\":\"pdg\"}");
    assertThat(dotted.status()).as(dotted.body()).isEqualTo(200);
    assertThat(dotted.json().at("/identityGraph/type").asText()).isEqualTo("pdg");
    assertThat(dotted.json().get("version").asInt()).isEqualTo(2);
    TestClient.Res slashed =
        patch(
            id,
            "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Patched\"},"
                + "{\"op\":\"add\",\"path\":\"/identityGraph/type\",\"value\":\"none\"}]");
    assertThat(slashed.status()).as(slashed.body()).isEqualTo(200);
    assertThat(slashed.json().get("name").asText()).isEqualTo("Patched");
    assertThat(slashed.json().get("version").asInt()).isEqualTo(3);
    assertProfileError(
        patch(id, "{\"op\":\"add\",\"path\":\"/version\",\"value\":\"9\"}"), 400, "101000");
    assertProfileError(
        patch(id, "{\"op\":\"add\",\"path\":\"/attributeMerge/order\",\"value\":[]}"),
        400,
        "101000");
    assertProfileError(patch(id, "{\"op\":\"remove\",\"path\":\"/name\"}"), 400, "101000");
    assertProfileError(
        patch(
            id,
            "{\"op\":\"add\",\"path\":\"/attributeMerge.type\","
                + "\"value\":\"dataSetPrecedence\"}"),
        400,
        "101000");
    assertThat(client.get(MP + "/" + id).json().get("version").asInt()).isEqualTo(3);
  }

  @Test
  void putReplacesTheWholePolicyIgnoringServerFields() {
    JsonNode p = create(policy("Whole", "none", TIMESTAMP, false));
    String id = p.get("id").asText();
    String body =
        policy("Whole again", "pdg", TIMESTAMP, false)
            .replace(
                "{\"name\"",
                "{\"imsOrgId\":\""
                    + ORG
                    + "\",\"version\":1,"
                    + "\"updateEpoch\":1551898378,\"name\"");
    TestClient.Res put = client.put(MP + "/" + id, body);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("name").asText()).isEqualTo("Whole again");
    assertThat(put.json().get("version").asInt()).isEqualTo(2);
    assertThat(put.json().get("updateEpoch").asLong()).isNotEqualTo(1551898378L);
    assertProfileError(client.put(MP + "/" + id, "{\"name\":\"partial\"}"), 400, "101000");
  }

  @Test
  void listFiltersOrdersAndPages() {
    create(policy("B", "pdg", TIMESTAMP, false));
    create(policy("C", "none", TIMESTAMP, false));
    create(policy("A", "pdg", TIMESTAMP, false));
    JsonNode first = client.get(MP + "?limit=2").json();
    assertThat(names(first)).containsExactly("A", "B");
    assertThat(first.at("/_page/totalCount").asInt()).isEqualTo(4);
    assertThat(first.at("/_page/pageSize").asInt()).isEqualTo(2);
    assertThat(first.at("/_links/next/href").asText())
        .isEqualTo("@/mergePolicies?start=2&orderBy=name&limit=2");
    JsonNode second = client.get(MP + "?start=2&orderBy=name&limit=2").json();
    assertThat(names(second)).containsExactly("C", "Profile Default Merge Policy");
    assertThat(second.at("/_links/next/href").asText()).isEmpty();
    assertThat(names(client.get(MP + "?orderBy=-name&limit=2").json()))
        .containsExactly("Profile Default Merge Policy", "C");
    assertThat(names(client.get(MP + "?identityGraph.type=pdg").json())).containsExactly("A", "B");
    assertThat(names(client.get(MP + "?isActiveOnEdge=true").json()))
        .containsExactly("Profile Default Merge Policy");
    assertThat(client.get(MP + "?schema.name=_xdm.context.profile").json().get("children"))
        .hasSize(4);
    assertProfileError(client.get(MP + "?limit=many"), 400, "101000");
  }

  @Test
  void bulkGetAnswers207KeyedById() {
    String adobe = adobeDefault().get("id").asText();
    String mine = create(policy("Mine", "none", TIMESTAMP, false)).get("id").asText();
    TestClient.Res r =
        client.post(
            MP + "/bulk-get", "{\"ids\":[{\"id\":\"" + adobe + "\"},{\"id\":\"" + mine + "\"}]}");
    assertThat(r.status()).as(r.body()).isEqualTo(207);
    assertThat(r.json().at("/results/" + mine + "/name").asText()).isEqualTo("Mine");
    assertThat(r.json().get("results")).hasSize(2);
  }

  @Test
  void unknownIdsMethodsAndPaths() {
    assertProfileError(client.get(MP + "/00000000-0000-0000-0000-000000000000"), 404, "101221");
    String adobe = adobeDefault().get("id").asText();
    assertProfileError(client.with("x-sandbox-name", "dev").get(MP + "/" + adobe), 404, "101221");
    assertProfileError(client.post(MP + "/" + adobe, "{}"), 405, "101002");
    assertThat(client.get("/data/core/ups/config/other").status()).isEqualTo(404);
    TestClient.Res noKey = client.without("x-api-key").get(MP);
    assertThat(noKey.json().get("error_code").asText()).isEqualTo("403000");
  }

  private static List<String> names(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("children").forEach(p -> out.add(p.get("name").asText()));
    return out;
  }
}
