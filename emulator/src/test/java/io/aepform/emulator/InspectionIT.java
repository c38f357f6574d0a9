package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java back door tests use to change objects behind the client's back. */
class InspectionIT {
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

  @Test
  void renameBehindTheClientsBackChangesTheEtag() {
    String id = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("Before")));
    String etag = client.get(FS + "/connections/" + id).json().at("/items/0/etag").asText();
    assertThat(emulator.renameObject(ResourceKind.CONNECTION, ORG, "prod", id, "After")).isTrue();
    JsonNode item = client.get(FS + "/connections/" + id).json().at("/items/0");
    assertThat(item.get("name").asText()).isEqualTo("After");
    assertThat(item.get("etag").asText()).isNotEqualTo(etag);
    TestClient.Res stale =
        client
            .with("If-Match", etag)
            .patch(
                FS + "/connections/" + id,
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}]");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(emulator.requestLog()).hasSize(4);
  }

  @Test
  void deleteAndUpdateBehindTheClientsBack() {
    Fixtures.Chain c = Fixtures.chain(client, "i");
    assertThat(emulator.deleteObject(ResourceKind.CONNECTION, ORG, "prod", c.baseId())).isTrue();
    assertThat(client.get(FS + "/connections/" + c.baseId()).status()).isEqualTo(404);
    assertThat(emulator.deleteObject(ResourceKind.CONNECTION, ORG, "prod", c.baseId())).isFalse();

    assertThat(emulator.renameObject(ResourceKind.SCHEMA, ORG, "prod", c.schemaId(), "Renamed"))
        .isTrue();
    assertThat(
            emulator
                .object(ResourceKind.SCHEMA, ORG, "prod", c.schemaId())
                .orElseThrow()
                .get("title")
                .asText())
        .isEqualTo("Renamed");
    assertThat(
            client
                .with("Accept", Fixtures.LAKE_ACCEPT)
                .get(SR + "?property=title==Renamed")
                .status())
        .isEqualTo(400);

    emulator.updateObject(
        ResourceKind.DATASET, ORG, "prod", c.dataSetId(), o -> o.put("description", "changed"));
    assertThat(
            emulator.objects(ResourceKind.DATASET, ORG, "prod").get(0).get("description").asText())
        .isEqualTo("changed");
    assertThat(emulator.count(ResourceKind.FLOW, ORG, "prod")).isEqualTo(1);
    assertThat(emulator.count(ResourceKind.FLOW, ORG, "dev")).isZero();
    assertThat(emulator.count(ResourceKind.FLOW, "OTHER@AdobeOrg", "prod")).isZero();
  }

  @Test
  void tenantIsStablePerOrg() {
    assertThat(Emulator.tenantOf("AEPFORMLOCAL@AdobeOrg")).isEqualTo("aepformlocal");
    assertThat(Emulator.tenantOf("5C1328435BF324E90A49402A@AdobeOrg"))
        .isEqualTo("t5c1328435bf324e90a49402a");
  }
}
