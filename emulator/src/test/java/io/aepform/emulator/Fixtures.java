package io.aepform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Request bodies from the tutorial, corrected to the declared types, and helpers to create them.
 */
final class Fixtures {
  static final String FS = "/data/foundation/flowservice";
  static final String REGISTRY = "/data/foundation/schemaregistry";
  static final String SR = REGISTRY + "/tenant/schemas";
  static final String FG = REGISTRY + "/tenant/fieldgroups";
  static final String DT = REGISTRY + "/tenant/datatypes";
  static final String DESC = REGISTRY + "/tenant/descriptors";

  /** The tenant of the local org: custom fields sit under {@code _aepformlocal}. */
  static final String TENANT = "aepformlocal";

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

  /** A schema of the profile class with the given extra allOf references (no identity map). */
  static String schemaWith(String title, String... refs) {
    StringBuilder allOf =
        new StringBuilder("{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"}");
    for (String ref : refs) {
      allOf.append(",{\"$ref\":\"").append(ref).append("\"}");
    }
    return """
        {"type":"object","title":"%s","description":"","allOf":[%s],
         "meta:class":"https://ns.adobe.com/xdm/context/profile"}
        """
        .formatted(title, allOf);
  }

  /** A field group as help/xdm/api/field-groups.md creates one, with fields under the tenant. */
  static String fieldGroup(String title, String fields) {
    return """
        {"title":"%s","description":"","type":"object",
         "meta:intendedToExtend":["https://ns.adobe.com/xdm/context/profile"],
         "definitions":{"custom":{"properties":{"_aepformlocal":{"type":"object",
           "properties":%s}}}},
         "allOf":[{"$ref":"#/definitions/custom"}]}
        """
        .formatted(title, fields);
  }

  static String fieldGroup(String title) {
    return fieldGroup(
        title,
        "{\"loyaltyId\":{\"type\":\"string\",\"title\":\"Loyalty Id\"},"
            + "\"points\":{\"type\":\"integer\",\"title\":\"Points\"}}");
  }

  /** A data type as help/xdm/api/data-types.md creates one: fields need no tenant namespace. */
  static String dataType(String title) {
    return """
        {"title":"%s","description":"","type":"object",
         "properties":{"yearBuilt":{"type":"integer","title":"Year Built"},
           "since":{"type":"string","format":"date-time","title":"Since"}}}
        """
        .formatted(title);
  }

  /** An identity descriptor (help/xdm/api/descriptors.md "Create a descriptor"). */
  static String identity(String schemaId, String property, boolean primary) {
    return """
        {"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"%s","xdm:sourceVersion":1,
         "xdm:sourceProperty":"%s","xdm:namespace":"Email","xdm:property":"xdm:code",
         "xdm:isPrimary":%s}
        """
        .formatted(schemaId, property, primary);
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

  static JsonNode created(TestClient.Res r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.json();
  }
}
