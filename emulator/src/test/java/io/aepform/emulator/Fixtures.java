package io.aepform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies from the tutorial, corrected to the declared types, and helpers to create them.
 */
final class Fixtures {
  static final String FS = "/data/foundation/flowservice";
  static final String SR = "/data/foundation/schemaregistry/tenant/schemas";
  static final String CAT = "/data/foundation/catalog/dataSets";
  static final String S3 = "ecadc60c-7455-4d87-84dc-2a0e293d997b";
  static final String DATA_LAKE = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
  static final String FLOW_SPEC = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";
  static final String LAKE_ACCEPT = "application/vnd.adobe.xed+json; version=1";

  private Fixtures() {}

  static String schema(String title) {
    return """
        {"type":"object","title":"%s","description":"",
         "allOf":[{"$ref":"https://ns.adobe.com/xdm/context/profile"},
                  {"$ref":"https://ns.adobe.com/xdm/context/identitymap"}],
         "meta:class":"https://ns.adobe.com/xdm/context/profile"}
        """
        .formatted(title);
  }

  static String s3Connection(String name) {
    return """
        {"name":"%s","auth":{"specName":"Access Key",
          "params":{"s3AccessKey":"AKIAEXAMPLE","s3SecretKey":"super-secret-value"}},
         "connectionSpec":{"id":"%s","version":"1.0"}}
        """
        .formatted(name, S3);
  }

  static String lakeConnection(String name) {
    return """
        {"name":"%s","connectionSpec":{"id":"%s","version":"1.0"}}
        """
        .formatted(name, DATA_LAKE);
  }

  static String sourceConnection(String name, String baseId, String schemaId) {
    return """
        {"name":"%s","baseConnectionId":"%s",
         "connectionSpec":{"id":"%s","version":"1.0"},
         "data":{"format":"parquet_xdm","schema":{"id":"%s",
           "version":"application/vnd.adobe.xed-full+json;version=1.0"}},
         "params":{"path":"partners-demo/samples","recursive":"true"}}
        """
        .formatted(name, baseId, S3, schemaId);
  }

  static String dataset(String name, String schemaId) {
    return """
        {"name":"%s","schemaRef":{"id":"%s",
          "contentType":"application/vnd.adobe.xed-full-notext+json; version=1"},
         "fileDescription":{"format":"parquet"}}
        """
        .formatted(name, schemaId);
  }

  static String targetConnection(String name, String baseId, String schemaId, String dataSetId) {
    return """
        {"name":"%s","baseConnectionId":"%s",
         "connectionSpec":{"id":"%s","version":"1.0"},
         "data":{"format":"parquet_xdm","schema":{"id":"%s",
           "version":"application/vnd.adobe.xed-full+json;version=1.0"}},
         "params":{"dataSetId":"%s"}}
        """
        .formatted(name, baseId, DATA_LAKE, schemaId, dataSetId);
  }

  static String flow(String name, String sourceId, String targetId) {
    return """
        {"name":"%s","flowSpec":{"id":"%s","version":"1.0"},
         "sourceConnectionIds":["%s"],"targetConnectionIds":["%s"],
         "scheduleParams":{"startTime":1700000000,"frequency":"minute","interval":"1000",
           "backfill":true}}
        """
        .formatted(name, FLOW_SPEC, sourceId, targetId);
  }

  /** Ids of a whole tutorial chain. */
  record Chain(
      String schemaId,
      String baseId,
      String sourceId,
      String lakeId,
      String dataSetId,
      String targetId,
      String flowId) {}

  static Chain chain(TestClient c, String suffix) {
    String schemaId = created(c.post(SR, schema("Schema " + suffix)), 201).get("$id").asText();
    String baseId = id(c.post(FS + "/connections", s3Connection("S3 " + suffix)));
    String sourceId =
        id(c.post(FS + "/sourceConnections", sourceConnection("Src " + suffix, baseId, schemaId)));
    String lakeId = id(c.post(FS + "/connections", lakeConnection("Lake " + suffix)));
    String ref =
        created(c.post(CAT + "?requestDataSource=true", dataset("DS " + suffix, schemaId)), 201)
            .get(0)
            .asText();
    String dataSetId = ref.substring("@/dataSets/".length());
    String targetId =
        id(
            c.post(
                FS + "/targetConnections",
                targetConnection("Tgt " + suffix, lakeId, schemaId, dataSetId)));
    String flowId = id(c.post(FS + "/flows", flow("Flow " + suffix, sourceId, targetId)));
    return new Chain(schemaId, baseId, sourceId, lakeId, dataSetId, targetId, flowId);
  }

  static String id(TestClient.Res r) {
    return created(r, 201).get("id").asText();
  }

  static com.fasterxml.jackson.databind.JsonNode created(TestClient.Res r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.json();
  }
}
