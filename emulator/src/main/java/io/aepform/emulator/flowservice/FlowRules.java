package io.aepform.emulator.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;

/** What makes a flow valid: its spec, its connections, and its schedule's declared types. */
final class FlowRules {
  /** The cloud storage flow spec (CloudStorageToAEP). */
  static final String CLOUD_STORAGE_FLOW = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";

  private FlowRules() {}

  static void check(JsonNode body, ObjectStore store, Scope scope) {
    ConnectionRules.checkCommon(body);
    String spec = ConnectionRules.spec(body, "flowSpec");
    if (!spec.equals(CLOUD_STORAGE_FLOW)) {
      throw new Violation("unknown flowSpec.id '" + spec + "'");
    }
    for (JsonNode id :
        Fields.requireStringArray(body, "sourceConnectionIds", "sourceConnectionIds")) {
      ObjectNode source = existing(store, scope, ResourceKind.SOURCE_CONNECTION, id.asText());
      String sourceSpec = source.path("connectionSpec").path("id").asText();
      if (!AuthSpecs.CLOUD_STORAGE.contains(sourceSpec)) {
        throw new Violation("flow spec " + spec + " does not accept source spec " + sourceSpec);
      }
    }
    for (JsonNode id :
        Fields.requireStringArray(body, "targetConnectionIds", "targetConnectionIds")) {
      existing(store, scope, ResourceKind.TARGET_CONNECTION, id.asText());
    }
    FlowSchedule.check(Fields.requireObject(body, "scheduleParams", "scheduleParams"));
    if (body.has("transformations")) {
      checkTransformations(body.get("transformations"));
    }
  }

  private static ObjectNode existing(ObjectStore store, Scope scope, ResourceKind kind, String id) {
    return store
        .get(scope, kind, id)
        .orElseThrow(
            () ->
                FlowErrors.missingReference(
                    kind.collection()
                        + " id '"
                        + id
                        + "' does not exist in sandbox "
                        + scope.sandbox()));
  }

  private static void checkTransformations(JsonNode t) {
    if (!t.isArray()) {
      throw new Violation("field 'transformations' must be an array");
    }
    for (JsonNode item : t) {
      Fields.requireString(item, "name", "transformations[].name");
      FlowSchedule.checkMappingVersion(
          Fields.requireObject(item, "params", "transformations[].params"));
    }
  }

  /**
   * What AEP derives for a flow from its connections when it is created, in the documented shape
   * (help/sources/tutorials/api/update-dataflows.md, flow GET; flow-service.yaml FlowMetaInfoDTO):
   * sources with their spec and base connection, targets with their spec only. {@code
   * properties.isSourceFlow} is in the flow GET of help/sources/tutorials/api/filter.md.
   */
  static ObjectNode inherited(JsonNode flow, ObjectStore store, Scope scope) {
    ObjectNode out = Json.object();
    out.putObject("properties").put("isSourceFlow", true);
    ArrayNode sources = out.putArray("sourceConnections");
    for (JsonNode id : flow.path("sourceConnectionIds")) {
      ObjectNode item = sources.addObject().put("id", id.asText());
      store
          .get(scope, ResourceKind.SOURCE_CONNECTION, id.asText())
          .ifPresent(
              conn -> {
                item.set("connectionSpec", conn.path("connectionSpec").deepCopy());
                String baseId = conn.path("baseConnectionId").asText("");
                store
                    .get(scope, ResourceKind.CONNECTION, baseId)
                    .ifPresent(
                        base ->
                            item.putObject("baseConnection")
                                .put("id", baseId)
                                .set("connectionSpec", base.path("connectionSpec").deepCopy()));
              });
    }
    ArrayNode targets = out.putArray("targetConnections");
    for (JsonNode id : flow.path("targetConnectionIds")) {
      ObjectNode item = targets.addObject().put("id", id.asText());
      store
          .get(scope, ResourceKind.TARGET_CONNECTION, id.asText())
          .ifPresent(conn -> item.set("connectionSpec", conn.path("connectionSpec").deepCopy()));
    }
    return out;
  }

  /**
   * What the flow runs with: its connections as they were when it was created. AEP does not carry
   * later changes of a source or target connection into its dataflow
   * (help/sources/tutorials/api/update-dataflows.md, TIP), so neither does the emulator. Not part
   * of any answer; tests read it through {@code Emulator.flowSnapshot}.
   */
  static ObjectNode snapshot(JsonNode flow, ObjectStore store, Scope scope) {
    ObjectNode out = Json.object();
    out.set(
        "sourceConnections",
        snapshots(flow, "sourceConnectionIds", ResourceKind.SOURCE_CONNECTION, store, scope));
    out.set(
        "targetConnections",
        snapshots(flow, "targetConnectionIds", ResourceKind.TARGET_CONNECTION, store, scope));
    return out;
  }

  private static ArrayNode snapshots(
      JsonNode flow, String field, ResourceKind kind, ObjectStore store, Scope scope) {
    ArrayNode list = Json.array();
    for (JsonNode id : flow.path(field)) {
      ObjectNode item = list.addObject().put("id", id.asText());
      store
          .get(scope, kind, id.asText())
          .ifPresent(
              conn -> {
                for (String f : new String[] {"baseConnectionId", "data", "params"}) {
                  if (conn.has(f)) {
                    item.set(f, conn.get(f).deepCopy());
                  }
                }
              });
    }
    return list;
  }
}
