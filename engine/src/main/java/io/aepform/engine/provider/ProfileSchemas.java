package io.aepform.engine.provider;

import io.aepform.engine.kind.Kind.Tracked;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Schemas enabled for Real-Time Customer Profile: {@code meta:immutableTags: [union]}, added by
 * {@code PATCH add /meta:immutableTags} (xdm/api/schemas.md). "When you enable a schema for
 * Profile, you cannot disable or delete it. You also cannot remove fields from the schema after
 * data is ingested" (xdm/schema/profile-enablement-planning.md); breaking changes are refused once
 * a schema "has been enabled for use in Real-Time Customer Profile" (xdm/schema/best-practices.md).
 */
final class ProfileSchemas {
  static final String TAGS = "/meta:immutableTags";
  static final String UNION = "union";

  private ProfileSchemas() {}

  /** True when {@code spec} carries the union tag. */
  static boolean enabled(Value spec) {
    return Values.at(spec, TAGS).map(Values::unmark).orElse(null) instanceof Value.Arr tags
        && tags.items().contains(new Value.Str(UNION));
  }

  /** Adobe's Identity Map field group: a schema that uses it has identities without descriptors. */
  static final String IDENTITY_MAP = "https://ns.adobe.com/xdm/context/identitymap";

  /** True when the schema uses the Identity Map field group or declares an identityMap field. */
  static boolean hasIdentityMap(Value spec) {
    return allOf(spec).contains(IDENTITY_MAP)
        || Values.at(spec, "/properties/identityMap").isPresent();
  }

  /**
   * The address of a tracked Profile schema that uses the XDM object {@code id}, directly or
   * through the field groups and data types it uses ({@code $ref}s at any depth), if any.
   */
  static Optional<String> keepingInUse(String id, List<Tracked> tracked) {
    for (Tracked schema : tracked) {
      if (enabled(schema.spec()) && reaches(schema, id, tracked)) {
        return Optional.of(schema.address());
      }
    }
    return Optional.empty();
  }

  /**
   * Why no field of the XDM object {@code id} may be removed or redefined any more, if so: a
   * tracked schema that uses it, directly or not, is enabled for Profile or has a dataset created
   * for it ("once a dataset is created for the schema ... the fields will become non-editable
   * across all XDM schemas in which they are referenced", xdm/schema/composition.md).
   */
  static Optional<String> frozenBy(String id, List<Tracked> tracked) {
    for (Tracked schema : tracked) {
      if (!schema.kind().equals(SchemaKind.KIND) || !reaches(schema, id, tracked)) {
        continue;
      }
      if (enabled(schema.spec())) {
        return Optional.of(schema.address() + " uses it and is enabled for Profile");
      }
      Optional<String> dataset =
          tracked.stream()
              .filter(t -> t.kind().equals(DatasetKind.KIND))
              .filter(
                  t ->
                      Values.at(t.spec(), "/schemaRef/id")
                          .map(Values::unmark)
                          .equals(Optional.of(new Value.Str(schema.id()))))
              .map(Tracked::address)
              .findFirst();
      if (dataset.isPresent()) {
        return Optional.of(
            schema.address() + " uses it and " + dataset.get() + " was created for that schema");
      }
    }
    return Optional.empty();
  }

  private static boolean reaches(Tracked from, String id, List<Tracked> tracked) {
    Deque<Tracked> todo = new ArrayDeque<>(List.of(from));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      for (String ref : refs(todo.pop().spec())) {
        if (ref.equals(id)) {
          return true;
        }
        if (seen.add(ref)) {
          tracked.stream().filter(t -> t.id().equals(ref)).forEach(todo::add);
        }
      }
    }
    return false;
  }

  /**
   * What a change from {@code applied} to {@code desired} breaks that AEP refuses on a Profile
   * schema: a field group (an {@code allOf} entry) or a field removed, or a field redefined
   * (another type, format or {@code $ref}); empty when it only adds or renames.
   */
  static Optional<String> breakingChange(Value applied, Value desired) {
    for (String ref : allOf(applied)) {
      if (!allOf(desired).contains(ref)) {
        return Optional.of("it removes " + ref + " from allOf");
      }
    }
    Map<String, String> now = fields(desired);
    for (Map.Entry<String, String> field : fields(applied).entrySet()) {
      String to = now.get(field.getKey());
      if (to == null) {
        return Optional.of("it removes the field " + field.getKey());
      }
      if (!to.equals(field.getValue())) {
        return Optional.of("it redefines the field " + field.getKey());
      }
    }
    return Optional.empty();
  }

  private static List<String> allOf(Value spec) {
    List<String> out = new ArrayList<>();
    if (Values.at(spec, "/allOf").map(Values::unmark).orElse(null) instanceof Value.Arr all) {
      for (Value item : all.items()) {
        Values.at(item, "/$ref")
            .map(Values::unmark)
            .filter(v -> v instanceof Value.Str)
            .ifPresent(v -> out.add(((Value.Str) v).value()));
      }
    }
    return out;
  }

  /**
   * The schema's own fields, by path as descriptors write them ({@code /_tenant/points}): those of
   * {@code properties} and of each definition, with what defines each (type, format, $ref).
   */
  private static Map<String, String> fields(Value spec) {
    Map<String, String> out = new TreeMap<>();
    Values.at(spec, "/properties").ifPresent(p -> fields(p, "", out));
    if (Values.at(spec, "/definitions").map(Values::unmark).orElse(null)
        instanceof Value.Obj defs) {
      defs.fields()
          .values()
          .forEach(d -> Values.at(d, "/properties").ifPresent(p -> fields(p, "", out)));
    }
    return out;
  }

  private static void fields(Value properties, String at, Map<String, String> out) {
    if (!(Values.unmark(properties) instanceof Value.Obj props)) {
      return;
    }
    for (Map.Entry<String, Value> e : props.fields().entrySet()) {
      String path = at + "/" + e.getKey();
      Value field = e.getValue();
      out.put(
          path,
          List.of("/type", "/format", "/$ref").stream()
              .map(
                  p -> Values.at(field, p).map(v -> Values.toJsonRedacted(v).toString()).orElse(""))
              .toList()
              .toString());
      Values.at(field, "/properties").ifPresent(p -> fields(p, path, out));
      Values.at(field, "/items/properties").ifPresent(p -> fields(p, path, out));
    }
  }

  /** Every {@code $ref} value in {@code value}, at any depth. */
  static Set<String> refs(Value value) {
    Set<String> out = new TreeSet<>();
    collect(Values.unmark(value), out);
    return out;
  }

  private static void collect(Value value, Set<String> out) {
    if (value instanceof Value.Obj o) {
      for (Map.Entry<String, Value> e : o.fields().entrySet()) {
        if (e.getKey().equals("$ref") && Values.unmark(e.getValue()) instanceof Value.Str s) {
          out.add(s.value());
        } else {
          collect(Values.unmark(e.getValue()), out);
        }
      }
    } else if (value instanceof Value.Arr a) {
      a.items().forEach(i -> collect(Values.unmark(i), out));
    }
  }
}
