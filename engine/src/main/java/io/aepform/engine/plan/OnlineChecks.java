package io.aepform.engine.plan;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.manifest.ManifestException;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.engine.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a plan learns from the platform beyond refresh: the kinds' online checks of what it would
 * create or update (Data Prep validates mappings), and what the platform does by itself to other
 * objects when a change is made (a new default merge policy demotes the previous one).
 */
final class OnlineChecks {
  private OnlineChecks() {}

  /**
   * Refuses the plan when a kind's online check finds problems in a spec it would send, each at its
   * position in the manifests.
   */
  static void refuse(Plan plan, Map<String, Kind> kinds, Workspace ws, PlatformClient client) {
    List<Problem> problems = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      if (!(c.action().adds() || c.action() == Action.UPDATE)) {
        continue;
      }
      Value spec = specOf(c.after());
      Optional<String> id =
          c.action() == Action.UPDATE ? text(c.before(), "/id") : Optional.empty();
      for (SpecProblem p : kinds.get(c.kind()).checkOnline(client, spec, id)) {
        Position at =
            ws.config()
                .resource(c.address())
                .map(r -> r.specPosition(p.pointer()))
                .orElse(Position.of(c.address().toString()));
        problems.add(Problem.error(at, c.address() + ": " + p.message()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ManifestException(problems);
    }
  }

  /**
   * The plan with the kinds' side-effect warnings of each change; {@code inventory} lists what the
   * sandbox holds (none for a plan made without the platform).
   */
  static Plan withSideEffects(Plan plan, Map<String, Kind> kinds, Optional<Inventory> inventory) {
    List<Problem> warnings = new ArrayList<>(plan.warnings());
    for (ResourceChange c : plan.changes()) {
      if (c.action() == Action.NO_OP || c.action() == Action.FORGET) {
        continue;
      }
      Optional<Value> before = c.before().flatMap(b -> Values.at(b, "/spec"));
      Optional<Value> after =
          c.action() == Action.DELETE
              ? Optional.empty()
              : c.after().flatMap(a -> Values.at(a, "/spec"));
      Supplier<List<Remote>> others = () -> inventory.map(i -> i.all(c.kind())).orElse(List.of());
      for (String warning : kinds.get(c.kind()).sideEffects(before, after, others)) {
        Problem p = Problem.warning(Position.of(c.address().toString()), warning);
        if (!warnings.contains(p)) { // a re-created object may have it from its kind already
          warnings.add(p);
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

  private static Value specOf(Optional<Value> object) {
    return object.flatMap(o -> Values.at(o, "/spec")).orElse(Value.Obj.empty());
  }

  private static Optional<String> text(Optional<Value> object, String pointer) {
    return object
        .flatMap(o -> Values.at(o, pointer))
        .filter(v -> v instanceof Value.Str)
        .map(v -> ((Value.Str) v).value());
  }
}
