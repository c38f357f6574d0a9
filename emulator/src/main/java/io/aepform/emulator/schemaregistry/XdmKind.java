package io.aepform.emulator.schemaregistry;

import io.aepform.emulator.ResourceKind;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The titled, versioned resources of the tenant container. Field groups keep their old name in ids
 * and answers: {@code $id .../mixins/...}, {@code meta:resourceType: "mixins"}
 * (help/xdm/api/field-groups.md).
 */
enum XdmKind {
  SCHEMA("schemas", "schemas", "schema", ResourceKind.SCHEMA),
  FIELD_GROUP("fieldgroups", "mixins", "mixin", ResourceKind.FIELD_GROUP),
  DATA_TYPE("datatypes", "datatypes", "datatype", ResourceKind.DATA_TYPE);

  private static final Pattern ID =
      Pattern.compile("https://ns\\.adobe\\.com/([a-z0-9_]+)/(schemas|mixins|datatypes)/[0-9a-f]+");

  private final String path;
  private final String resourceType;
  private final String noun;
  private final ResourceKind stored;

  XdmKind(String path, String resourceType, String noun, ResourceKind stored) {
    this.path = path;
    this.resourceType = resourceType;
    this.noun = noun;
    this.stored = stored;
  }

  /** The path segment under {@code /tenant}, e.g. {@code fieldgroups}. */
  String path() {
    return path;
  }

  /** The id segment and {@code meta:resourceType}, e.g. {@code mixins}. */
  String resourceType() {
    return resourceType;
  }

  /** The word the registry's messages use, e.g. "The requested mixin resource ...". */
  String noun() {
    return noun;
  }

  ResourceKind stored() {
    return stored;
  }

  static Optional<XdmKind> ofPath(String segment) {
    for (XdmKind k : values()) {
      if (k.path.equals(segment)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * The kind a resource id of {@code tenant} names, e.g. {@code https://ns.adobe.com/t/mixins/..}.
   */
  static Optional<XdmKind> ofTenantId(String id, String tenant) {
    Matcher m = ID.matcher(id);
    if (!m.matches() || !m.group(1).equals(tenant)) {
      return Optional.empty();
    }
    for (XdmKind k : values()) {
      if (k.resourceType.equals(m.group(2))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
