package io.aepform.engine.plan;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.SafetyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a plan must never do by accident: replace an object that holds data unless named with
 * --replace, or replace one whose new object ingests its data again into a kept destination. The
 * kinds say what holds data and what replays it; this class only applies the rule.
 */
public final class DataSafety {
  private DataSafety() {}

  public static void check(Plan plan, Map<String, Kind> kinds, Set<Address> confirmed) {
    for (ResourceChange c : plan.changes()) {
      if (c.action() == Action.UPDATE && !confirmed.contains(c.address())) {
        refuseLossyUpdate(c, kinds.get(c.kind()));
      }
      if (c.action() != Action.REPLACE || confirmed.contains(c.address())) {
        continue;
      }
      refuseReplay(c, plan, kinds);
      kinds
          .get(c.kind())
          .losesData()
          .ifPresent(
              loses -> {
                throw new SafetyException(
                    SafetyException.Code.DATA_LOSS,
                    c.address()
                        + " would be replaced ("
                        + c.reason()
                        + "): that "
                        + loses
                        + ". aepform never does this implicitly. To confirm, plan again with --replace "
                        + c.address());
              });
    }
  }

  /** An in-place update that destroys data (disabling Profile on a dataset) needs --replace. */
  private static void refuseLossyUpdate(ResourceChange c, Kind kind) {
    Value before = c.before().flatMap(b -> Values.at(b, "/spec")).orElse(Value.Obj.empty());
    Value after = c.after().flatMap(a -> Values.at(a, "/spec")).orElse(Value.Obj.empty());
    List<String> changed = c.fields().stream().map(FieldChange::pointer).toList();
    kind.updateLosesData(before, after, changed)
        .ifPresent(
            loses -> {
              throw new SafetyException(
                  SafetyException.Code.DATA_LOSS,
                  c.address()
                      + " would be updated in place, and that "
                      + loses
                      + ". aepform never does this implicitly. To confirm, plan again with"
                      + " --replace "
                      + c.address()
                      + ": for this change it confirms the update (the object is updated in"
                      + " place, not replaced)");
            });
  }

  /**
   * A replacement whose first run ingests again what its predecessor ingested (a flow that
   * backfills) must not write into a kept destination (a dataset): that duplicates its data.
   */
  private static void refuseReplay(ResourceChange c, Plan plan, Map<String, Kind> kinds) {
    Value spec = c.after().flatMap(a -> Values.at(a, "/spec")).orElse(Value.Obj.empty());
    Optional<Kind.Replay> replay = kinds.get(c.kind()).replaysData(spec);
    if (replay.isEmpty()) {
      return;
    }
    Set<Address> needed = PlanGraph.of(plan).withDependencies(Set.of(c.address()));
    for (ResourceChange dep : plan.changes()) {
      if (needed.contains(dep.address())
          && !dep.address().equals(c.address())
          && kinds.get(dep.kind()).receivesIngestedData()
          && !dep.action().adds()) {
        throw new SafetyException(
            SafetyException.Code.DATA_LOSS,
            c.address()
                + " would be replaced ("
                + c.reason()
                + "), and "
                + replay.get().what()
                + " into "
                + dep.address()
                + ", which is kept, duplicating its data. "
                + replay.get().avoid()
                + ", or confirm with --replace "
                + c.address());
      }
    }
  }

  /**
   * Fields a kind declares irreversible (a schema's union tag): AEP never unsets them, so a plan
   * that would is refused, and one that sets them says that it cannot be undone.
   */
  public static Plan withIrreversibleChecks(Plan plan, Map<String, Kind> kinds) {
    List<Problem> warnings = new ArrayList<>(plan.warnings());
    for (ResourceChange c : plan.changes()) {
      Kind kind = kinds.get(c.kind());
      Value before = c.before().flatMap(b -> Values.at(b, "/spec")).orElse(Value.Obj.empty());
      Value after = c.after().flatMap(a -> Values.at(a, "/spec")).orElse(Value.Obj.empty());
      if (c.action() == Action.DELETE || c.action() == Action.FORGET) {
        continue;
      }
      for (Field f : kind.fields().all()) {
        if (!f.isIrreversible() || f.pointer().contains("*")) {
          continue;
        }
        Optional<Value> was = Values.at(before, f.pointer()).map(Values::unmark);
        Optional<Value> now = Values.at(after, f.pointer()).map(Values::unmark);
        if (was.isPresent() && !covers(now, was.get())) {
          throw new SafetyException(
              SafetyException.Code.UNCHANGEABLE,
              c.address()
                  + ": spec"
                  + f.pointer().replace('/', '.')
                  + " is "
                  + Values.toJsonRedacted(was.get())
                  + " and AEP never unsets it"
                  + (f.description().isEmpty() ? "" : " (" + f.description() + ")")
                  + ": keep it in the manifest. Nothing was changed");
        }
        if (now.isPresent() && !covers(was, now.get())) {
          warnings.add(
              Problem.warning(
                  Position.of(c.address().toString()),
                  "sets spec"
                      + f.pointer().replace('/', '.')
                      + " to "
                      + Values.toJsonRedacted(now.get())
                      + ", which cannot be undone"
                      + (f.description().isEmpty() ? "" : ": " + f.description())));
        }
      }
    }
    return new Plan(
        plan.environment(),
        plan.lineage(),
        plan.serial(),
        plan.changes(),
        plan.drift(),
        plan.outputs(),
        warnings);
  }

  /** True when {@code value} holds {@code required} (for lists: every item of it). */
  private static boolean covers(Optional<Value> value, Value required) {
    if (value.isEmpty()) {
      return false;
    }
    if (value.get() instanceof Value.Arr have && required instanceof Value.Arr need) {
      return have.items().containsAll(need.items());
    }
    return Values.looselyEqual(value.get(), required);
  }

  /** The kinds' warnings for objects a plan (re-)creates from scratch while they existed before. */
  public static Plan withRecreateWarnings(Plan plan, Map<String, Kind> kinds) {
    List<Problem> warnings = new ArrayList<>(plan.warnings());
    for (ResourceChange c : plan.changes()) {
      boolean recreated =
          c.action() == Action.REPLACE || (c.action() == Action.CREATE && !c.reason().isEmpty());
      if (recreated) {
        Value spec = c.after().flatMap(a -> Values.at(a, "/spec")).orElse(Value.Obj.empty());
        for (String warning : kinds.get(c.kind()).replaceWarnings(spec)) {
          warnings.add(Problem.warning(Position.of(c.address().toString()), warning));
        }
      }
    }
    return new Plan(
        plan.environment(),
        plan.lineage(),
        plan.serial(),
        plan.changes(),
        plan.drift(),
        plan.outputs(),
        warnings);
  }
}
