package io.aepform.engine.plan;

import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.ManifestLoader;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.value.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The tutorial's resources as manifests, and helpers to resolve them. */
final class PlanFixtures {
  static final String SCHEMA =
      """
      kind: schema
      name: demo_profile
      spec:
        title: Sample Demo Profile XDM
        allOf:
          - $ref: https://ns.adobe.com/xdm/context/profile
        meta:class: https://ns.adobe.com/xdm/context/profile
      """;
  static final String DATASET =
      """
      kind: dataset
      name: leads
      spec:
        schemaRef:
          id: ${schema.demo_profile.id}
          contentType: application/vnd.adobe.xed-full+json;version=1
      """;
  static final String CONNECTION =
      """
      kind: connection
      name: s3
      spec:
        connectionSpec:
          id: amazon-s3
        auth:
          specName: Access Key
          params:
            s3AccessKey: AKIAEXAMPLE
            s3SecretKey: ${var.s3_secret}
      """;
  static final String SOURCE =
      """
      kind: sourceConnection
      name: source
      spec:
        baseConnectionId: ${connection.s3.id}
        connectionSpec:
          id: amazon-s3
        data:
          format: delimited
        params:
          path: ${var.bucket}/leads.csv
      """;
  static final String TARGET =
      """
      kind: targetConnection
      name: target
      spec:
        connectionSpec:
          id: data-lake
        data:
          format: parquet_xdm
          schema:
            id: ${schema.demo_profile.id}
            version: application/vnd.adobe.xed-full+json;version=1
        params:
          dataSetId: ${dataset.leads.id}
      """;
  static final String FLOW =
      """
      kind: flow
      name: ingest
      spec:
        flowSpec:
          id: cloud-storage
          version: 1
        sourceConnectionIds:
          - ${sourceConnection.source.id}
        targetConnectionIds:
          - ${targetConnection.target.id}
        scheduleParams:
          frequency: minute
          interval: ${var.interval}
          backfill: "true"
      """;
  static final String VARIABLES =
      """
      kind: variable
      name: bucket
      default: partners-demo
      ---
      kind: variable
      name: interval
      default: 15
      ---
      kind: variable
      name: s3_secret
      sensitive: true
      default: wJalrXUtnFEMI
      """;

  private PlanFixtures() {}

  static void write(Path dir, String name, String content) {
    try {
      Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the whole tutorial into {@code dir}. */
  static void tutorial(Path dir) {
    write(dir, "1-schema.yaml", SCHEMA);
    write(dir, "2-dataset.yaml", DATASET);
    write(dir, "3-connection.yaml", CONNECTION);
    write(dir, "4-source.yaml", SOURCE);
    write(dir, "5-target.yaml", TARGET);
    write(dir, "6-flow.yaml", FLOW);
    write(dir, "variables.yaml", VARIABLES);
  }

  static Configuration load(Path dir) {
    return new ManifestLoader(Kinds.all(Clock.systemUTC())).load(dir);
  }

  static Resolver.Resolved resolve(
      Configuration config, Map<String, Value> variables, Resolver.KnownIds known) {
    return new Resolver(Kinds.all(Clock.systemUTC()))
        .resolve(config, DependencyGraph.build(config).order(), variables, Map.of(), known);
  }

  /** Every declared default as the variable's value, as VariableValues would give it. */
  static Map<String, Value> defaults(Configuration config) {
    return VariableValues.resolve(
        config, EnvironmentConfig.implicit("default"), VariableValues.Inputs.none(), Map.of());
  }

  static Resolver.KnownIds nothingKnown() {
    return (a, attr) -> Optional.empty();
  }

  static Resolver.KnownIds known(Map<String, String> ids) {
    return (a, attr) ->
        attr.equals("id")
            ? Optional.ofNullable(ids.get(a.toString())).map(s -> (Value) new Value.Str(s))
            : Optional.empty();
  }

  static Address address(String text) {
    return Address.parse(text).orElseThrow();
  }
}
