package io.aepform.engine;

import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.manifest.Address;
import java.util.List;

/** The dependency graph: resources in dependency order and the edges between them. */
public record GraphResult(List<Address> nodes, List<DependencyGraph.Edge> edges) {
  public GraphResult {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }
}
