package io.aepform.cli.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small CSV pipeline written by the tests of mapping sets and merge policies: a Profile schema
 * and its dataset, CSV files in S3 read through a source connection, a mapping set from the CSV
 * columns to XDM paths used by the flow's {@code Mapping} transformation, and a merge policy that
 * prefers the dataset and is made the default.
 */
final class CsvPipeline {
  static final Map<String, String> FILES =
      Map.of(
          "variables.yaml",
          """
          kind: variable
          name: s3_access_key
          ---
          kind: variable
          name: s3_secret_key
          sensitive: true
          """,
          "xdm.yaml",
          """
          kind: schema
          name: customers
          spec:
            title: CSV Customers
            allOf:
              - $ref: https://ns.adobe.com/xdm/context/profile
              - $ref: https://ns.adobe.com/xdm/context/profile-personal-details
            meta:class: https://ns.adobe.com/xdm/context/profile
          ---
          kind: dataset
          name: customers
          spec:
            name: CSV Customers
            schemaRef:
              id: ${schema.customers.id}
              contentType: application/vnd.adobe.xed-full+json;version=1
          """,
          "connections.yaml",
          """
          kind: connection
          name: s3
          spec:
            name: CSV Bucket
            auth:
              specName: Access Key
              params:
                s3AccessKey: ${var.s3_access_key}
                s3SecretKey: ${var.s3_secret_key}
            connectionSpec:
              id: amazon-s3
          ---
          kind: connection
          name: datalake
          spec:
            name: CSV Lake
            connectionSpec:
              id: data-lake
          ---
          kind: sourceConnection
          name: csv
          spec:
            name: CSV Files
            baseConnectionId: ${connection.s3.id}
            connectionSpec:
              id: amazon-s3
            data:
              format: delimited
              properties:
                columnDelimiter: ","
            params:
              path: crm-exports/customers
          ---
          kind: targetConnection
          name: customers
          spec:
            name: CSV Customers Target
            baseConnectionId: ${connection.datalake.id}
            connectionSpec:
              id: data-lake
            data:
              format: parquet_xdm
              schema:
                id: ${schema.customers.id}
                version: application/vnd.adobe.xed-full+json;version=1.0
            params:
              dataSetId: ${dataset.customers.id}
          """,
          "mapping.yaml",
          """
          kind: mappingSet
          name: customers
          spec:
            outputSchema:
              schemaRef:
                id: ${schema.customers.id}
            mappings:
              - sourceType: ATTRIBUTE
                source: first_name
                destination: person.name.firstName
              - sourceType: ATTRIBUTE
                source: email
                destination: personalEmail.address
          """,
          "flow.yaml",
          """
          kind: flow
          name: csv
          spec:
            name: CSV Customers Flow
            flowSpec:
              id: cloud-storage
            sourceConnectionIds:
              - ${sourceConnection.csv.id}
            targetConnectionIds:
              - ${targetConnection.customers.id}
            transformations:
              - name: Mapping
                params:
                  mappingId: ${mappingSet.customers.id}
                  mappingVersion: ${mappingSet.customers.version}
            scheduleParams:
              frequency: hour
              interval: 1
          """,
          "merge.yaml",
          """
          kind: mergePolicy
          name: by_dataset
          spec:
            name: CSV First
            schema:
              name: _xdm.context.profile
            identityGraph:
              type: pdg
            attributeMerge:
              type: dataSetPrecedence
              order:
                - ${dataset.customers.id}
            default: true
          """);

  private CsvPipeline() {}

  static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
  }
}
