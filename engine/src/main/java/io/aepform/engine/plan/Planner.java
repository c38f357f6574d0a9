package io.aepform.engine.plan;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Desired;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.SafetyException;
import io.aepform.state.StateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Diffs what the configuration wants against what state records (refreshed from the platform when
 * asked), into one {@link ResourceChange} per resource: creates, updates and replaces in dependency
 * order, then deletes with dependents first; drift in its own list.
 */
public final class Planner {
  private Planner() {}

  /**
   * What the configuration's refactoring documents mark: addresses moved from another, imported
   * from a remote id, or forgotten (with the reason).
   */
  public record Marks(
      Map<Address, Address> movedFrom,
      Map<Address, String> importing,
      Map<Address, String> forget) {
    public Marks {
      movedFrom = Map.copyOf(movedFrom);
      importing = Map.copyOf(importing);
      forget = Map.copyOf(forget);
    }

    public static Marks none() {
      return new Marks(Map.of(), Map.of(), Map.of());
    }
  }

  /** What refresh read of recorded resources: the remote body, or empty when it is gone. */
  public record Refresh(Map<Address, Optional<Value>> remote) {
    public Refresh {
      remote = Map.copyOf(remote);
    }

    public static Refresh none() {
      return new Refresh(Map.of());
    }
  }

  /** The plan without refresh. */
  public static Plan plan(
      String environment,
      String lineage,
      long serial,
      String salt,
      Map<String, ? extends Kind> kinds,
      Resolver.Resolved desired,
      Map<Address, Recorded> recorded,
      List<Problem> warnings) {
    return plan(
        environment,
        lineage,
        serial,
        salt,
        kinds,
        desired,
        recorded,
        Refresh.none(),
        Map.of(),
        Marks.none(),
        warnings);
  }

  /**
   * The plan for {@code desired} (in dependency order) against {@code recorded} as {@code refresh}
   * found it; secrets compare through their digests under {@code salt}.
   */
  public static Plan plan(
      String environment,
      String lineage,
      long serial,
      String salt,
      Map<String, ? extends Kind> kinds,
      Resolver.Resolved desired,
      Map<Address, Recorded> recorded,
      Refresh refresh,
      Map<Address, String> forceReplace,
      Marks marks,
      List<Problem> warnings) {
    List<ResourceChange> changes = new ArrayList<>();
    List<Drift> drift = new ArrayList<>();
    Map<Address, List<Kind.Tracked>> users = users(recorded);
    List<Kind.Tracked> tracked = tracked(recorded);
    for (Desired d : desired.resources()) {
      Kind kind = kinds.get(d.decl().kind());
      Optional<Recorded> r = Optional.ofNullable(recorded.get(d.address()));
      String reason = "";
      Optional<Value> remote = Optional.ofNullable(refresh.remote().get(d.address())).orElse(null);
      if (r.isPresent() && refresh.remote().containsKey(d.address())) {
        if (remote.isEmpty()) {
          drift.add(new Drift(d.address(), true, List.of()));
          reason = "deleted outside aepform: it will be created again";
          r = Optional.empty();
        } else {
          List<FieldChange> fields =
              Ignored.drop(
                  Drifts.fields(r.get().spec(), remote.get(), kind.fields()),
                  d.decl().lifecycle().ignoreChanges());
          r = Optional.of(withRemoteEtag(r.get(), remote.get()));
          if (!fields.isEmpty()) {
            drift.add(new Drift(d.address(), false, fields));
            Recorded was = r.get();
            r =
                Optional.of(
                    new Recorded(
                        was.address(),
                        Drifts.refreshed(was.spec(), fields),
                        was.attributes(),
                        was.dependencies(),
                        was.tainted()));
          }
        }
      }
      changes.add(
          change(
                  d,
                  kind,
                  r,
                  salt,
                  reason,
                  Optional.ofNullable(forceReplace.get(d.address())),
                  users.getOrDefault(d.address(), List.of()),
                  tracked)
              .refactored(
                  Optional.ofNullable(marks.movedFrom().get(d.address())),
                  Optional.ofNullable(marks.importing().get(d.address()))));
    }
    changes.addAll(deletes(desired, recorded, kinds, marks));
    return new Plan(environment, lineage, serial, changes, drift, desired.outputs(), warnings);
  }

  /** Every object state records. */
  private static List<Kind.Tracked> tracked(Map<Address, Recorded> recorded) {
    return recorded.values().stream()
        .map(r -> new Kind.Tracked(r.address().toString(), r.address().kind(), id(r), r.spec()))
        .toList();
  }

  /** The objects state records that reference each recorded address. */
  private static Map<Address, List<Kind.Tracked>> users(Map<Address, Recorded> recorded) {
    Map<Address, List<Kind.Tracked>> out = new HashMap<>();
    for (Recorded r : recorded.values()) {
      Kind.Tracked user =
          new Kind.Tracked(r.address().toString(), r.address().kind(), id(r), r.spec());
      r.dependencies().stream()
          .distinct()
          .forEach(dep -> out.computeIfAbsent(dep, a -> new ArrayList<>()).add(user));
    }
    return out;
  }

