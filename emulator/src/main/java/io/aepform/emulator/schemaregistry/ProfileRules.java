package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiError;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Profile enablement: the {@code union} tag of {@code meta:immutableTags} (help/xdm/api/schemas.md
 * "Enable a schema for use in Real-Time Customer Profile"), what it needs and what it locks.
 */
final class ProfileRules {
  static final String IDENTITY_MAP = "https://ns.adobe.com/xdm/context/identitymap";

  private ProfileRules() {}

  /** Before a schema is saved: {@code current} is empty on create. */
  static void checkSchema(Optional<ObjectNode> current, ObjectNode next, XdmRegistry registry) {
    boolean was = current.map(XdmRegistry::isUnion).orElse(false);
    boolean now = XdmRegistry.isUnion(next);
    if (was && !now) {
      // schemas.md: "Immutable tags are tags that are intended to be set, but never removed."
      throw XdmErrors.profileLocked(
          "The 'union' tag of meta:immutableTags cannot be removed: immutable tags are intended"
              + " to be set, but never removed, and a schema enabled for Profile cannot be"
              + " disabled (help/xdm/schema/best-practices.md)");
    }
    if (now && !was) {
      requirePrimaryIdentity(next, registry);
      requireReferenceIdentities(next, registry);
    }
    if (was) {
      noBreakingChange(current.get(), next, "is enabled for Profile", XdmErrors::profileLocked);
    } else if (current.isPresent()) {
      // schema/composition.md (Schema evolution principles): "Once a dataset is created for the
      // schema, the rules of schema evolution become strictly enforced by the system"
      String id = current.get().get("$id").asText();
      Optional<String> dataset = registry.datasetOf(id);
      if (dataset.isPresent()) {
        noBreakingChange(
            current.get(),
            next,
            "has a dataset (" + dataset.get() + ")",
            m -> XdmErrors.schemaInUse(m.replace("best-practices.md", "composition.md")));
      }
    }
  }

  /**
   * "To participate in a union, a schema must include an identityMap fieldgroup or a primary
   * identity descriptor" (help/xdm/troubleshooting-guide.md, XDM-1528-400).
   */
  private static void requirePrimaryIdentity(ObjectNode schema, XdmRegistry registry) {
    for (JsonNode item : schema.path("allOf")) {
      if (item.path("$ref").asText().equals(IDENTITY_MAP)) {
        return;
      }
    }
    if (FieldPaths.resolved(schema, registry).containsKey("/identityMap")) {
      return;
    }
    for (ObjectNode d : registry.descriptorsOf(schema.get("$id").asText())) {
      if (d.path("@type").asText().equals(Descriptors.IDENTITY)
          && d.path("xdm:isPrimary").asBoolean(false)) {
        return;
      }
    }
    throw XdmErrors.unionIdentity();
  }

  /** XDM-1526-400: each one-to-one source property needs a reference identity descriptor. */
  private static void requireReferenceIdentities(ObjectNode schema, XdmRegistry registry) {
    Set<String> relationships = new LinkedHashSet<>();
    Set<String> references = new LinkedHashSet<>();
    for (ObjectNode d : registry.descriptorsOf(schema.get("$id").asText())) {
      String property = d.path("xdm:sourceProperty").asText();
      switch (d.path("@type").asText()) {
        case Descriptors.ONE_TO_ONE -> relationships.add(property);
        case Descriptors.REFERENCE_IDENTITY -> references.add(property);
        default -> {
          // other descriptors do not take part in this rule
        }
      }
    }
    if (!references.containsAll(relationships)) {
      throw XdmErrors.unionReferenceIdentity();
    }
  }

  /**
   * Once enabled for Profile the schema cannot lose its class, field groups or fields, nor have a
   * field redefined: "You can only introduce a breaking change to a schema if it ... hasn't been
   * enabled for use in Real-Time Customer Profile" (help/xdm/schema/best-practices.md).
   */
  private static void noBreakingChange(
      ObjectNode current, ObjectNode next, String why, Function<String, ApiError> error) {
    if (!current.path("meta:class").equals(next.path("meta:class"))) {
      throw breaking(current, why, "its class (meta:class) cannot change", error);
    }
    Set<String> refs = refs(next);
    for (String ref : refs(current)) {
      if (!refs.contains(ref)) {
        throw breaking(current, why, "'" + ref + "' cannot be removed from allOf", error);
      }
    }
    fieldsKept(current, FieldPaths.own(current), FieldPaths.own(next), why, error);
  }

  /**
   * Before a field group or data type is saved: no breaking change while a union schema uses it.
   */
  static void checkComponent(ObjectNode current, ObjectNode next, XdmRegistry registry) {
    for (ObjectNode schema : registry.schemasUsing(current.get("$id").asText())) {
      if (XdmRegistry.isUnion(schema)) {
        fieldsKept(
            schema,
            FieldPaths.own(current),
            FieldPaths.own(next),
            "is enabled for Profile",
            XdmErrors::profileLocked);
      }
    }
  }

  /** "When you enable a schema for Profile, you cannot disable or delete it." */
  static void checkDelete(ObjectNode schema) {
    if (XdmRegistry.isUnion(schema)) {
      throw XdmErrors.profileLocked(
          "Schema "
              + schema.get("$id").asText()
              + " is enabled for Profile and cannot be deleted"
              + " (help/xdm/schema/profile-enablement-planning.md)");
    }
  }

  private static void fieldsKept(
      ObjectNode schema,
      Map<String, String> before,
      Map<String, String> after,
      String why,
      Function<String, ApiError> error) {
    for (Map.Entry<String, String> field : before.entrySet()) {
      String now = after.get(field.getKey());
      if (now == null) {
        throw breaking(schema, why, "field '" + field.getKey() + "' cannot be removed", error);
      }
      if (!now.equals(field.getValue())) {
        throw breaking(schema, why, "field '" + field.getKey() + "' cannot be redefined", error);
      }
    }
  }

  private static Set<String> refs(JsonNode schema) {
    Set<String> out = new LinkedHashSet<>();
    schema.path("allOf").forEach(item -> out.add(item.path("$ref").asText()));
    return out;
  }

  private static RuntimeException breaking(
      ObjectNode schema, String why, String what, Function<String, ApiError> error) {
    return error.apply(
        "Breaking change refused: schema "
            + schema.get("$id").asText()
            + " "
            + why
            + ", so "
            + what
            + " (help/xdm/schema/best-practices.md)");
  }
}
