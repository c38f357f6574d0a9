package io.aepform.engine.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Objects as the platform returns them (the emulator's shapes), for export tests. */
final class ExportFixtures {
  static final String SCHEMA_ID = "https://ns.adobe.com/acme/schemas/0a1b2c";
  static final String SCHEMA_ALT = "_acme.schemas.0a1b2c";

  private ExportFixtures() {}

  static Remote remote(String id, String name, String json) {
    Map<String, Value> attributes = new LinkedHashMap<>();
    attributes.put("id", new Value.Str(id));
    attributes.put("name", new Value.Str(name));
    try {
      return new Remote(
          id,
          name,
          "\"etag-" + id + "\"",
          attributes,
          Values.fromJson(new ObjectMapper().readTree(json)),
          Instant.EPOCH);
    } catch (IOException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  static Remote schema() {
    Remote r =
        remote(
            SCHEMA_ID,
            "Sample Demo Profile XDM",
            """
            {"$id": "%s", "meta:altId": "%s", "meta:resourceType": "schemas", "version": "1.2",
             "title": "Sample Demo Profile XDM", "type": "object", "description": "",
             "allOf": [{"$ref": "https://ns.adobe.com/xdm/context/profile", "type": "object",
                        "meta:xdmType": "object"},
                       {"$ref": "https://ns.adobe.com/xdm/context/identitymap", "type": "object",
                        "meta:xdmType": "object"}],
             "refs": ["https://ns.adobe.com/xdm/context/profile",
                      "https://ns.adobe.com/xdm/context/identitymap"], "imsOrg": "ORG@AdobeOrg",
             "meta:extensible": false, "meta:abstract": false,
             "meta:extends": ["https://ns.adobe.com/xdm/context/profile"], "meta:xdmType": "object",
             "meta:registryMetadata": {"repo:createdDate": 1700000000000},
             "meta:class": "https://ns.adobe.com/xdm/context/profile", "meta:containerId": "tenant",
             "meta:sandboxId": "sb", "meta:sandboxType": "development",
             "meta:tenantNamespace": "_acme", "meta:immutableTags": ["union"]}
            """
                .formatted(SCHEMA_ID, SCHEMA_ALT));
    Map<String, Value> attributes = new LinkedHashMap<>(r.attributes());
    attributes.put("altId", new Value.Str(SCHEMA_ALT));
    return new Remote(r.id(), r.name(), "", attributes, r.body(), r.createdAt());
  }

  static Remote s3Connection(String id, String name) {
    return remote(
        id,
        name,
        """
        {"id": "%s", "createdAt": 1700000000000, "updatedAt": 1700000000000,
         "createdBy": "c@AdobeID", "sandboxName": "dev", "sandboxId": "sb", "imsOrgId": "ORG",
         "name": "%s", "auth": {"specName": "Access Key",
           "params": {"s3AccessKey": "AKIA1", "s3SecretKey": "****"}},
         "connectionSpec": {"id": "ecadc60c-7455-4d87-84dc-2a0e293d997b", "version": "1.0"},
         "state": "enabled", "version": "\\"e1\\"", "etag": "\\"e1\\""}
        """
            .formatted(id, name));
  }

  static Remote dataLake() {
    return remote(
        "base-lake",
        "Dataset Base Connection",
        """
        {"id": "base-lake", "name": "Dataset Base Connection",
         "connectionSpec": {"id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0"},
         "state": "enabled", "etag": "\\"e2\\""}
        """);
  }

  static Remote source() {
    return remote(
        "src-1",
        "Source Connection S3",
        """
        {"id": "src-1", "name": "Source Connection S3", "baseConnectionId": "base-s3",
         "connectionSpec": {"id": "ecadc60c-7455-4d87-84dc-2a0e293d997b", "version": "1.0"},
         "data": {"format": "parquet_xdm", "schema": {"id": "%s",
           "version": "application/vnd.adobe.xed-full+json;version=1.0"}},
         "params": {"path": "bucket/${not-an-expression}", "recursive": "true"},
         "createdAt": 1, "etag": "\\"e3\\""}
        """
            .formatted(SCHEMA_ID));
  }

  static Remote dataset() {
    return remote(
        "ds-1",
        "Leads Dataset",
        """
        {"name": "Leads Dataset", "schemaRef": {"id": "%s",
           "contentType": "application/vnd.adobe.xed-full-notext+json; version=1"},
         "fileDescription": {"format": "parquet"}, "version": "1.0.0", "imsOrg": "ORG",
         "sandboxId": "sb", "created": 1, "updated": 2, "createdClient": "c", "createdUser": "u",
         "updatedUser": "u", "viewId": "v", "files": "@/dataSetFiles?dataSetId=ds-1",
         "dataSourceId": 42, "tags": {"adobe/pqs/table": ["leads"], "team": ["growth"]}}
        """
            .formatted(SCHEMA_ID));
  }

  static Remote target() {
    return remote(
        "tgt-1",
        "Target Connection",
        """
        {"id": "tgt-1", "name": "Target Connection", "baseConnectionId": "base-lake",
         "connectionSpec": {"id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0"},
         "data": {"format": "parquet_xdm", "schema": {"id": "%s",
           "version": "application/vnd.adobe.xed-full+json;version=1.0"}},
         "params": {"dataSetId": "ds-1"}, "etag": "\\"e4\\""}
        """
            .formatted(SCHEMA_ID));
  }

  static Remote flow(String state, String sourceId) {
    return remote(
        "flow-1",
        "Demo Parquet Ingestion Flow",
        """
        {"id": "flow-1", "name": "Demo Parquet Ingestion Flow",
         "flowSpec": {"id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0"},
         "sourceConnectionIds": ["%s"], "targetConnectionIds": ["tgt-1"],
         "scheduleParams": {"startTime": 1700000000, "frequency": "minute", "interval": "1000",
           "backfill": true},
         "state": "%s", "inheritedAttributes": {"sourceConnections": []},
         "runs": "/runs?property=flowId==flow-1", "lastOperation": {"started": 1},
         "etag": "\\"e5\\"", "version": "\\"e5\\""}
        """
            .formatted(sourceId, state));
  }
}
