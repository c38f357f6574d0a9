package io.aepform.engine.export;

import static io.aepform.engine.export.ExportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.value.Value;
import io.aepform.error.AepformException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExporterTest {
  private final Exporter exporter = new Exporter(Kinds.all(Clock.systemUTC()));

  private Exporter.Export export(Remote... remotes) {
    Map<String, List<Remote>> byKind = new LinkedHashMap<>();
    for (Remote r : remotes) {
      byKind.computeIfAbsent(kindOf(r), k -> new ArrayList<>()).add(r);
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
  void aFlowOnTheCurrentMappingVersionFollowsItAndOneOnAnOlderVersionKeepsItWithAWarning() {
    Map<String, Value> attributes = Map.of("id", new Value.Str("ms-1"), "version", Value.Num.of(2));
    Remote set =
        new Remote(
            "ms-1",
            "",
            "",
            attributes,
            remote("ms-1", "", "{\"outputSchema\": {\"schemaRef\": {\"id\": \"x\"}}}").body(),
            Instant.EPOCH);
    Map<String, List<Remote>> remotes =
        Map.of("mappingSet", List.of(set), "flow", List.of(mapped("Current", 2), mapped("Old", 1)));
    Exporter.Export export = exporter.transform(remotes);

    JsonNode current = spec(export, "flow.current").at("/transformations/0/params");
    assertThat(current.get("mappingId").asText()).isEqualTo("${mappingSet.mapping_set.id}");
    assertThat(current.get("mappingVersion").asText())
        .isEqualTo("${mappingSet.mapping_set.version}");
    JsonNode old = spec(export, "flow.old").at("/transformations/0/params");
    assertThat(old.get("mappingId").asText()).isEqualTo("${mappingSet.mapping_set.id}");
    assertThat(old.get("mappingVersion").asText()).isEqualTo("1");
    assertThat(export.warnings())
        .filteredOn(w -> w.contains("mappingVersion"))
        .containsExactly(
            "flow.old: spec.transformations.0.params.mappingVersion '1' is not the current version"
                + " of mappingSet.mapping_set (2): kept as it is, but where the manifests create"
                + " mappingSet.mapping_set anew it has only its current content");
  }

  @Test
  void theTenantNamespaceIsWrittenAsThePlatformsTenantIdSoTheManifestsWorkInAnotherOrg() {
    Remote group =
        remote(
            "https://ns.adobe.com/acme/mixins/00ff",
            "Loyalty",
            """
            {"title": "Loyalty", "type": "object", "description": "",
             "meta:intendedToExtend": ["https://ns.adobe.com/xdm/context/profile"],
             "definitions": {"loyalty": {"properties": {"_acme": {"type": "object",
               "properties": {"points": {"type": "integer"},
                              "_acmeTier": {"type": "string", "description": "_acme.tier"}}}}}},
             "allOf": [{"$ref": "#/definitions/loyalty"}]}
            """);
    Remote descriptor =
        remote(
            "d-1",
            "",
            """
            {"@type": "xdm:descriptorIdentity", "xdm:sourceSchema": "%s",
             "xdm:sourceVersion": 1, "xdm:sourceProperty": "/_acme/points",
             "xdm:namespace": "Email", "xdm:property": "xdm:code", "xdm:isPrimary": false}
            """
                .formatted(SCHEMA_ID));
    Remote set =
        remote(
            "ms-1",
            "",
            """
            {"outputSchema": {"schemaRef": {"id": "%s"}}, "mappings": [
              {"sourceType": "ATTRIBUTE", "source": "_acme.points", "destination": "_acme.points"},
              {"sourceType": "ATTRIBUTE", "source": "mail", "destination": "personalEmail.address"},
              {"sourceType": "ATTRIBUTE", "source": "x", "destination": "_acmeTier"}]}
            """
                .formatted(SCHEMA_ID));
    Map<String, List<Remote>> remotes = new LinkedHashMap<>();
    remotes.put("fieldGroup", List.of(group));
    remotes.put("schema", List.of(schema()));
    remotes.put("descriptor", List.of(descriptor));
    remotes.put("mappingSet", List.of(set));
    Exporter.Export export = exporter.transform(remotes);

    assertThat(export.tenant()).contains("acme");
    assertThat(spec(export, "fieldGroup.loyalty").at("/definitions/loyalty/properties"))
        .hasToString(
            "{\"_${platform.tenantId}\":{\"type\":\"object\",\"properties\":{\"points\":"
                + "{\"type\":\"integer\"},\"_acmeTier\":{\"type\":\"string\","
                + "\"description\":\"_acme.tier\"}}}}");
    JsonNode identity =
        export.resources().stream()
            .filter(e -> e.address().kind().equals("descriptor"))
            .findFirst()
            .orElseThrow()
            .spec();
    assertThat(identity.get("xdm:sourceProperty").asText())
        .isEqualTo("/_${platform.tenantId}/points");
    JsonNode mappings = spec(export, "mappingSet.mapping_set").get("mappings");
    assertThat(mappings.findValuesAsText("destination"))
        .containsExactly("_${platform.tenantId}.points", "personalEmail.address", "_acmeTier");
    assertThat(mappings.findValuesAsText("source")).containsExactly("_acme.points", "mail", "x");
  }

  @Test
  void withNoXdmIdTheOrgsTenantIsAskedOnlyWhenAnExportedObjectMayHoldIt() {
    Remote set =
        remote(
            "ms-1",
            "",
            """
            {"outputSchema": {"schemaRef": {"id": "x"}}, "mappings": [
              {"sourceType": "ATTRIBUTE", "source": "a", "destination": "_acme.a"}]}
            """);
    Exporter.Export export =
        exporter.transform(Map.of("mappingSet", List.of(set)), () -> Optional.of("acme"));
    assertThat(spec(export, "mappingSet.mapping_set").at("/mappings/0/destination").asText())
        .isEqualTo("_${platform.tenantId}.a");
    Exporter.Export flows =
        exporter.transform(
            Map.of("flow", List.of(mapped("Current", 2))),
            () -> {
              throw new AssertionError("asked the org's tenant for a flow");
            });
    assertThat(flows.tenant()).isEmpty();
  }

  private static Remote mapped(String name, int version) {
    return remote(
        "flow-" + name,
        name,
        """
        {"name": "%s", "flowSpec": {"id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version": "1.0"},
         "sourceConnectionIds": ["src-1"], "targetConnectionIds": ["tgt-1"],
         "transformations": [{"name": "Mapping",
           "params": {"mappingId": "ms-1", "mappingVersion": "%d"}}],
         "scheduleParams": {"startTime": 1700000000, "frequency": "hour", "interval": "1"}}
        """
            .formatted(name, version));
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
    assertThatThrownBy(() -> exporter.export(null, List.of("dataflow"), Optional::empty))
        .isInstanceOf(AepformException.class)
        .hasMessageContaining("unknown kind 'dataflow'");
  }

  private static List<String> fields(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
