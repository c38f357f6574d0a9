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
import java.util.Set;

/** What makes a flow valid: its spec, its connections, and its schedule's declared types. */
final class FlowRules {
  /** The cloud storage flow spec (CloudStorageToAEP). */
  static final String CLOUD_STORAGE_FLOW = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";

  private static final Set<String> FREQUENCIES = Set.of("once", "minute", "hour", "day", "week");

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
    checkSchedule(Fields.requireObject(body, "scheduleParams", "scheduleParams"));
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

  private static void checkSchedule(ObjectNode s) {
    Fields.requireInteger(s, "startTime", "scheduleParams.startTime");
    String frequency = Fields.requireString(s, "frequency", "scheduleParams.frequency");
    if (!FREQUENCIES.contains(frequency)) {
      throw new Violation(
          "scheduleParams.frequency must be one of " + FREQUENCIES + ", got '" + frequency + "'");
    }
    Fields.optionalBoolean(s, "backfill", "scheduleParams.backfill");
    if (frequency.equals("once")) {
      if (s.has("interval") || s.has("backfill")) {
        throw new Violation("scheduleParams with frequency 'once' take no interval or backfill");
      }
      return;
    }
    String interval = Fields.requireString(s, "interval", "scheduleParams.interval");
    long value;
    try {
      value = Long.parseLong(interval);
    } catch (NumberFormatException e) {
      throw new Violation("scheduleParams.interval must be an integer in a string, e.g. \"15\"");
    }
    long min = frequency.equals("minute") ? 15 : 1;
    if (value < min) {
      throw new Violation(
          "scheduleParams.interval must be >= " + min + " for frequency '" + frequency + "'");
    }
  }

  private static void checkTransformations(JsonNode t) {
    if (!t.isArray()) {
      throw new Violation("field 'transformations' must be an array");
    }
    for (JsonNode item : t) {
      Fields.requireString(item, "name", "transformations[].name");
      Fields.requireObject(item, "params", "transformations[].params");
    }
  }

  /** What AEP derives for a flow from its connections: {@code inheritedAttributes}. */
  static ObjectNode inherited(JsonNode flow, ObjectStore store, Scope scope) {
    ObjectNode out = Json.object();
    out.set(
        "sourceConnections",
        inheritedList(flow, "sourceConnectionIds", ResourceKind.SOURCE_CONNECTION, store, scope));
    out.set(
        "targetConnections",
        inheritedList(flow, "targetConnectionIds", ResourceKind.TARGET_CONNECTION, store, scope));
    return out;
  }

  private static ArrayNode inheritedList(
      JsonNode flow, String field, ResourceKind kind, ObjectStore store, Scope scope) {
    ArrayNode list = Json.array();
    for (JsonNode id : flow.path(field)) {
      ObjectNode item = list.addObject().put("id", id.asText());
      store
          .get(scope, kind, id.asText())
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
    return list;
  }
}
