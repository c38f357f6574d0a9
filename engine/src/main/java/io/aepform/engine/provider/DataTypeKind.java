package io.aepform.engine.provider;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;

/**
 * XDM data types in the Schema Registry ({@code POST /tenant/datatypes}, xdm/api/data-types.md): a
 * reusable object ({@code type: object} with {@code properties}) or list ({@code type: array} with
 * {@code items}). "Defining a data type does not require meta:extends or meta:intendedToExtend
 * fields, nor do fields need to be nested to avoid collisions": its fields are not under {@code
 * _<tenantId>}. A field group or schema field uses one with {@code $ref: ${dataType.x.id}}; one
 * that a schema enabled for Profile keeps in use is never deleted.
 */
final class DataTypeKind extends XdmKind {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "dataType";

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/title").required(),
          Field.string("/type").required().oneOf("object", "array").defaultsTo("object"),
          Field.string("/description").required().defaultsTo(""),
          fieldTree("/properties"),
          fieldTree("/items"),
          fieldTree("/definitions"),
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

  DataTypeKind() {
    super(KIND, "datatypes", FIELDS);
  }
}