  private static ResourceChange change(
      Desired d,
      Kind kind,
      Optional<Recorded> r,
      String salt,
      String reason,
      Optional<String> forced,
      List<Kind.Tracked> users,
      List<Kind.Tracked> tracked) {
    List<Address> deps =
        d.decl().dependencies().stream().map(x -> x.target()).distinct().sorted().toList();
    if (r.isEmpty()) {
      Value after = ResourceObject.of(d.attributes(), d.spec(), kind.nameField());
      return new ResourceChange(
          d.address(),
          Action.CREATE,
          reason,
          Optional.empty(),
          Optional.of(after),
          List.of(),
          deps);
    }
    Value spec =
        Ignored.keep(
            keepDefaults(d.spec(), r.get(), kind),
            r.get().spec(),
            d.decl().lifecycle().ignoreChanges());
    Value before = ResourceObject.of(r.get().attributes(), r.get().spec(), kind.nameField());
    Value after = ResourceObject.of(d.attributes(), spec, kind.nameField());
    List<String> unverified = unverified(r.get().spec(), spec);
    Value compared = Secrets.digested(spec, salt);
    for (String pointer : unverified) {
      compared = Values.with(compared, pointer, Values.at(r.get().spec(), pointer).orElseThrow());
    }
    List<FieldChange> fields = new ArrayList<>(Diff.fields(r.get().spec(), compared));
    // state may hold the platform's form of a value (an import records what AEP answers): where the
    // kind says it is the configuration's value in another form, there is nothing to update
    fields.removeIf(f -> sameInAnotherForm(kind, f));
    if (!fields.isEmpty()) {
      // an update sends the secrets of an imported object too, so state can record their digest
      for (String pointer : unverified) {
        fields.add(
            new FieldChange(
                pointer,
                Values.at(r.get().spec(), pointer),
                Values.at(Secrets.digested(spec, salt), pointer)));
      }
    }
    refuseImmutable(d, kind, fields);
    List<String> changed = fields.stream().map(FieldChange::pointer).toList();
    if (forced.isPresent()
        && !fields.isEmpty()
        && kind.updateLosesData(r.get().spec(), spec, changed).isPresent()) {
      // --replace confirms what this update destroys; replacing would destroy more
      forced = Optional.empty();
    }
    if (forced.isEmpty() && !fields.isEmpty()) {
      kind.refuseUpdate(r.get().spec(), spec, changed, tracked)
          .ifPresent(
              why -> {
                throw new SafetyException(
                    SafetyException.Code.UNCHANGEABLE, d.address() + ": " + why);
              });
    }
    if (forced.isEmpty() && !fields.isEmpty()) {
      forced = kind.replaceInstead(r.get().spec(), spec, changed, users);
    }
    if (forced.isPresent()) {
      Value fresh = ResourceObject.of(unknownIds(d, kind), spec, kind.nameField());
      return new ResourceChange(
          d.address(),
          Action.REPLACE,
          forced.get(),
          Optional.of(before),
          Optional.of(fresh),
          List.of(),
          deps);
    }
    if (r.get().tainted()) {
      Value fresh = ResourceObject.of(unknownIds(d, kind), spec, kind.nameField());
      String why = "tainted: an earlier apply created it but a follow-up call failed";
      return new ResourceChange(
          d.address(), Action.REPLACE, why, Optional.of(before), Optional.of(fresh), fields, deps);
    }
    if (fields.isEmpty()) {
      return new ResourceChange(
          d.address(), Action.NO_OP, "", Optional.of(before), Optional.of(after), fields, deps);
    }
    Optional<String> forcing =
        fields.stream()
            .map(FieldChange::pointer)
            .filter(p -> kind.fields().replaces(p))
            .findFirst();
    if (forcing.isPresent()) {
      Value fresh = ResourceObject.of(unknownIds(d, kind), spec, kind.nameField());
      String why =
          "changing spec"
              + forcing.get().replace('/', '.')
              + " cannot be done in place: it forces replacement";
      return new ResourceChange(
          d.address(), Action.REPLACE, why, Optional.of(before), Optional.of(fresh), fields, deps);
    }
    return new ResourceChange(
        d.address(), Action.UPDATE, "", Optional.of(before), Optional.of(after), fields, deps);
  }

  /**
   * A field the kind declares immutable can neither change in place nor by replacement (AEP cannot
   * delete the object, or refuses the change): the plan stops and says so.
   */
  private static boolean sameInAnotherForm(Kind kind, FieldChange f) {
    return f.before().isPresent()
        && f.after().isPresent()
        && kind.fields()
            .find(f.pointer())
            .map(field -> field.same(f.after().get(), f.before().get()))
            .orElse(false);
  }

