package io.aepform.engine;

import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import io.aepform.engine.manifest.ManifestException;
import io.aepform.engine.manifest.ManifestLoader;
import io.aepform.engine.manifest.ResourceKind;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.Planner;
import io.aepform.engine.plan.Resolver;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.value.Value;
import java.util.Map;
import java.util.Optional;

/**
 * The library's facade: each operation reads a configuration and returns a result record. It never
 * prints; failures are {@link io.aepform.error.AepformException}s with a one-line message.
 */
public final class Engine {
  private final Map<String, ResourceKind> kinds;
  private final Map<String, String> processEnv;

  /** An engine with every built-in kind; {@code processEnv} serves {@code ${env.X}}. */
  public Engine(Map<String, String> processEnv) {
    this.kinds = Kinds.all();
    this.processEnv = Map.copyOf(processEnv);
  }

  /** Parses, resolves and checks the whole configuration offline: no state, no network. */
  public ValidationResult validate(ConfigRequest request) {
    try {
      Loaded loaded = load(request);
      resolve(loaded);
      return new ValidationResult(loaded.config().warnings(), loaded.config().resources().size());
    } catch (ManifestException e) {
      return new ValidationResult(e.problems(), 0);
    }
  }

  /** The dependency graph of the configuration. */
  public GraphResult graph(ConfigRequest request) {
    DependencyGraph graph = load(request).graph();
    return new GraphResult(graph.order(), graph.edges());
  }

  /** What apply would do. */
  public Plan plan(ConfigRequest request) {
    Loaded loaded = load(request);
    Resolver.Resolved resolved = resolve(loaded);
    return Planner.plan(loaded.env().name(), "", 0, resolved, Map.of(), loaded.config().warnings());
  }

  private Loaded load(ConfigRequest request) {
    EnvironmentConfig env = EnvironmentLoader.load(request.dir(), request.environment());
    Configuration config = new ManifestLoader(kinds).load(request.dir());
    DependencyGraph graph = DependencyGraph.build(config);
    Map<String, Value> variables =
        VariableValues.resolve(config, env, request.inputs(), processEnv);
    return new Loaded(env, config, graph, variables);
  }

  private Resolver.Resolved resolve(Loaded loaded) {
    return new Resolver(kinds)
        .resolve(
            loaded.config(),
            loaded.graph(),
            loaded.variables(),
            processEnv,
            (a, attr) -> Optional.empty());
  }

  /** A configuration read and checked up to its graph. */
  private record Loaded(
      EnvironmentConfig env,
      Configuration config,
      DependencyGraph graph,
      Map<String, Value> variables) {}
}
