package io.aepform.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An empty AEP sandbox on WireMock for the parquet-ingestion example: every name lookup finds
 * nothing and each create answers with a fixed id, so request bodies are reproducible.
 */
final class ParquetIngestionStubs {
  static final String FS = "/data/foundation/flowservice";
  static final String SCHEMAS = "/data/foundation/schemaregistry/tenant/schemas";
  static final String DATASETS = "/data/foundation/catalog/dataSets";

  static final String S3_CONNECTION_ID = "9a4e2a55-0d3a-4b8f-9c57-2f1d9d0b6c01";
  static final String DATALAKE_CONNECTION_ID = "5c3f7a10-8e21-4d6a-b9f2-7e4c1a2d3b02";
  static final String SOURCE_CONNECTION_ID = "2b7d9e40-61c3-4f58-a0e7-3c9b5d1f4a03";
  static final String TARGET_CONNECTION_ID = "7e1c4b92-3a5d-4e67-8f09-b2d6c8a1e504";
  static final String FLOW_ID = "c4d8f2a6-9b31-4c75-8e0d-6a2f1b3c7d05";
  static final String SCHEMA_HEX = "6f1e2d3c4b5a69788796a5b4c3d2e1f0";
  static final String SCHEMA_ID = "https://ns.adobe.com/acmetenant/schemas/" + SCHEMA_HEX;
  static final String SCHEMA_ALT_ID = "_acmetenant.schemas." + SCHEMA_HEX;
  static final String DATASET_ID = "65a1f0c2e4b0d3a8f7c6b5a4";

  private ParquetIngestionStubs() {}

  static void emptySandbox(WireMockServer server) {
    for (String collection :
        new String[] {"connections", "sourceConnections", "targetConnections", "flows"}) {
      server.stubFor(
          get(urlPathEqualTo(FS + "/" + collection)).willReturn(okJson("{\"items\":[]}")));
    }
    server.stubFor(get(urlPathEqualTo(DATASETS)).willReturn(okJson("{}")));
    server.stubFor(get(urlPathEqualTo(SCHEMAS)).willReturn(okJson("{\"results\":[]}")));

    server.stubFor(
        post(urlPathEqualTo(SCHEMAS))
            .willReturn(
                created(
                    "{\"$id\":\""
                        + SCHEMA_ID
                        + "\",\"meta:altId\":\""
                        + SCHEMA_ALT_ID
                        + "\",\"title\":\"Sample Demo Profile XDM\",\"type\":\"object\","
                        + "\"version\":\"1.0\",\"meta:registryMetadata\":"
                        + "{\"repo:createdDate\":1768471200000}}")));
    server.stubFor(flowService("connections", "S3 Base Connection", S3_CONNECTION_ID));
    server.stubFor(flowService("connections", "Dataset Base Connection", DATALAKE_CONNECTION_ID));
    server.stubFor(flowService("sourceConnections", "Source Connection S3", SOURCE_CONNECTION_ID));
    server.stubFor(flowService("targetConnections", "Target Connection", TARGET_CONNECTION_ID));
    server.stubFor(flowService("flows", "Demo Parquet Ingestion Flow", FLOW_ID));
    server.stubFor(
        post(urlPathEqualTo(DATASETS))
            .withQueryParam("requestDataSource", equalTo("true"))
            .willReturn(created("[\"@/dataSets/" + DATASET_ID + "\"]")));
  }

  /**
   * The objects as a refresh reads them back after apply: each golden create body with the ids and
   * etags the platform gave, plus fields only the server sets, which must not count as drift.
   */
  static void createdObjects(WireMockServer server, Path goldenDir) throws IOException {
    String etag = "\\\"0d00c6a5-0000-0200-0000-65a1f0c20000\\\"";
    flowItem(server, goldenDir, "01-connection", "connections", S3_CONNECTION_ID, etag);
    flowItem(server, goldenDir, "05-connection", "connections", DATALAKE_CONNECTION_ID, etag);
    flowItem(
        server, goldenDir, "03-sourceConnection", "sourceConnections", SOURCE_CONNECTION_ID, etag);
    flowItem(
        server, goldenDir, "06-targetConnection", "targetConnections", TARGET_CONNECTION_ID, etag);
    flowItem(server, goldenDir, "07-flow", "flows", FLOW_ID, etag);
    String schema = read(goldenDir, "02-schema");
    String full =
        schema.substring(0, schema.lastIndexOf('}'))
            + ",\"$id\":\""
            + SCHEMA_ID
            + "\",\"meta:altId\":\""
            + SCHEMA_ALT_ID
            + "\",\"version\":\"1.0\",\"meta:registryMetadata\":{\"repo:createdDate\":1768471200000}}";
    server.stubFor(
        get(urlPathEqualTo(SCHEMAS + "/" + URLEncoder.encode(SCHEMA_ID, StandardCharsets.UTF_8)))
            .willReturn(okJson(full)));
    String dataset = read(goldenDir, "04-dataset");
    server.stubFor(
        get(urlPathEqualTo(DATASETS + "/" + DATASET_ID))
            .willReturn(
                okJson(
                    "{\""
                        + DATASET_ID
                        + "\":"
                        + dataset.substring(0, dataset.lastIndexOf('}'))
                        + ",\"created\":1768471200000}}")));
  }

  private static void flowItem(
      WireMockServer server, Path goldenDir, String file, String collection, String id, String etag)
      throws IOException {
    String body = read(goldenDir, file);
    String item =
        body.substring(0, body.lastIndexOf('}'))
            + ",\"id\":\""
            + id
            + "\",\"etag\":\""
            + etag
            + "\",\"createdAt\":1768471200000,\"state\":\"enabled\"}";
    server.stubFor(
        get(urlPathEqualTo(FS + "/" + collection + "/" + id))
            .willReturn(okJson("{\"items\":[" + item + "]}")));
  }

  private static String read(Path dir, String name) throws IOException {
    return Files.readString(dir.resolve(name + ".json")).strip();
  }

  private static MappingBuilder flowService(String collection, String name, String id) {
    return post(urlPathEqualTo(FS + "/" + collection))
        .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
        .willReturn(
            created(
                    "{\"id\":\""
                        + id
                        + "\",\"etag\":\"\\\"0d00c6a5-0000-0200-0000-65a1f0c20000\\\"\"}")
                .withHeader("Location", FS + "/" + collection + "/" + id));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(
      String json) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(json);
  }
}
