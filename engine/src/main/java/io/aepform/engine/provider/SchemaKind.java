package io.aepform.engine.provider;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * XDM schemas in the Schema Registry ({@code POST /tenant/schemas}, xdm/api/schemas.md): a class
 * and field groups in {@code allOf}, and the schema's own XDM. Replacing one loses what was built
 * on it, so it is never replaced implicitly.
 */
final class SchemaKind extends XdmKind {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "schema";

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/title").required(),
          Field.string("/type").required().oneOf("object").defaultsTo("object"),
          Field.string("/description").required().defaultsTo(""),
          Field.array("/allOf").required(),
          Field.object("/allOf/*"),
          Field.string("/allOf/*/$ref").required().references(FieldGroupKind.KIND),
          // what the registry echoes in each allOf entry; harmless when pasted back
          Field.string("/allOf/*/type"),
          Field.string("/allOf/*/meta:xdmType"),
          Field.string("/meta:class").replaces(),
          Field.any("/properties"),
          Field.any("/definitions"),
          Field.strings("/meta:extends"),
          Field.strings("/meta:immutableTags"),
          // in the request of Adobe's tutorials (sources/tutorials/api/cloud-storage-parquet.md)
          Field.string("/meta:containerId"),
          Field.string("/meta:resourceType"),
          Field.string("/meta:xdmType"),
          Field.bool("/meta:extensible"),
          Field.bool("/meta:abstract"));

  SchemaKind() {
    super(KIND, "schemas", FIELDS);
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>(super.check(spec));
    if (Values.at(spec, "/allOf").orElse(null) instanceof Value.Arr all && all.items().isEmpty()) {
      problems.add(
          new SpecProblem("/allOf", "spec.allOf needs at least the class: - $ref: <class $id>"));
    }
    return problems;
  }

  @Override
  public Optional<String> losesData() {
    return Optional.of(
        "deletes the schema, which fails while datasets use it and loses its history");
  }
}
