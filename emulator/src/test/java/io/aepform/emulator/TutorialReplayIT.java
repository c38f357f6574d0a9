package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.FS;
import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tutorial's seven calls (with its JSON corrected) get AEP-shaped answers. */
class TutorialReplayIT {
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
  void replaysTheSevenCalls() {
    // 1. a connection for the API (S3)
    TestClient.Res conn = client.post(FS + "/connections", Fixtures.s3Connection("S3 base"));
    assertThat(conn.status()).isEqualTo(201);
    assertThat(conn.json().fieldNames()).toIterable().containsExactly("id", "etag");
    assertThat(conn.json().get("etag").asText())
        .matches("\"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}\"");
    String baseId = conn.json().get("id").asText();
    assertThat(conn.header("Location")).isEqualTo(FS + "/connections/" + baseId);

    // 2. the target schema
    TestClient.Res schema = client.post(SR, Fixtures.schema("Sample Demo Profile XDM"));
    assertThat(schema.status()).isEqualTo(201);
    JsonNode s = schema.json();
    assertThat(s.get("$id").asText())
        .matches("https://ns\\.adobe\\.com/aepformlocal/schemas/[0-9a-f]{48}");
    assertThat(s.get("meta:altId").asText()).matches("_aepformlocal\\.schemas\\.[0-9a-f]{48}");
    assertThat(s.get("version").asText()).isEqualTo("1.0");
    assertThat(s.get("meta:tenantNamespace").asText()).isEqualTo("_aepformlocal");
    assertThat(s.get("imsOrg").asText()).isEqualTo("AEPFORMLOCAL@AdobeOrg");
    // help/xdm/api/schemas.md "Create a schema": the POST answer's metadata says repo:createDate
    assertThat(s.at("/meta:registryMetadata/repo:createDate").isIntegralNumber()).isTrue();
    assertThat(s.get("allOf").get(0).get("meta:xdmType").asText()).isEqualTo("object");
    String schemaId = s.get("$id").asText();

    // 3. the source connection
    String sourceId =
        Fixtures.id(
            client.post(
                FS + "/sourceConnections", Fixtures.sourceConnection("Src", baseId, schemaId)));

    // 4. the dataset base connection: name and connectionSpec only
    String lakeId = Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection("Lake")));

    // 5. the target dataset
    TestClient.Res ds =
        client.post(CAT + "?requestDataSource=true", Fixtures.dataset("Leads", schemaId));
    assertThat(ds.status()).isEqualTo(201);
    String ref = ds.json().get(0).asText();
    assertThat(ref).matches("@/dataSets/[0-9a-f]{24}");
    String dataSetId = ref.substring("@/dataSets/".length());

    // 6. the target connection
    String targetId =
        Fixtures.id(
            client.post(
                FS + "/targetConnections",
                Fixtures.targetConnection("Tgt", lakeId, schemaId, dataSetId)));

    // 7. the dataflow
    String flowId =
        Fixtures.id(client.post(FS + "/flows", Fixtures.flow("Flow", sourceId, targetId)));

    JsonNode flow = client.get(FS + "/flows/" + flowId).json().get("items").get(0);
    assertThat(flow.get("state").asText()).isEqualTo("enabled");
    assertThat(flow.get("sandboxName").asText()).isEqualTo("prod");
    assertThat(flow.get("sourceConnectionIds").get(0).asText()).isEqualTo(sourceId);
    assertThat(flow.at("/inheritedAttributes/sourceConnections/0/baseConnection/id").asText())
        .isEqualTo(baseId);
    assertThat(flow.get("etag").asText()).isEqualTo(flow.get("version").asText());

    JsonNode dataset = client.get(CAT + "/" + dataSetId).json();
    assertThat(dataset.get(dataSetId).get("name").asText()).isEqualTo("Leads");
    String encoded = URLEncoder.encode(schemaId, StandardCharsets.UTF_8);
    TestClient.Res byId = client.with("Accept", Fixtures.LAKE_ACCEPT).get(SR + "/" + encoded);
    assertThat(byId.json().get("title").asText()).isEqualTo("Sample Demo Profile XDM");
    // ... and the lookup's says repo:createdDate, with an eTag ("Look up a schema")
    assertThat(byId.json().at("/meta:registryMetadata/repo:createdDate").asLong())
        .isEqualTo(s.at("/meta:registryMetadata/repo:createDate").asLong());
    assertThat(byId.json().at("/meta:registryMetadata/eTag").isTextual()).isTrue();

    assertThat(emulator.requestLog())
        .extracting(RequestLogEntry::summary)
        .hasSize(10)
        .first()
        .isEqualTo("POST " + FS + "/connections -> 201");
  }

  /** The seed tutorial sends an integer startTime, a numeric interval and a boolean backfill. */
  @Test
  void theTutorialsFlowWithANumericIntervalIsAcceptedAndReadBackAsStrings() {
    Fixtures.Chain chain = Fixtures.chain(client, "x");
    String body =
        Fixtures.flow("Flow 2", chain.sourceId(), chain.targetId()).replace("\"1000\"", "1000");
    String flowId = Fixtures.id(client.post(FS + "/flows", body));
    JsonNode schedule = client.get(FS + "/flows/" + flowId).json().at("/items/0/scheduleParams");
    assertThat(schedule.get("interval").asText()).isEqualTo("1000");
    assertThat(schedule.get("interval").isTextual()).isTrue();
  }
}
