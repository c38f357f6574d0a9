package io.aepform.emulator.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.schemaregistry.SchemaIds;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;

/**
 * What makes a base, source or target connection valid: required fields with their declared types
 * and references to objects that exist in the same org and sandbox.
 */
final class ConnectionRules {
  private ConnectionRules() {}

  /** Checks {@code connectionSpec {id, version}} and returns the spec id. */
  static String spec(JsonNode body, String field) {
    ObjectNode spec = Fields.requireObject(body, field, field);
    String id = Fields.requireString(spec, "id", field + ".id");
    Fields.requireString(spec, "version", field + ".version");
    return id;
  }

  static void checkCommon(JsonNode body) {
    Fields.requireString(body, "name", "name");
    Fields.optionalString(body, "description", "description");
  }

  static void checkBase(JsonNode body) {
    checkCommon(body);
    String spec = spec(body, "connectionSpec");
    if (!AuthSpecs.known(spec)) {
      throw new Violation("unknown connectionSpec.id '" + spec + "'");
    }
    AuthSpecs.check(spec, body);
  }

  static void checkSource(JsonNode body, ObjectStore store, Scope scope) {
    checkCommon(body);
    String spec = spec(body, "connectionSpec");
    if (!AuthSpecs.CLOUD_STORAGE.contains(spec)) {
      throw new Violation("connectionSpec.id '" + spec + "' is not a known source spec");
    }
    ObjectNode base = baseConnection(body, store, scope, true);
    String baseSpec = base.path("connectionSpec").path("id").asText();
    if (!baseSpec.equals(spec)) {
      throw new Violation(
          "connectionSpec.id '" + spec + "' differs from the base connection's '" + baseSpec + "'");
    }
    checkData(body, store, scope, false);
    if (body.has("params")) {
      ObjectNode params = Fields.requireObject(body, "params", "params");
      Fields.optionalString(params, "path", "params.path");
    }
  }

  static void checkTarget(JsonNode body, ObjectStore store, Scope scope) {
    checkCommon(body);
    String spec = spec(body, "connectionSpec");
    if (!spec.equals(AuthSpecs.DATA_LAKE)) {
      throw new Violation(
          "connectionSpec.id of a target connection must be the data lake spec "
              + AuthSpecs.DATA_LAKE);
    }
    if (body.has("baseConnectionId")) {
      baseConnection(body, store, scope, false);
    }
    checkData(body, store, scope, true);
    ObjectNode params = Fields.requireObject(body, "params", "params");
    String dataSetId = Fields.requireString(params, "dataSetId", "params.dataSetId");
    if (store.get(scope, ResourceKind.DATASET, dataSetId).isEmpty()) {
      throw FlowErrors.missingReference(
          "params.dataSetId '" + dataSetId + "' is not a dataset in sandbox " + scope.sandbox());
    }
  }

  private static ObjectNode baseConnection(
      JsonNode body, ObjectStore store, Scope scope, boolean required) {
    if (!required && !body.has("baseConnectionId")) {
      return null;
    }
    String id = Fields.requireString(body, "baseConnectionId", "baseConnectionId");
    return store
        .get(scope, ResourceKind.CONNECTION, id)
        .orElseThrow(
            () ->
                FlowErrors.missingReference(
                    "baseConnectionId '"
                        + id
                        + "' is not a connection in sandbox "
                        + scope.sandbox()));
  }

  private static void checkData(
      JsonNode body, ObjectStore store, Scope scope, boolean schemaRequired) {
    ObjectNode data = Fields.requireObject(body, "data", "data");
    Fields.requireString(data, "format", "data.format");
    if (!schemaRequired && !data.has("schema")) {
      return;
    }
    ObjectNode schema = Fields.requireObject(data, "schema", "data.schema");
    String id = Fields.requireString(schema, "id", "data.schema.id");
    Fields.optionalString(schema, "version", "data.schema.version");
    if (SchemaIds.find(store, scope, id).isEmpty()) {
      throw FlowErrors.missingReference(
          "data.schema.id '" + id + "' is not a schema in sandbox " + scope.sandbox());
    }
  }
}
