package io.aepform.engine.plan;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.value.Value;
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

  /** The plan for {@code desired} (in dependency order) against {@code recorded}. */
  public static Plan plan(
      String environment,
      String lineage,
      long serial,
      Resolver.Resolved desired,
      Map<Address, Recorded> recorded,
      List<Problem> warnings) {
    List<ResourceChange> changes = new ArrayList<>();
    for (Desired d : desired.resources()) {
      changes.add(change(d, Optional.ofNullable(recorded.get(d.address()))));
    }
    changes.addAll(deletes(desired, recorded));
    return new Plan(environment, lineage, serial, changes, List.of(), desired.outputs(), warnings);
  }

  private static ResourceChange change(Desired d, Optional<Recorded> r) {
    List<Address> deps =
        d.decl().dependencies().stream().map(x -> x.target()).distinct().sorted().toList();
    Value after = ResourceObject.of(d.attributes(), d.spec(), d.decl().kind());
    if (r.isEmpty()) {
      return new ResourceChange(
          d.address(), Action.CREATE, "", Optional.empty(), Optional.of(after), List.of(), deps);
    }
    Value before = ResourceObject.of(r.get().attributes(), r.get().spec(), d.decl().kind());
    List<FieldChange> fields = Diff.fields(r.get().spec(), d.spec());
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
