package io.aepform.engine.provider;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;

/**
 * XDM field groups in the Schema Registry ({@code POST /tenant/fieldgroups},
 * xdm/api/field-groups.md): the classes they extend ({@code meta:intendedToExtend}) and their
 * fields in {@code definitions}, reached through {@code allOf}. Custom fields live under {@code
 * _<tenantId>}: write {@code _${platform.tenantId}}. A schema uses one with {@code $ref:
 * ${fieldGroup.x.id}}; a field of a data type is {@code $ref: ${dataType.x.id}}. One that a schema
 * enabled for Profile uses is never deleted (see {@link XdmKind#undeletable}).
 */
final class FieldGroupKind extends XdmKind {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "fieldGroup";

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/title").required(),
          Field.string("/type").required().oneOf("object").defaultsTo("object"),
          Field.string("/description").required().defaultsTo(""),
          Field.strings("/meta:intendedToExtend"),
          fieldTree("/definitions"),
          fieldTree("/properties"),
          Field.array("/allOf").comparedWhole(XdmKind::addedByRegistry),
          Field.object("/allOf/*"),
          Field.string("/allOf/*/$ref").required(),
          Field.string("/allOf/*/type"),
          Field.string("/allOf/*/meta:xdmType"),
          Field.string("/meta:containerId"),
          Field.string("/meta:resourceType"),
          Field.string("/meta:xdmType"),
          Field.bool("/meta:abstract"),
          Field.bool("/meta:extensible"));

  FieldGroupKind() {
    super(KIND, "fieldgroups", FIELDS);
  }
}
