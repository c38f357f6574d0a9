package io.aepform.engine.plan;

import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Dependency;
import io.aepform.engine.manifest.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Orders resources known only from state so that dependents are deleted first. */
final class DeleteOrder {
  private DeleteOrder() {}

  static List<Address> of(Map<Address, Recorded> gone) {
    List<DependencyGraph.Edge> edges = new ArrayList<>();
    for (Recorded r : gone.values()) {
      for (Address dep : r.dependencies()) {
        if (gone.containsKey(dep)) {
          edges.add(
              new DependencyGraph.Edge(
                  dep, r.address(), new Dependency(dep, Position.of("state"), "state")));
        }
      }
    }
    List<Address> order =
        new ArrayList<>(DependencyGraph.build(List.copyOf(gone.keySet()), edges).order());
    Collections.reverse(order);
    return order;
  }
}
