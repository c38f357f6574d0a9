package io.aepform.engine.workspace;

import io.aepform.engine.ConfigRequest;
import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import io.aepform.engine.manifest.Evaluator;
import io.aepform.engine.manifest.ManifestLoader;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.manifest.PlatformFacts;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.manifest.SecretInputs;
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
  private Boolean usesPlatform;

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
    return load(
        request,
        EnvironmentLoader.load(request.dir(), request.environment()),
        handlers,
        processEnv);
  }

  /** As above, with the request's environment file already read into {@code env}. */
  public static Workspace load(
      ConfigRequest request,
      EnvironmentConfig env,
      Map<String, Kind> handlers,
      Map<String, String> processEnv) {
    Map<String, Kind> rules = Map.copyOf(handlers);
    Configuration config = new ManifestLoader(rules).load(request.dir());
    DependencyGraph graph = DependencyGraph.build(config);
    Map<String, Value> variables =
        VariableValues.resolve(
            config, env, request.inputs(), processEnv, SecretInputs.of(config, rules));
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

  /** A value of the configuration evaluated with its variables and environment (no resource). */
  public Value evaluate(Value value, Position at) {
    return new Evaluator(new Evaluator.Scope(variables, processEnv, (a, attr) -> Optional.empty()))
        .evaluate(value, p -> at);
  }

  /** The kinds the configuration was loaded with, by their {@code kind:} word. */
  public Map<String, Kind> kinds() {
    return handlers;
  }

  /** The configuration resolved with the ids {@code known} gives (of recorded resources). */
  public Resolver.Resolved resolve(Resolver.KnownIds known) {
    return resolve(known, PlatformFacts.unknown());
  }

  /** As {@link #resolve(Resolver.KnownIds)}, with facts of the platform such as its tenant id. */
  public Resolver.Resolved resolve(Resolver.KnownIds known, PlatformFacts platform) {
    return new Resolver(handlers)
        .resolve(config, graph.order(), variables, processEnv, known, platform);
  }

  /**
   * The platform's facts if the configuration reads any, asked of {@code session} once: what an
   * import compares the remote object with holds custom fields under {@code _${platform.tenantId}}.
   */
  public PlatformFacts factsFrom(Connector.Session session) {
    return usesPlatformFacts() ? session.platformFacts() : PlatformFacts.unknown();
  }

  /** True when an expression reads a fact of the platform ({@code ${platform.tenantId}}). */
  public synchronized boolean usesPlatformFacts() {
    if (usesPlatform == null) {
      usesPlatform =
          config.resources().stream().anyMatch(r -> mentionsPlatform(r.spec()))
              || config.outputs().stream().anyMatch(o -> mentionsPlatform(o.value()));
    }
    return usesPlatform;
  }

  private static boolean mentionsPlatform(Value v) {
    if (v instanceof Value.Template t) {
      return t.source().contains("${platform.");
    } else if (v instanceof Value.Obj o) {
      return o.fields().entrySet().stream()
          .anyMatch(e -> e.getKey().contains("${platform.") || mentionsPlatform(e.getValue()));
    } else if (v instanceof Value.Arr a) {
      return a.items().stream().anyMatch(Workspace::mentionsPlatform);
    }
    return false;
  }

  /**
   * The outputs as {@link #resolve(Resolver.KnownIds)} gives them, resolving only the resources
   * whose names they read.
   */
  public List<OutputValue> outputsResolving(Resolver.KnownIds known, PlatformFacts platform) {
    return new Resolver(handlers).outputsResolving(config, variables, processEnv, known, platform);
  }

  /** Only the outputs, with the ids {@code known} gives and the platform's facts. */
  public List<OutputValue> outputs(Resolver.KnownIds known, PlatformFacts platform) {
    return Resolver.outputs(config, variables, processEnv, known, platform);
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
