package io.aepform.engine.graph;

import io.aepform.engine.manifest.Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;

/** Finds one concrete cycle and says it in words, with the position of every edge. */
final class Cycles {
  private Cycles() {}

  static Optional<List<DependencyGraph.Edge>> find(
      Graph<Address, DependencyGraph.Edge> graph,
      CycleDetector<Address, DependencyGraph.Edge> detector) {
    if (!detector.detectCycles()) {
      return Optional.empty();
    }
    Set<Address> inCycles = new TreeSet<>(detector.findCycles());
    Address start = inCycles.iterator().next();
    DependencyGraph.Edge self = graph.getEdge(start, start);
    if (self != null) {
      return Optional.of(List.of(self));
    }
    for (DependencyGraph.Edge first : sortedOutgoing(graph, start)) {
      if (!inCycles.contains(first.dependent())) {
        continue;
      }
      GraphPath<Address, DependencyGraph.Edge> back =
          BFSShortestPath.findPathBetween(graph, first.dependent(), start);
      if (back != null) {
        List<DependencyGraph.Edge> cycle = new ArrayList<>();
        cycle.add(first);
        cycle.addAll(back.getEdgeList());
        return Optional.of(cycle);
      }
    }
    throw new IllegalStateException("cycle detected but not found from " + start);
  }

  private static List<DependencyGraph.Edge> sortedOutgoing(
      Graph<Address, DependencyGraph.Edge> graph, Address from) {
    List<DependencyGraph.Edge> edges = new ArrayList<>(graph.outgoingEdgesOf(from));
    edges.sort((a, b) -> a.dependent().compareTo(b.dependent()));
    return edges;
  }

  /** E.g. "dependency cycle: flow.a needs connection.b (at a.yaml:3:9), connection.b needs ...". */
  static String describe(List<DependencyGraph.Edge> cycle) {
    List<DependencyGraph.Edge> needs = new ArrayList<>(cycle);
    Collections.reverse(needs);
    List<String> steps = new ArrayList<>();
    for (DependencyGraph.Edge e : needs) {
      steps.add(
          e.dependent()
              + " needs "
              + e.dependency()
              + " ("
              + e.cause().via()
              + " at "
              + e.cause().at()
              + ")");
    }
    return "dependency cycle: " + String.join(", ", steps) + ": remove one of these references";
  }
}
