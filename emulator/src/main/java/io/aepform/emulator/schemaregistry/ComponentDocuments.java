package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import java.util.Optional;

/**
 * Field groups and data types: the body a client sends (help/xdm/api/field-groups.md "Create a
 * field group", help/xdm/api/data-types.md "Create a data type") and the resource the registry
 * answers with.
 */
final class ComponentDocuments {
  private final RegistryMetadata metadata;

  ComponentDocuments(RegistryMetadata metadata) {
    this.metadata = metadata;
  }

  static void check(XdmKind kind, ObjectNode body) {
    Fields.requireString(body, "title", "title");
    String type = Fields.requireString(body, "type", "type");
    // createDataType: "Must be set to object or array"; a field group is an object.
    if (!type.equals("object") && !(kind == XdmKind.DATA_TYPE && type.equals("array"))) {
      throw new Violation(
          "field 'type' must be \"object\"" + (kind == XdmKind.DATA_TYPE ? " or \"array\"" : ""));
    }
    Fields.optionalString(body, "description", "description");
    if (kind == XdmKind.FIELD_GROUP) {
      // field-groups.md: "it must include a meta:intendedToExtend attribute, listing the $id of
      // the classes with which the field group is compatible".
      Fields.requireStringArray(body, "meta:intendedToExtend", "meta:intendedToExtend");
    }
    optionalObject(body, "definitions");
    optionalObject(body, "properties");
    JsonNode allOf = body.get("allOf");
    if (allOf != null) {
      if (!allOf.isArray()) {
        throw new Violation("field 'allOf' must be an array of {\"$ref\": ...}");
      }
      allOf.forEach(item -> Fields.requireString(item, "$ref", "allOf[].$ref"));
    }
  }

  private static void optionalObject(ObjectNode body, String field) {
    if (body.has(field)) {
      Fields.requireObject(body, field, field);
    }
  }

  ObjectNode build(XdmKind kind, ObjectNode body, Caller caller, Optional<ObjectNode> existing) {
    check(kind, body);
    String tenant = SchemaIds.tenant(caller.orgId());
    ObjectNode doc = XdmDocuments.identity(kind, tenant, existing);
    doc.put("title", body.get("title").asText()).put("type", body.get("type").asText());
    doc.put("description", body.path("description").asText(""));
    XdmDocuments.copyClientFields(body, doc);
    XdmDocuments.typeAllOf(doc);
    if (kind == XdmKind.DATA_TYPE) {
      // data-types.md's create answer lists the resources the data type uses ("refs": []).
      ArrayNode refs = doc.putArray("refs");
      XdmRefs.all(body).forEach(refs::add);
    }
    doc.put("imsOrg", caller.orgId()).put("meta:extensible", true).put("meta:abstract", true);
    doc.put("meta:xdmType", body.get("type").asText());
    doc.set("meta:registryMetadata", metadata.stored(caller, existing));
    XdmDocuments.placement(doc, caller, tenant);
    XdmTypes.annotate(doc);
    return doc;
  }
}
