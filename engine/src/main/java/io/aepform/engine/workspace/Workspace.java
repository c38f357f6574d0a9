package io.aepform.engine.workspace;

import io.aepform.engine.ConfigRequest;
import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import io.aepform.engine.manifest.ManifestLoader;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.value.Value;
import io.aepform.state.StateStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A configuration read and checked up to its graph, with its environment and variables. */
public final class Workspace {
  private final Path dir;
  private final EnvironmentConfig env;
  private final Configuration config;
  private final DependencyGraph graph;
  private final Map<String, Value> variables;
  private final Map<String, String> processEnv;
  private final Map<String, Kind> handlers;
  private Resolver.Resolved offline;

  private Workspace(
      Path dir,
      EnvironmentConfig env,
      Configuration config,
      DependencyGraph graph,
      Map<String, Value> variables,
      Map<String, String> processEnv,
      Map<String, Kind> handlers) {
    this.dir = dir;
    this.env = env;
    this.config = config;
    this.graph = graph;
    this.variables = variables;
    this.processEnv = processEnv;
    this.handlers = handlers;
  }

  public static Workspace load(
      ConfigRequest request, Map<String, Kind> handlers, Map<String, String> processEnv) {
    Map<String, Kind> rules = Map.copyOf(handlers);
    EnvironmentConfig env = EnvironmentLoader.load(request.dir(), request.environment());
    Configuration config = new ManifestLoader(rules).load(request.dir());
    DependencyGraph graph = DependencyGraph.build(config);
    Map<String, Value> variables =
        VariableValues.resolve(config, env, request.inputs(), processEnv);
    return new Workspace(
        request.dir(), env, config, graph, variables, processEnv, Map.copyOf(handlers));
  }

  public Path dir() {
    return dir;
  }

  public EnvironmentConfig env() {
    return env;
  }

  public Configuration config() {
    return config;
  }

  public DependencyGraph graph() {
    return graph;
  }

  public Map<String, Value> variables() {
    return variables;
  }

  /** The kinds the configuration was loaded with, by their {@code kind:} word. */
  public Map<String, Kind> kinds() {
    return handlers;
  }

  /** The configuration resolved with the ids {@code known} gives (of recorded resources). */
  public Resolver.Resolved resolve(Resolver.KnownIds known) {
    return new Resolver(handlers).resolve(config, graph.order(), variables, processEnv, known);
  }

  /** Only the outputs, with the ids {@code known} gives. */
  public List<OutputValue> outputs(Resolver.KnownIds known) {
    return Resolver.outputs(config, variables, processEnv, known);
  }

  /**
   * The configuration resolved with no ids known: what every command checks before it reads state
   * or calls the platform, and the first pass of a plan against an empty state. Computed once.
   */
  public synchronized Resolver.Resolved offline() {
    if (offline == null) {
      offline = resolve((a, attr) -> Optional.empty());
    }
    return offline;
  }

  /** Where this environment's state lives: files under .aepform/, or a shared database. */
  public StateStore stateStore(Map<String, String> processEnv) {
    return StateStores.open(dir, env, processEnv);
  }
}
