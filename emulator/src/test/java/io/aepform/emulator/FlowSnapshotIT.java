package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flow's {@code inheritedAttributes} in the documented shape, and the connections it runs with
 * taken when it is created: "You should not update your source and target connections separately,
 * as the changes will not be reflected in their corresponding dataflow" (update-dataflows, TIP).
 */
class FlowSnapshotIT {
  private static final String ORG = "AEPFORMLOCAL@AdobeOrg";
  private Emulator emulator;
  private TestClient client;
  private Fixtures.Chain chain;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
    chain = Fixtures.chain(client, "i");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private JsonNode item(String collection, String id) {
    TestClient.Res r = client.get(FS + "/" + collection + "/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().at("/items/0");
  }

  @Test
  void inheritedAttributesHaveTheDocumentedShape() {
    JsonNode inherited = item("flows", chain.flowId()).get("inheritedAttributes");
    assertThat(inherited.fieldNames())
        .toIterable()
        .containsExactly("properties", "sourceConnections", "targetConnections");
    JsonNode source = inherited.at("/sourceConnections/0");
    assertThat(source.fieldNames())
        .toIterable()
        .containsExactly("id", "connectionSpec", "baseConnection");
    assertThat(source.at("/baseConnection/id").asText()).isEqualTo(chain.baseId());
    assertThat(source.at("/baseConnection/connectionSpec/id").asText()).isEqualTo(Fixtures.S3);
    // update-dataflows.md: a target connection shows its id and spec only
    JsonNode target = inherited.at("/targetConnections/0");
    assertThat(target.fieldNames()).toIterable().containsExactly("id", "connectionSpec");
    assertThat(target.at("/connectionSpec/id").asText()).isEqualTo(Fixtures.DATA_LAKE);
    assertThat(item("flows", chain.flowId()).toString()).doesNotContain("Snapshot");
  }

  @Test
  void aPatchedTargetConnectionIsNotReflectedInItsFlow() {
    String ref =
        Fixtures.created(
                client.post(
                    CAT + "?requestDataSource=true", Fixtures.dataset("DS 2", chain.schemaId())),
                201)
            .get(0)
            .asText();
    String newDataSet = ref.substring("@/dataSets/".length());
    JsonNode inheritedBefore = item("flows", chain.flowId()).get("inheritedAttributes");
    String etag = item("targetConnections", chain.targetId()).get("etag").asText();
    TestClient.Res p =
        client
            .with("If-Match", etag)
            .patch(
                FS + "/targetConnections/" + chain.targetId(),
                "[{\"op\":\"replace\",\"path\":\"/params/dataSetId\",\"value\":\""
                    + newDataSet
                    + "\"}]");
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    assertThat(item("targetConnections", chain.targetId()).at("/params/dataSetId").asText())
        .isEqualTo(newDataSet);

    // the flow still runs with the target connection it was created with
    ObjectNode snapshot = emulator.flowSnapshot(ORG, "prod", chain.flowId()).orElseThrow();
    assertThat(snapshot.at("/targetConnections/0/id").asText()).isEqualTo(chain.targetId());
    assertThat(snapshot.at("/targetConnections/0/params/dataSetId").asText())
        .isEqualTo(chain.dataSetId());
    assertThat(snapshot.at("/sourceConnections/0/baseConnectionId").asText())
        .isEqualTo(chain.baseId());
    assertThat(item("flows", chain.flowId()).get("inheritedAttributes")).isEqualTo(inheritedBefore);
  }

  @Test
  void patchingTheFlowKeepsItsSnapshot() {
    ObjectNode before = emulator.flowSnapshot(ORG, "prod", chain.flowId()).orElseThrow();
    emulator.updateObject(
        ResourceKind.TARGET_CONNECTION,
        ORG,
        "prod",
        chain.targetId(),
        o -> {
          ((ObjectNode) o.get("params")).put("dataSetId", "5e7439b1ad55a618ad4c5102");
          return o;
        });
    String etag = item("flows", chain.flowId()).get("etag").asText();
    TestClient.Res p =
        client
            .with("If-Match", etag)
            .patch(
                FS + "/flows/" + chain.flowId(),
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Renamed\"}]");
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    assertThat(emulator.flowSnapshot(ORG, "prod", chain.flowId())).contains(before);
    assertThat(emulator.flowSnapshot(ORG, "prod", "nope")).isEmpty();
  }

  /** update-dataflows.md, update.md: version and etag are the same quoted string. */
  @Test
  void versionAndEtagAreTheSameQuotedString() {
    for (String[] c :
        new String[][] {
          {"connections", chain.baseId()},
          {"sourceConnections", chain.sourceId()},
          {"targetConnections", chain.targetId()},
          {"flows", chain.flowId()}
        }) {
      JsonNode o = item(c[0], c[1]);
      assertThat(o.get("etag").asText()).matches("\"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}\"");
      assertThat(o.get("version").asText()).isEqualTo(o.get("etag").asText());
    }
  }
}
