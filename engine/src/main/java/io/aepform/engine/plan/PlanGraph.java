package io.aepform.engine.plan;

import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Dependency;
import io.aepform.engine.manifest.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * The dependency graph of a plan's changes: the configuration's dependencies, and state's for what
 * is deleted. Selection and the data-safety rules walk it instead of walking the changes again.
 */
final class PlanGraph {
  private PlanGraph() {}

  static DependencyGraph of(Plan plan) {
    List<DependencyGraph.Edge> edges = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      for (Address dep : c.dependencies()) {
        edges.add(
            new DependencyGraph.Edge(
                dep, c.address(), new Dependency(dep, Position.of("plan"), "plan")));
      }
    }
    return DependencyGraph.build(
        plan.changes().stream().map(ResourceChange::address).toList(), edges);
  }
}
