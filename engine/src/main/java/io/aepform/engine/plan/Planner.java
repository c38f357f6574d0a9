package io.aepform.engine.plan;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.manifest.ResourceKind;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Diffs what the configuration wants against what state records, into one {@link ResourceChange}
 * per resource: creates and updates in dependency order, then deletes with dependents first.
 */
public final class Planner {
  private Planner() {}

  /**
   * The plan for {@code desired} (in dependency order) against {@code recorded}; secrets compare
   * through their digests under {@code salt}.
   */
  public static Plan plan(
      String environment,
      String lineage,
      long serial,
      String salt,
      Map<String, ? extends ResourceKind> kinds,
      Resolver.Resolved desired,
      Map<Address, Recorded> recorded,
      List<Problem> warnings) {
    List<ResourceChange> changes = new ArrayList<>();
    for (Desired d : desired.resources()) {
      Optional<Recorded> r = Optional.ofNullable(recorded.get(d.address()));
      changes.add(change(d, keepDefaults(d, r, kinds.get(d.decl().kind())), r, salt));
    }
    changes.addAll(deletes(desired, recorded));
    return new Plan(environment, lineage, serial, changes, List.of(), desired.outputs(), warnings);
  }

  /** The desired spec with what apply filled in at create time kept from state. */
  private static Value keepDefaults(Desired d, Optional<Recorded> r, ResourceKind kind) {
    Value spec = d.spec();
    if (r.isEmpty()) {
      return spec;
    }
    for (String pointer : kind.defaultedAtCreate()) {
      Optional<Value> kept = Values.at(r.get().spec(), pointer);
      if (Values.at(spec, pointer).isEmpty() && kept.isPresent()) {
        spec = Values.with(spec, pointer, kept.get());
      }
    }
    return spec;
  }

  private static ResourceChange change(Desired d, Value spec, Optional<Recorded> r, String salt) {
    List<Address> deps =
        d.decl().dependencies().stream().map(x -> x.target()).distinct().sorted().toList();
    Value after = ResourceObject.of(d.attributes(), spec, d.decl().kind());
    if (r.isEmpty()) {
      return new ResourceChange(
          d.address(), Action.CREATE, "", Optional.empty(), Optional.of(after), List.of(), deps);
    }
    Value before = ResourceObject.of(r.get().attributes(), r.get().spec(), d.decl().kind());
    List<FieldChange> fields = Diff.fields(r.get().spec(), Secrets.digested(spec, salt));
    Action action = fields.isEmpty() ? Action.NO_OP : Action.UPDATE;
    return new ResourceChange(
        d.address(), action, "", Optional.of(before), Optional.of(after), fields, deps);
  }

  private static List<ResourceChange> deletes(
      Resolver.Resolved desired, Map<Address, Recorded> recorded) {
    Set<Address> wanted =
        desired.resources().stream().map(Desired::address).collect(Collectors.toSet());
    Map<Address, Recorded> gone = new LinkedHashMap<>();
    recorded.keySet().stream()
        .sorted()
        .filter(a -> !wanted.contains(a))
        .forEach(a -> gone.put(a, recorded.get(a)));
    List<ResourceChange> out = new ArrayList<>();
    for (Address a : DeleteOrder.of(gone)) {
      Recorded r = gone.get(a);
      Value before = ResourceObject.of(r.attributes(), r.spec(), a.kind());
      out.add(
          new ResourceChange(
              a,
              Action.DELETE,
              "not in the configuration",
              Optional.of(before),
              Optional.empty(),
              List.of(),
              r.dependencies()));
    }
    return out;
  }
}
