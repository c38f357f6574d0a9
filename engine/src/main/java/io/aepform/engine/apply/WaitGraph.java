package io.aepform.engine.apply;

import io.aepform.engine.apply.Walker.Step;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.FieldChange;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which steps wait for which. Destroys go first and dependents first: the destroy of an object
 * waits for the destroys of everything that depends on it. Creates and updates go after what they
 * need, and a replaced object is re-created only after its own destroy. A follow-up (fields a kind
 * sets only once objects of another kind that reference it exist) waits for its own create or
 * update and for those objects; everything else that needs the object waits for the follow-up.
 */
final class WaitGraph {
  private WaitGraph() {}

  static List<Step> steps(ResourceChange c, Map<String, Kind> kinds) {
    List<Step> steps = new ArrayList<>();
    if (c.action() == Action.DELETE || c.action() == Action.REPLACE) {
      steps.add(new Step(c.address(), Step.Phase.DESTROY));
    }
    if (c.action() != Action.DELETE) {
      steps.add(new Step(c.address(), Step.Phase.BUILD));
      if (followsUp(c, kinds)) {
        steps.add(new Step(c.address(), Step.Phase.FOLLOW_UP));
      }
    }
    return steps;
  }

  /** True when the change sets fields its kind defers until other objects exist. */
  static boolean followsUp(ResourceChange c, Map<String, Kind> kinds) {
    Map<String, String> deferred = kinds.get(c.kind()).deferredUntil();
    if (deferred.isEmpty() || c.action() == Action.DELETE) {
      return false;
    }
    if (c.action() == Action.UPDATE) {
      return c.fields().stream().map(FieldChange::pointer).anyMatch(p -> under(p, deferred));
    }
    return deferred.keySet().stream()
        .anyMatch(p -> c.after().flatMap(a -> Values.at(a, "/spec" + p)).isPresent());
  }

  private static boolean under(String pointer, Map<String, String> deferred) {
    return deferred.keySet().stream()
        .anyMatch(d -> pointer.equals(d) || pointer.startsWith(d + "/"));
  }

  static Map<Step, Set<Step>> of(Map<Address, ResourceChange> todo, Map<String, Kind> kinds) {
    Map<Step, Set<Step>> waits = new LinkedHashMap<>();
    todo.values().forEach(c -> steps(c, kinds).forEach(s -> waits.put(s, new HashSet<>())));
    for (ResourceChange c : todo.values()) {
      Step destroy = new Step(c.address(), Step.Phase.DESTROY);
      Step build = new Step(c.address(), Step.Phase.BUILD);
      Step followUp = new Step(c.address(), Step.Phase.FOLLOW_UP);
      if (waits.containsKey(destroy) && waits.containsKey(build)) {
        waits.get(build).add(destroy);
      }
      if (waits.containsKey(followUp)) {
        waits.get(followUp).add(build);
      }
      for (Address dep : c.dependencies()) {
        Step depDestroy = new Step(dep, Step.Phase.DESTROY);
        Step depBuild = new Step(dep, Step.Phase.BUILD);
        Step depFollowUp = new Step(dep, Step.Phase.FOLLOW_UP);
        if (waits.containsKey(destroy) && waits.containsKey(depDestroy)) {
          waits.get(depDestroy).add(destroy);
        }
        if (waits.containsKey(build) && waits.containsKey(depBuild)) {
          waits.get(build).add(depBuild);
        }
        if (waits.containsKey(build) && waits.containsKey(depFollowUp)) {
          boolean awaited = kinds.get(dep.kind()).deferredUntil().containsValue(c.kind());
          if (awaited) {
            waits.get(depFollowUp).add(build);
          } else {
            waits.get(build).add(depFollowUp);
          }
        }
      }
    }
    return waits;
  }
}
