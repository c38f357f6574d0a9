package io.aepform.cli.render;

import io.aepform.engine.GraphResult;
import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.manifest.Address;

/**
 * The dependency graph as Graphviz DOT or a mermaid flowchart. Arrows point from a resource to what
 * it needs, as in {@code terraform graph}.
 */
public final class GraphRenderer {
  private GraphRenderer() {}

  public static String dot(GraphResult graph) {
    StringBuilder out = new StringBuilder("digraph aepform {\n");
    out.append("  rankdir = \"RL\";\n");
    out.append("  node [shape = box];\n");
    for (Address a : graph.nodes()) {
      out.append("  \"").append(a).append("\";\n");
    }
    for (DependencyGraph.Edge e : graph.edges()) {
      out.append("  \"")
          .append(e.dependent())
          .append("\" -> \"")
          .append(e.dependency())
          .append("\";\n");
    }
    return out.append("}\n").toString();
  }

  public static String mermaid(GraphResult graph) {
    StringBuilder out = new StringBuilder("flowchart RL\n");
    for (Address a : graph.nodes()) {
      out.append("  ").append(id(a)).append("[\"").append(a).append("\"]\n");
    }
    for (DependencyGraph.Edge e : graph.edges()) {
      out.append("  ")
          .append(id(e.dependent()))
          .append(" --> ")
          .append(id(e.dependency()))
          .append('\n');
    }
    return out.toString();
  }

  /** Mermaid node ids cannot contain dots. */
  private static String id(Address a) {
    return a.kind() + "_" + a.name();
  }
}
