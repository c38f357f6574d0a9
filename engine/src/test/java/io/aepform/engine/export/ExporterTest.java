package io.aepform.engine.export;

import static io.aepform.engine.export.ExportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.Kinds;
import io.aepform.error.AepformException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExporterTest {
  private final Exporter exporter = new Exporter(Kinds.all(Clock.systemUTC()));

  private Exporter.Export export(Remote... remotes) {
    Map<String, List<Remote>> byKind = new LinkedHashMap<>();
    for (Remote r : remotes) {
      byKind.computeIfAbsent(kindOf(r), k -> new java.util.ArrayList<>()).add(r);
    }
    return exporter.transform(byKind);
  }

  private static String kindOf(Remote r) {
    if (r.id().startsWith("https://")) {
      return "schema";
    }
    return switch (r.id().split("-")[0]) {
      case "base" -> "connection";
      case "src" -> "sourceConnection";
      case "ds" -> "dataset";
      case "tgt" -> "targetConnection";
      default -> "flow";
    };
  }

  private static Remote[] all(String flowState) {
    return new Remote[] {
      schema(),
      s3Connection("base-s3", "S3 Base Connection"),
      dataLake(),
      source(),
      dataset(),
      target(),
      flow(flowState, "src-1")
    };
  }

  private static JsonNode spec(Exporter.Export export, String address) {
    return export.resources().stream()
        .filter(e -> e.address().toString().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError(address + " not exported"))
        .spec();
  }

  @Test
  void logicalNamesComeFromRemoteNamesAndAreUniquePerKind() {
    Exporter.Export export =
        export(
            s3Connection("base-b", "S3 Base Connection"),
            s3Connection("base-a", "S3 Base Connection"),
            s3Connection("base-c", "2024 Leads: Émile's bucket!"),
            s3Connection("base-d", "***"));
    assertThat(export.resources())
        .extracting(e -> e.address().toString() + "=" + e.remote().id())
        .containsExactly(
            "connection.connection=base-d",
            "connection.connection_2024_leads_emile_s_bucket=base-c",
            "connection.s3_base_connection=base-a",
            "connection.s3_base_connection_2=base-b");
    assertThat(LogicalNames.base("Source Connection S3", "x")).isEqualTo("source_connection_s3");
    assertThat(new LogicalNames("sourceConnection").next("42")).isEqualTo("source_connection_42");
  }

  @Test
  void keepsOnlyTheCreateBodyWithTheRemoteNameExplicit() {
    Exporter.Export export = export(all("enabled"));
    assertThat(fields(spec(export, "connection.s3_base_connection")))
        .containsExactly("name", "auth", "connectionSpec");
    assertThat(fields(spec(export, "flow.demo_parquet_ingestion_flow")))
        .containsExactly(
            "name", "flowSpec", "sourceConnectionIds", "targetConnectionIds", "scheduleParams");
    assertThat(
            spec(export, "flow.demo_parquet_ingestion_flow")
                .at("/scheduleParams/startTime")
                .asLong())
        .isEqualTo(1700000000L);
    assertThat(fields(spec(export, "dataset.leads_dataset")))
        .containsExactly("name", "schemaRef", "fileDescription", "tags");
    assertThat(spec(export, "dataset.leads_dataset").get("tags").toString())
        .isEqualTo("{\"team\":[\"growth\"]}");
    JsonNode schema = spec(export, "schema.sample_demo_profile_xdm");
    assertThat(fields(schema))
        .containsExactly(
            "title", "type", "description", "allOf", "meta:class", "meta:immutableTags");
    assertThat(schema.get("allOf").toString())
        .isEqualTo(
            "[{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"},"
                + "{\"$ref\":\"https://ns.adobe.com/xdm/context/identitymap\"}]");
  }

  @Test
  void aFlowKeepsItsStateOnlyWhenDisabled() {
    assertThat(spec(export(all("enabled")), "flow.demo_parquet_ingestion_flow").has("state"))
        .isFalse();
    assertThat(
            spec(export(all("disabled")), "flow.demo_parquet_ingestion_flow").get("state").asText())
        .isEqualTo("disabled");
  }

  @Test
  void idsOfExportedObjectsBecomeReferencesAndSpecIdsAliases() {
    Exporter.Export export = export(all("enabled"));
    JsonNode source = spec(export, "sourceConnection.source_connection_s3");
    assertThat(source.get("baseConnectionId").asText())
        .isEqualTo("${connection.s3_base_connection.id}");
    assertThat(source.at("/data/schema/id").asText())
        .isEqualTo("${schema.sample_demo_profile_xdm.id}");
    assertThat(source.at("/connectionSpec/id").asText()).isEqualTo("amazon-s3");
    JsonNode target = spec(export, "targetConnection.target_connection");
    assertThat(target.get("baseConnectionId").asText())
        .isEqualTo("${connection.dataset_base_connection.id}");
    assertThat(target.at("/params/dataSetId").asText()).isEqualTo("${dataset.leads_dataset.id}");
    assertThat(target.at("/connectionSpec/id").asText()).isEqualTo("data-lake");
    assertThat(spec(export, "dataset.leads_dataset").at("/schemaRef/id").asText())
        .isEqualTo("${schema.sample_demo_profile_xdm.id}");
    JsonNode flow = spec(export, "flow.demo_parquet_ingestion_flow");
    assertThat(flow.get("sourceConnectionIds").toString())
        .isEqualTo("[\"${sourceConnection.source_connection_s3.id}\"]");
    assertThat(flow.get("targetConnectionIds").toString())
        .isEqualTo("[\"${targetConnection.target_connection.id}\"]");
    assertThat(flow.at("/flowSpec/id").asText()).isEqualTo("cloud-storage");
    assertThat(export.warnings()).isEmpty();
  }

  @Test
  void anIdOfNoExportedObjectStaysLiteralWithAWarning() {
    Exporter.Export export = export(flow("enabled", "src-elsewhere"));
    JsonNode flow = spec(export, "flow.demo_parquet_ingestion_flow");
    assertThat(flow.get("sourceConnectionIds").get(0).asText()).isEqualTo("src-elsewhere");
    assertThat(export.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("flow.demo_parquet_ingestion_flow")
                    .contains("spec.sourceConnectionIds.0 'src-elsewhere'")
                    .contains("kept as a literal id"));
  }

  @Test
  void secretsBecomeEnvironmentPlaceholdersListedForTheUser() {
    Exporter.Export export = export(all("enabled"));
    JsonNode params = spec(export, "connection.s3_base_connection").at("/auth/params");
    assertThat(params.get("s3SecretKey").asText())
        .isEqualTo("${env.S3_BASE_CONNECTION_S3SECRETKEY}");
    assertThat(params.get("s3AccessKey").asText()).isEqualTo("AKIA1");
    assertThat(export.placeholders())
        .containsExactly(
            new EnvPlaceholder(
                "S3_BASE_CONNECTION_S3SECRETKEY",
                "connection.s3_base_connection",
                "/auth/params/s3SecretKey"));
  }

  @Test
  void remoteTextThatLooksLikeAnExpressionIsEscaped() {
    JsonNode source = spec(export(all("enabled")), "sourceConnection.source_connection_s3");
    assertThat(source.at("/params/path").asText()).isEqualTo("bucket/$${not-an-expression}");
  }

  @Test
  void anUnknownKindIsAUsageError() {
    assertThatThrownBy(() -> exporter.export(null, List.of("dataflow")))
        .isInstanceOf(AepformException.class)
        .hasMessageContaining("unknown kind 'dataflow'");
  }

  private static List<String> fields(JsonNode node) {
    List<String> out = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
