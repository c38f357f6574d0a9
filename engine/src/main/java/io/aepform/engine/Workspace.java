package io.aepform.engine;

import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import io.aepform.engine.manifest.ManifestLoader;
import io.aepform.engine.manifest.ResourceKind;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.value.Value;
import io.aepform.state.StateStore;
import java.nio.file.Path;
import java.util.Map;

/** A configuration read and checked up to its graph, with its environment and variables. */
record Workspace(
    Path dir,
    EnvironmentConfig env,
    Configuration config,
    DependencyGraph graph,
    Map<String, Value> variables) {

  static Workspace load(
      ConfigRequest request,
      Map<String, ? extends ResourceKind> kinds,
      Map<String, String> processEnv) {
    Map<String, ResourceKind> rules = Map.copyOf(kinds);
    EnvironmentConfig env = EnvironmentLoader.load(request.dir(), request.environment());
    Configuration config = new ManifestLoader(rules).load(request.dir());
    DependencyGraph graph = DependencyGraph.build(config);
    Map<String, Value> variables =
        VariableValues.resolve(config, env, request.inputs(), processEnv);
    return new Workspace(request.dir(), env, config, graph, variables);
  }

  /** Where this environment's state lives: files under .aepform/, or a shared database. */
  StateStore stateStore(Map<String, String> processEnv) {
    return StateStores.open(dir, env, processEnv);
  }
}
