package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Violation;

/**
 * A descriptor's {@code xdm:sourceProperty}: "The path ... should begin with a "/" and not end with
 * one. Do not include "properties" in the path" (help/xdm/api/descriptors.md). A custom field
 * (under {@code /_{TENANT_ID}}) must exist in the schema, through its own fields, its tenant field
 * groups and their data types; standard fields come from Adobe's classes and field groups, which
 * the emulator does not know, so their paths are accepted unchecked.
 */
final class SourceProperties {
  private SourceProperties() {}

  static void check(String path, ObjectNode schema, XdmRegistry registry) {
    if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
      throw new Violation(
          "xdm:sourceProperty '" + path + "' must begin with '/' and not end with one");
    }
    if (path.startsWith("/properties/")) {
      throw new Violation(
          "xdm:sourceProperty '"
              + path
              + "' must not include 'properties' (e.g. /personalEmail/address)");
    }
    String namespace = "/_" + registry.tenant();
    if (!path.equals(namespace) && !path.startsWith(namespace + "/")) {
      return;
    }
    if (!FieldPaths.resolved(schema, registry).containsKey(path)) {
      throw XdmErrors.missingReference(
          "xdm:sourceProperty '"
              + path
              + "' is not a field of schema "
              + schema.path("$id").asText()
              + " (its own fields, its field groups and their data types)");
    }
  }
}
