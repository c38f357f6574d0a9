package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * XDM schemas in the Schema Registry ({@code POST /tenant/schemas}, xdm/api/schemas.md): a class
 * and field groups in {@code allOf}, and the schema's own XDM. Replacing one loses what was built
 * on it, so it is never replaced implicitly. Profile enablement is written as the API writes it,
 * {@code meta:immutableTags: [union]}: the schema is created without it and the tag is added once
 * the identity descriptors on the schema exist (AEP needs a primary identity first).
 */
final class SchemaKind extends XdmKind {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "schema";

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/title").required(),
          Field.string("/type").required().oneOf("object").defaultsTo("object"),
          Field.string("/description").required().defaultsTo(""),
          Field.array("/allOf").required().comparedWhole(XdmKind::addedByRegistry),
          Field.object("/allOf/*"),
          Field.string("/allOf/*/$ref").required().references(FieldGroupKind.KIND),
          // what the registry echoes in each allOf entry; harmless when pasted back
          Field.string("/allOf/*/type"),
          Field.string("/allOf/*/meta:xdmType"),
          Field.string("/meta:class").replaces(),
          fieldTree("/properties"),
          fieldTree("/definitions"),
          Field.strings("/meta:extends"),
          Field.strings(ProfileSchemas.TAGS)
              .irreversible()
              .describe(
                  "[union] enables the schema for Real-Time Customer Profile; then it can be"
                      + " neither disabled nor deleted, nor lose fields"
                      + " (xdm/schema/profile-enablement-planning.md)"),
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

  /**
   * AEP tags a schema for Profile only once it has a primary identity: "To participate in a union,
   * a schema must include an identityMap fieldgroup or a primary identity descriptor"
   * (xdm/troubleshooting-guide.md). Refused offline for a schema about to be created, before apply
   * would create it and fail on the tag; one that exists (its id known) may have its identity from
   * outside the configuration, and AEP says so if not.
   */
  @Override
  public List<SpecProblem> checkReferrers(
      Value spec, Map<String, Value> attributes, List<Target> referrers) {
    if (!ProfileSchemas.enabled(spec)
        || attributes.get("id") instanceof Value.Str
        || ProfileSchemas.hasIdentityMap(spec)
        || referrers.stream()
            .anyMatch(r -> DescriptorKind.isPrimaryIdentityOf(r, attributes.get("id")))) {
      return List.of();
    }
    return List.of(
        new SpecProblem(
            ProfileSchemas.TAGS,
            "enabling Profile needs a primary identity first (\"a schema must include an identityMap"
                + " fieldgroup or a primary identity descriptor\", xdm/troubleshooting-guide.md):"
                + " declare a descriptor with \"@type\": xdm:descriptorIdentity, xdm:sourceSchema"
                + " referencing this schema and xdm:isPrimary: true (or import the one AEP has"
                + " with a kind: import document), or add the Identity Map field group"));
  }

  @Override
  public Optional<String> losesData() {
    return Optional.of(
        "deletes the schema, which fails while datasets use it and loses its history");
  }

  /**
   * "To participate in a union, a schema must include an identityMap fieldgroup or a primary
   * identity descriptor" (xdm/troubleshooting-guide.md, XDM-1528-400): the tag waits for the
   * descriptors on the schema.
   */
  @Override
  public Map<String, String> deferredUntil() {
    return Map.of(ProfileSchemas.TAGS, DescriptorKind.KIND);
  }

  @Override
  public Optional<String> undeletable(Value applied, List<Tracked> others) {
    if (!ProfileSchemas.enabled(applied)) {
      return Optional.empty();
    }
    return Optional.of(
        "it is enabled for Profile, so it stays in AEP: \"when you enable a schema for Profile,"
            + " you cannot disable or delete it\" (xdm/schema/profile-enablement-planning.md)");
  }

  /**
   * Breaking changes (a field group or field removed, a field redefined) are refused on a schema
   * enabled for Profile, and on any schema a dataset was created for: "Once a dataset is created
   * for the schema, the rules of schema evolution become strictly enforced by the system"
   * (xdm/schema/composition.md, Schema evolution principles). A new schema replaces it.
   */
  @Override
  public Optional<String> replaceInstead(
      Value applied, Value desired, List<String> changed, List<Tracked> users) {
    if (ProfileSchemas.enabled(applied)) {
      return profileReplacement(applied, desired);
    }
    Optional<Tracked> dataset =
        users.stream().filter(u -> u.kind().equals(DatasetKind.KIND)).findFirst();
    return dataset.flatMap(
        d ->
            ProfileSchemas.breakingChange(applied, desired)
                .map(
                    what ->
                        what
                            + ", which AEP refuses once a dataset is created for the schema ("
                            + d.address()
                            + "; xdm/schema/composition.md: only additive changes): a new schema"
                            + " replaces it"));
  }

  /** A schema's own breaking changes replace it ({@link #replaceInstead}); nothing refuses them. */
  @Override
  public Optional<String> refuseUpdate(
      Value applied, Value desired, List<String> changed, List<Tracked> others) {
    return Optional.empty();
  }

  private static Optional<String> profileReplacement(Value applied, Value desired) {
    return ProfileSchemas.breakingChange(applied, desired)
        .map(
            what ->
                what
                    + ", which AEP refuses on a schema enabled for Profile"
                    + " (xdm/schema/best-practices.md): a new schema replaces it, and the old one"
                    + " stays in AEP (it cannot be deleted), so give the new one another title");
  }

  /**
   * Field groups added at the end of {@code allOf} and the union tag are JSON Patch {@code add}s,
   * as Adobe's schema tutorial adds them (xdm/tutorials/create-schema-api.md, {@code add /allOf/-};
   * xdm/api/schemas.md, {@code add /meta:immutableTags}); anything else is a PUT of the whole
   * schema.
   */
  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    Optional<ArrayNode> patch = additions(before, after, changed);
    return patch.isPresent()
        ? api.patch(client, current, patch.get())
        : super.update(client, current, before, after, changed);
  }

  private static Optional<ArrayNode> additions(Value before, Value after, List<String> changed) {
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    for (String pointer : changed) {
      Optional<List<Value>> was = items(before, pointer);
      Optional<List<Value>> now = items(after, pointer);
      boolean appends =
          now.isPresent()
              && now.get().size() > was.orElse(List.of()).size()
              && now.get().subList(0, was.orElse(List.of()).size()).equals(was.orElse(List.of()));
      if (pointer.equals("/allOf") && appends && was.isPresent()) {
        for (Value added : now.get().subList(was.get().size(), now.get().size())) {
          patch.addObject().put("op", "add").put("path", "/allOf/-").set("value", json(added));
        }
      } else if (pointer.equals(ProfileSchemas.TAGS) && appends) {
        patch
            .addObject()
            .put("op", "add")
            .put("path", pointer)
            .set("value", json(new Value.Arr(now.get())));
      } else {
        return Optional.empty();
      }
    }
    return patch.isEmpty() ? Optional.empty() : Optional.of(patch);
  }

  private static Optional<List<Value>> items(Value spec, String pointer) {
    return Values.at(spec, pointer)
        .map(Values::unmark)
        .filter(v -> v instanceof Value.Arr)
        .map(v -> ((Value.Arr) v).items());
  }

  private static JsonNode json(Value v) {
    return Values.toJsonRevealed(v);
  }
}