  private static void refuseImmutable(Desired d, Kind kind, List<FieldChange> fields) {
    for (FieldChange f : fields) {
      kind.fields()
          .immutableAt(f.pointer())
          .ifPresent(
              field -> {
                throw new SafetyException(
                    SafetyException.Code.UNCHANGEABLE,
                    d.decl().specPosition(field.pointer())
                        + ": "
                        + d.address()
                        + ": spec"
                        + field.pointer().replace('/', '.')
                        + " cannot change once the "
                        + kind.kind()
                        + " exists, and the "
                        + kind.kind()
                        + " cannot be replaced: set it back to "
                        + f.before().map(v -> Values.toJsonRedacted(v).toString()).orElse("nothing")
                        + ", or declare a new resource");
              });
    }
  }

  /** Secrets recorded as unverified (imported objects) that the configuration declares. */
  private static List<String> unverified(Value recorded, Value desired) {
    List<String> out = new ArrayList<>();
    for (String pointer : Secrets.sensitivePointers(recorded, "")) {
      boolean marker =
          Values.at(recorded, pointer)
              .map(Values::unmark)
              .filter(v -> v.equals(new Value.Str(Secrets.UNVERIFIED)))
              .isPresent();
      if (marker
          && Values.at(desired, pointer).filter(v -> v instanceof Value.Sensitive).isPresent()) {
        out.add(pointer);
      }
    }
    return out;
  }

  /** The etag refresh just read: an update must send the current one, not the one of state. */
  private static Recorded withRemoteEtag(Recorded r, Value remote) {
    Optional<Value> etag = Values.at(remote, "/etag");
    if (etag.isEmpty() || !r.attributes().containsKey("etag")) {
      return r;
    }
    Map<String, Value> attributes = new LinkedHashMap<>(r.attributes());
    attributes.put("etag", etag.get());
    return new Recorded(r.address(), r.spec(), attributes, r.dependencies(), r.tainted());
  }

  /** A replaced object gets new ids (every attribute the platform assigns): known after apply. */
  private static Map<String, Value> unknownIds(Desired d, Kind kind) {
    Map<String, Value> out = new LinkedHashMap<>(d.attributes());
    for (String attr : d.attributes().keySet()) {
      if (!attr.equals(kind.nameField())) {
        out.put(attr, Resolver.unknown(d.address(), attr));
      }
    }
    return out;
  }

  static boolean under(String pointer, Set<String> prefixes) {
    return prefixes.stream()
        .anyMatch(
            p -> pointer.equals(p) || pointer.startsWith(p + "/") || p.startsWith(pointer + "/"));
  }

  /** The desired spec with what apply filled in at create time kept from state. */
  private static Value keepDefaults(Value spec, Recorded r, Kind kind) {
    Value out = spec;
    for (String pointer : kind.defaultedAtCreate()) {
      Optional<Value> kept = Values.at(r.spec(), pointer);
      if (Values.at(out, pointer).isEmpty() && kept.isPresent()) {
        out = Values.with(out, pointer, kept.get());
      }
    }
    return out;
  }

  private static List<ResourceChange> deletes(
      Resolver.Resolved desired,
      Map<Address, Recorded> recorded,
      Map<String, ? extends Kind> kinds,
      Marks marks) {
    Set<Address> wanted =
        desired.resources().stream().map(Desired::address).collect(Collectors.toSet());
    Map<Address, Recorded> gone = new LinkedHashMap<>();
    recorded.keySet().stream()
        .sorted()
        .filter(a -> !wanted.contains(a))
        .forEach(a -> gone.put(a, recorded.get(a)));
    List<Kind.Tracked> tracked = tracked(recorded);
    List<ResourceChange> out = new ArrayList<>();
    for (Address a : DeleteOrder.of(gone)) {
      Recorded r = gone.get(a);
      Kind kind = kinds.get(a.kind());
      Value before = ResourceObject.of(r.attributes(), r.spec(), kind.nameField());
      Optional<String> keep =
          Optional.ofNullable(marks.forget().get(a)).or(() -> kind.undeletable(r.spec(), tracked));
      if (keep.isEmpty()) {
        refuseDoublyTracked(r, recorded);
      }
      out.add(
          new ResourceChange(
              a,
              keep.isPresent() ? Action.FORGET : Action.DELETE,
              keep.orElse("not in the configuration"),
              Optional.of(before),
              Optional.empty(),
              List.of(),
              r.dependencies()));
    }
    return out;
  }

  /** A remote object two addresses track must never be deleted through one of them. */
  private static void refuseDoublyTracked(Recorded r, Map<Address, Recorded> recorded) {
    String id = id(r);
    recorded.values().stream()
        .filter(o -> !o.address().equals(r.address()))
        .filter(o -> o.address().kind().equals(r.address().kind()) && !id.isEmpty())
        .filter(o -> id(o).equals(id))
        .findFirst()
        .ifPresent(
            o -> {
              throw new StateException(
                  StateException.Code.CONFLICT,
                  r.address()
                      + " and "
                      + o.address()
                      + " both track the remote object "
                      + id
                      + ": deleting "
                      + r.address()
                      + " would delete the object "
                      + o.address()
                      + " still manages. Nothing was changed. Remove the stale address from"
                      + " state with: aepform state rm "
                      + r.address());
            });
  }

  private static String id(Recorded r) {
    return r.attributes().get("id") instanceof Value.Str s ? s.value() : "";
  }
}
