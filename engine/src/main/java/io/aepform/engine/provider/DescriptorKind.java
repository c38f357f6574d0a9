package io.aepform.engine.provider;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Schema descriptors in the Schema Registry ({@code POST /tenant/descriptors},
 * xdm/api/descriptors.md): an identity field of a schema ({@code xdm:descriptorIdentity}, one of
 * them primary), a relationship ({@code xdm:descriptorOneToOne}), a reference identity, a friendly
 * name. A descriptor has no name: it is known by its type, schema and property. PUT rewrites it.
 */
final class DescriptorKind implements Crud.Served {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "descriptor";

  static final String IDENTITY = "xdm:descriptorIdentity";
  static final String ONE_TO_ONE = "xdm:descriptorOneToOne";
  static final String REFERENCE_IDENTITY = "xdm:descriptorReferenceIdentity";

  private static final String NAMESPACE_WORDS =
      "A namespace's code with xdm:property: xdm:code (a standard one such as Email, ECID or"
          + " Phone, or ${identityNamespace.NAME.code}), or its id with xdm:property: xdm:id.";

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/@type")
              .required()
              .replaces()
              .oneOf(
                  IDENTITY,
                  ONE_TO_ONE,
                  REFERENCE_IDENTITY,
                  "xdm:alternateDisplayInfo",
                  "xdm:descriptorRelationship"),
          Field.string("/xdm:sourceSchema").required().replaces().references(SchemaKind.KIND),
          Field.integer("/xdm:sourceVersion").required().defaultsTo("1"),
          Field.string("/xdm:sourceProperty").xdmPath().required(),
          Field.string("/xdm:namespace")
              .references(IdentityNamespaceKind.KIND)
              .describe(NAMESPACE_WORDS),
          Field.string("/xdm:property").oneOf("xdm:code", "xdm:id"),
          Field.bool("/xdm:isPrimary"),
          Field.string("/xdm:destinationSchema").references(SchemaKind.KIND),
          Field.integer("/xdm:destinationVersion"),
          Field.string("/xdm:destinationProperty").xdmPath(),
          Field.string("/xdm:identityNamespace")
              .references(IdentityNamespaceKind.KIND)
              .describe(NAMESPACE_WORDS),
          Field.string("/xdm:destinationNamespace"),
          Field.string("/xdm:cardinality"),
          Field.string("/xdm:sourceToDestinationName"),
          Field.string("/xdm:destinationToSourceName"),
          Field.string("/xdm:sourceToDestinationTitle"),
          Field.string("/xdm:destinationToSourceTitle"),
          Field.object("/xdm:title").open(),
          Field.object("/xdm:description").open(),
          Field.object("/meta:enum").open(),
          Field.object("/xdm:excludeMetaEnum").open());

  /** What each descriptor type needs beyond the source fields (xdm/api/descriptors.md). */
  private static final Map<String, List<String>> NEEDS =
      Map.of(
          IDENTITY, List.of("/xdm:namespace", "/xdm:property"),
          ONE_TO_ONE, List.of("/xdm:destinationSchema", "/xdm:destinationVersion"),
          REFERENCE_IDENTITY, List.of("/xdm:identityNamespace"));

  private final DescriptorApi api = new DescriptorApi();

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Fields fields() {
    return FIELDS;
  }

  @Override
  public Set<String> attributes() {
    return Set.of("id");
  }

  @Override
  public Identity identity() {
    return Identity.content("/@type", "/xdm:sourceSchema", "/xdm:sourceProperty");
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>(fields().check(spec));
    if (Values.at(spec, "/@type").map(Values::unmark).orElse(null) instanceof Value.Str type) {
      for (String needed : NEEDS.getOrDefault(type.value(), List.of())) {
        if (Values.at(spec, needed).isEmpty()) {
          problems.add(
              new SpecProblem(
                  needed,
                  "missing required field "
                      + SpecProblem.field(needed)
                      + ": an "
                      + type.value()
                      + " needs it (xdm/api/descriptors.md)"));
        }
      }
    }
    if (Values.at(spec, "/xdm:sourceProperty").map(Values::unmark).orElse(null)
        instanceof Value.Str property) {
      String p = property.value();
      if (!p.startsWith("/") || p.endsWith("/") || p.matches("(.*/)?properties(/.*)?")) {
        problems.add(
            new SpecProblem(
                "/xdm:sourceProperty",
                "spec.xdm:sourceProperty '"
                    + p
                    + "' must begin with a / and not end with one, without \"properties\""
                    + " segments, e.g. /personalEmail/address (xdm/api/descriptors.md)"));
      }
    }
    return problems;
  }

  /** "Schemas may contain only one primary identity" (xdm/api/descriptors.md). */
  /** True when {@code r} is a primary identity descriptor on the schema whose id is {@code id}. */
  static boolean isPrimaryIdentityOf(Target r, Value id) {
    return r.kind().equals(KIND)
        && Values.at(r.spec(), "/@type")
            .map(Values::unmark)
            .equals(Optional.of(Values.str(IDENTITY)))
        && Values.at(r.spec(), "/xdm:isPrimary").map(Values::unmark).orElse(null)
            instanceof Value.Bool b
        && b.value()
        && id != null
        && Values.at(r.spec(), "/xdm:sourceSchema").map(Values::unmark).equals(Optional.of(id));
  }

  @Override
  public List<Finding> checkAll(List<Declared> declared) {
    Map<Value, String> primary = new HashMap<>();
    List<Finding> out = new ArrayList<>();
    for (Declared d : declared) {
      boolean isPrimary =
          Values.at(d.spec(), "/@type")
                  .map(Values::unmark)
                  .equals(Optional.of(Values.str(IDENTITY)))
              && Values.at(d.spec(), "/xdm:isPrimary").map(Values::unmark).orElse(null)
                  instanceof Value.Bool b
              && b.value();
      Optional<Value> schema = Values.at(d.spec(), "/xdm:sourceSchema").map(Values::unmark);
      if (!isPrimary || schema.isEmpty()) {
        continue;
      }
      String first = primary.putIfAbsent(schema.get(), d.address());
      if (first != null) {
        out.add(
            new Finding(
                d.address(),
                new SpecProblem(
                    "/xdm:isPrimary",
                    "schemas may contain only one primary identity (xdm/api/descriptors.md),"
                        + " and "
                        + first
                        + " is the primary identity of "
                        + text(schema.get())
                        + " already: set xdm:isPrimary: false on one of them")));
      }
    }
    return out;
  }

  private static String text(Value v) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    return v instanceof Value.Unknown u
        ? u.template().source()
        : Values.toJsonRedacted(v).toString();
  }

  /** The descriptors of the spec's schema (a list filter), matched by type and property. */
  @Override
  public List<Remote> find(PlatformClient client, Value spec) {
    Optional<Map.Entry<String, String>> filter =
        Values.at(spec, "/xdm:sourceSchema").map(Values::unmark).orElse(null)
                instanceof Value.Str schema
            ? Optional.of(new AbstractMap.SimpleEntry<>("xdm:sourceSchema", schema.value()))
            : Optional.empty();
    return api.list(client, filter).stream()
        .filter(r -> identity().matches(spec, normalizeRemote(r.body())))
        .toList();
  }

  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    return api.replace(client, current, createBody(after));
  }

  @Override
  public void delete(PlatformClient client, Remote remote) {
    api.delete(client, remote);
  }

  @Override
  public Crud api() {
    return api;
  }
}
