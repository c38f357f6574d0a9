package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What every tenant resource must satisfy before the registry stores it. */
final class XdmRules {
  private XdmRules() {}

  /**
   * "Titles must be unique across all resource types. For example, if you try to create a field
   * group with a title that is already being used by a schema, you will receive this error"
   * (help/xdm/troubleshooting-guide.md, XDM-1521-400). Classes are not emulated.
   */
  static void uniqueTitle(ObjectNode doc, XdmRegistry registry) {
    registry
        .titleOwner(doc.get("title").asText(), doc.get("$id").asText())
        .ifPresent(
            other -> {
              throw XdmErrors.titleNotUnique(other.path("$id").asText());
            });
  }

  /**
   * Custom fields of schemas and field groups sit under {@code _{TENANT_ID}}: "Custom fields must
   * be nested under _{TENANT_ID} ... to avoid any collisions" (help/xdm/api/field-groups.md), else
   * XDM-1021-400 (help/xdm/troubleshooting-guide.md). Data types are exempt: "nor do fields need to
   * be nested to avoid collisions" (help/xdm/api/data-types.md).
   */
  static void tenantNamespace(XdmKind kind, ObjectNode doc, String tenant) {
    if (kind == XdmKind.DATA_TYPE) {
      return;
    }
    topLevel(doc.path("properties"), tenant);
    for (JsonNode definition : doc.path("definitions")) {
      topLevel(definition.path("properties"), tenant);
    }
  }

  private static void topLevel(JsonNode properties, String tenant) {
    properties
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals("_" + tenant)) {
                throw XdmErrors.namespace(tenant, name);
              }
            });
  }

  /**
   * Every reference to one of the tenant's own field groups or data types must resolve in the
   * sandbox; standard ({@code https://ns.adobe.com/xdm/...}) and other resources are not known to
   * the emulator and stay accepted.
   */
  static void referencesExist(ObjectNode doc, XdmRegistry registry) {
    for (String ref : XdmRefs.all(doc)) {
      XdmKind.ofTenantId(ref, registry.tenant())
          .filter(k -> registry.find(k, ref).isEmpty())
          .ifPresent(
              k -> {
                throw XdmErrors.missingReference(
                    "The referenced " + k.noun() + " resource " + ref + " is not found");
              });
    }
  }

  /** A field group or data type that anything still references cannot be deleted. */
  static void notInUse(ObjectNode doc, XdmRegistry registry) {
    String id = doc.get("$id").asText();
    List<ObjectNode> users = registry.usersOf(id);
    if (!users.isEmpty()) {
      throw XdmErrors.inUse(id, users.get(0).path("$id").asText());
    }
  }
}
