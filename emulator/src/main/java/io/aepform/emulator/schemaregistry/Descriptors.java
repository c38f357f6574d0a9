package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import java.util.Optional;
import java.util.Set;

/**
 * What a descriptor must hold (help/xdm/api/descriptors.md, "Defining descriptors"). Identity,
 * one-to-one, reference identity and friendly name descriptors are emulated; other types are
 * refused as not emulated.
 */
final class Descriptors {
  static final String IDENTITY = "xdm:descriptorIdentity";
  static final String ONE_TO_ONE = "xdm:descriptorOneToOne";
  static final String REFERENCE_IDENTITY = "xdm:descriptorReferenceIdentity";
  static final String FRIENDLY_NAME = "xdm:alternateDisplayInfo";
  static final Set<String> TYPES = Set.of(IDENTITY, ONE_TO_ONE, REFERENCE_IDENTITY, FRIENDLY_NAME);

  /** Fields the registry sets on a descriptor. */
  static final Set<String> SERVER_FIELDS =
      Set.of(
          "@id",
          "meta:containerId",
          "imsOrg",
          "createdUser",
          "createdClient",
          "updatedUser",
          "created",
          "updated");

  private Descriptors() {}

  /** Checks a POST or PUT body; {@code ownId} is the descriptor being replaced, if any. */
  static void check(ObjectNode body, XdmRegistry registry, Optional<String> ownId) {
    String type = Fields.requireString(body, "@type", "@type");
    if (!TYPES.contains(type)) {
      throw new Violation(
          "descriptor @type '"
              + type
              + "' is not emulated; use one of "
              + String.join(", ", TYPES));
    }
    ObjectNode schema = schema(body, "xdm:sourceSchema", registry);
    majorVersion(body, "xdm:sourceVersion");
    String property = Fields.requireString(body, "xdm:sourceProperty", "xdm:sourceProperty");
    SourceProperties.check(property, schema, registry);
    switch (type) {
      case IDENTITY -> identity(body, registry, ownId);
      case ONE_TO_ONE -> oneToOne(body, registry);
      case REFERENCE_IDENTITY ->
          Fields.requireString(body, "xdm:identityNamespace", "xdm:identityNamespace");
      default -> {
        // a friendly name descriptor needs only the source fields
      }
    }
  }

  private static void identity(ObjectNode body, XdmRegistry registry, Optional<String> ownId) {
    Fields.requireString(body, "xdm:namespace", "xdm:namespace");
    String property = Fields.requireString(body, "xdm:property", "xdm:property");
    if (!property.equals("xdm:code") && !property.equals("xdm:id")) {
      // "Either xdm:id or xdm:code, depending on the xdm:namespace used."
      throw new Violation("field 'xdm:property' must be \"xdm:code\" or \"xdm:id\"");
    }
    Fields.optionalBoolean(body, "xdm:isPrimary", "xdm:isPrimary");
    if (body.path("xdm:isPrimary").asBoolean(false)) {
      onlyPrimary(body.get("xdm:sourceSchema").asText(), registry, ownId);
    }
  }

  /** "Schemas may contain only one primary identity." */
  private static void onlyPrimary(String schemaId, XdmRegistry registry, Optional<String> ownId) {
    for (ObjectNode d : registry.descriptorsOf(schemaId)) {
      boolean self = ownId.map(id -> id.equals(d.path("@id").asText())).orElse(false);
      if (!self
          && d.path("@type").asText().equals(IDENTITY)
          && d.path("xdm:isPrimary").asBoolean(false)) {
        throw new Violation(
            "schema "
                + schemaId
                + " already has a primary identity (descriptor "
                + d.path("@id").asText()
                + "); schemas may contain only one primary identity");
      }
    }
  }

  private static void oneToOne(ObjectNode body, XdmRegistry registry) {
    schema(body, "xdm:destinationSchema", registry);
    majorVersion(body, "xdm:destinationVersion");
    Fields.optionalString(body, "xdm:destinationProperty", "xdm:destinationProperty");
  }

  private static ObjectNode schema(ObjectNode body, String field, XdmRegistry registry) {
    String id = Fields.requireString(body, field, field);
    return registry
        .find(XdmKind.SCHEMA, id)
        .filter(s -> s.path("$id").asText().equals(id))
        .orElseThrow(
            () ->
                XdmErrors.missingReference(
                    field + ": the schema " + id + " is not found (send the schema's $id)"));
  }

  /** "The major version of the source schema": the registry has only version 1. */
  private static void majorVersion(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !(v.isIntegralNumber() || v.isTextual()) || !v.asText().equals("1")) {
      throw new Violation("field '" + field + "' must be the schema's major version, 1");
    }
  }
}
