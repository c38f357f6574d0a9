package io.aepform.emulator;

import static io.aepform.emulator.MergePoliciesIT.MP;
import static io.aepform.emulator.MergePoliciesIT.TIMESTAMP;
import static io.aepform.emulator.MergePoliciesIT.assertProfileError;
import static io.aepform.emulator.MergePoliciesIT.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Merge policies after creation: PATCH, PUT, lists, bulk-get, unknown ids and methods. */
class MergePolicyChangesIT {
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

  private JsonNode create(String body) {
    TestClient.Res r = client.post(MP, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private JsonNode adobeDefault() {
    return client.get(MP).json().at("/children/0");
  }

  private TestClient.Res patch(String id, String body) {
    return client.patch(MP + "/" + id, body);
  }

  private static List<String> names(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("children").forEach(p -> out.add(p.get("name").asText()));
    return out;
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
}
