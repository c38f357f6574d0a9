package io.aepform.cli;

import io.aepform.cli.render.GraphRenderer;
import io.aepform.engine.Engine;
import io.aepform.engine.GraphResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aepform graph}: the dependency graph as DOT or mermaid. */
@Command(
    name = "graph",
    description = "Print the dependency graph.",
    footer = {
      "",
      "Examples:",
      "  aepform graph | dot -Tsvg > graph.svg",
      "  aepform graph --format mermaid"
    })
final class GraphCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      paramLabel = "dot|mermaid",
      description = "Output format (default: dot).")
  Format format = Format.dot;

  enum Format {
    dot,
    mermaid
  }

  GraphCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    GraphResult graph = new Engine(cli.env()).graph(common.request());
    cli.out().print(format == Format.dot ? GraphRenderer.dot(graph) : GraphRenderer.mermaid(graph));
    return 0;
  }
}
