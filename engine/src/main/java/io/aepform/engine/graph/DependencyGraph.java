package io.aepform.engine.graph;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.Dependency;
import io.aepform.engine.manifest.ResourceDecl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The resources and their dependencies as a DAG (JGraphT). Edges point from a resource to the ones
 * that need it, so the topological order creates dependencies first.
 */
public final class DependencyGraph {
  private final Graph<Address, Edge> graph;
  private final List<Address> order;

  /** An edge: {@code dependent} needs {@code dependency}, because of {@code cause}. */
  public record Edge(Address dependency, Address dependent, Dependency cause) {
    // written out: generated record methods are slow until compiled (see Address)
    @Override
    public boolean equals(Object o) {
      return o instanceof Edge e
          && dependency.equals(e.dependency)
          && dependent.equals(e.dependent)
          && cause.equals(e.cause);
    }

    @Override
    public int hashCode() {
      return (31 * dependency.hashCode() + dependent.hashCode()) * 31 + cause.hashCode();
    }
  }

  private DependencyGraph(Graph<Address, Edge> graph, List<Address> order) {
    this.graph = graph;
    this.order = order;
  }

  /** Builds the graph; a cycle is a {@link GraphException} naming every edge of it. */
  public static DependencyGraph build(Configuration config) {
    return build(config.resources().stream().map(ResourceDecl::address).toList(), edges(config));
  }

  /** Builds a graph from nodes and edges, e.g. of resources that are only in state. */
  public static DependencyGraph build(List<Address> nodes, List<Edge> edges) {
    Graph<Address, Edge> graph = new DefaultDirectedGraph<>(null, null, false);
    nodes.forEach(graph::addVertex);
    for (Edge e : edges) {
      graph.addVertex(e.dependency());
      graph.addVertex(e.dependent());
      if (!graph.containsEdge(e.dependency(), e.dependent())) {
        graph.addEdge(e.dependency(), e.dependent(), e);
      }
    }
    // the topological sort fails on a cycle; only then is the cycle looked for, to name it
    Optional<List<Address>> order = topologicalOrder(graph);
    if (order.isEmpty()) {
      List<Edge> cycle = Cycles.find(graph, new CycleDetector<>(graph)).orElseThrow();
      throw new GraphException(
          GraphException.Code.CYCLE, cycle.get(0).cause().at(), Cycles.describe(cycle));
    }
    return new DependencyGraph(graph, order.get());
  }

  private static List<Edge> edges(Configuration config) {
    List<Edge> edges = new ArrayList<>();
    for (ResourceDecl r : config.resources()) {
      for (Dependency d : r.dependencies()) {
        edges.add(new Edge(d.target(), r.address(), d));
      }
    }
    return edges;
  }

  /** Every resource, dependencies before dependents, ties broken by address. */
  public List<Address> order() {
    return order;
  }

  /** The edges, sorted by dependent then dependency. */
  public List<Edge> edges() {
    return graph.edgeSet().stream()
        .sorted(Comparator.comparing(Edge::dependent).thenComparing(Edge::dependency))
        .toList();
  }

  /** What {@code address} needs directly. */
  public Set<Address> dependenciesOf(Address address) {
    Set<Address> out = new TreeSet<>();
    graph.incomingEdgesOf(address).forEach(e -> out.add(e.dependency()));
    return out;
  }

  /** What needs {@code address} directly. */
  public Set<Address> dependentsOf(Address address) {
    Set<Address> out = new TreeSet<>();
    graph.outgoingEdgesOf(address).forEach(e -> out.add(e.dependent()));
    return out;
  }

  /** {@code from} and everything it needs, directly or not. */
  public Set<Address> withDependencies(Set<Address> from) {
    return reach(from, this::dependenciesOf);
  }

  /** {@code from} and everything that needs it, directly or not. */
  public Set<Address> withDependents(Set<Address> from) {
    return reach(from, this::dependentsOf);
  }

  private Set<Address> reach(Set<Address> from, Function<Address, Set<Address>> next) {
    Set<Address> seen = new TreeSet<>(from);
    Deque<Address> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      Address a = todo.pop();
      if (graph.containsVertex(a)) {
        next.apply(a).stream().filter(seen::add).forEach(todo::add);
      }
    }
    return seen;
  }

  public boolean contains(Address address) {
    return graph.containsVertex(address);
  }

  /** Dependencies first, ties broken by address; empty when the graph has a cycle. */
  private static Optional<List<Address>> topologicalOrder(Graph<Address, Edge> graph) {
    List<Address> out = new ArrayList<>(graph.vertexSet().size());
    try {
      new TopologicalOrderIterator<>(graph, Comparator.<Address>naturalOrder())
          .forEachRemaining(out::add);
    } catch (IllegalArgumentException e) { // NotDirectedAcyclicGraphException
      return Optional.empty();
    }
    return out.size() == graph.vertexSet().size()
        ? Optional.of(List.copyOf(out))
        : Optional.empty();
  }
}
