package io.aepform.emulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.schemaregistry.SchemaIds;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a dataset valid: a name, and a schemaRef to a schema that exists. */
final class DataSetRules {
  /** Fields Catalog sets; a client may neither send nor patch them. */
  static final Set<String> SERVER_FIELDS =
      Set.of(
          "id",
          "version",
          "imsOrg",
          "sandboxId",
          "created",
          "updated",
          "createdClient",
          "createdUser",
          "updatedUser",
          "viewId",
          "files",
          "basePath",
          "dataSourceId");

  private static final Pattern CONTENT_TYPE =
      Pattern.compile(
          "application/vnd\\.adobe\\.xed(-full|-notext|-full-notext|-full-desc)?\\+json"
              + "\\s*;\\s*version=1(\\.\\d+)?");

  private DataSetRules() {}

  static void check(ObjectNode body, ObjectStore store, Scope scope) {
    Fields.requireString(body, "name", "name");
    Fields.optionalString(body, "description", "description");
    ObjectNode ref = Fields.requireObject(body, "schemaRef", "schemaRef");
    String id = Fields.requireString(ref, "id", "schemaRef.id");
    String contentType = Fields.requireString(ref, "contentType", "schemaRef.contentType");
    if (!CONTENT_TYPE.matcher(contentType).matches()) {
      throw new Violation(
          "schemaRef.contentType '"
              + contentType
              + "' must look like application/vnd.adobe.xed-full+json;version=1");
    }
    ObjectNode schema =
        SchemaIds.find(store, scope, id)
            .orElseThrow(
                () ->
                    CatalogErrors.missingReference(
                        "schemaRef.id '" + id + "' is not a schema in sandbox " + scope.sandbox()));
    checkTags(body.get("tags"));
    ProfileTags.check(body, id, schema);
    Fields.optionalBoolean(body, "enableErrorDiagnostics", "enableErrorDiagnostics");
    if (body.has("fileDescription")) {
      Fields.requireObject(body, "fileDescription", "fileDescription");
    }
  }

  private static void checkTags(JsonNode tags) {
    if (tags == null) {
      return;
    }
    if (!tags.isObject()) {
      throw new Violation("field 'tags' must be an object of string arrays");
    }
    for (Map.Entry<String, JsonNode> e : tags.properties()) {
      if (!e.getValue().isArray()) {
        throw new Violation("tag 'tags." + e.getKey() + "' must be an array of strings");
      }
      for (JsonNode v : e.getValue()) {
        if (!v.isTextual()) {
          throw new Violation("tag 'tags." + e.getKey() + "' must contain only strings");
        }
      }
    }
  }

  static void rejectServerFields(Iterable<String> topLevelFields) {
    for (String f : topLevelFields) {
      if (SERVER_FIELDS.contains(f)) {
        throw new Violation("field '" + f + "' is set by Catalog");
      }
    }
  }
}
