package io.aepform.engine;

import io.aepform.engine.apply.AdaptiveLimiter;
import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.apply.Applying;
import io.aepform.engine.edit.StateEditing;
import io.aepform.engine.edit.StatePush;
import io.aepform.engine.export.ExportResult;
import io.aepform.engine.export.Exporting;
import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.graph.GraphException;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import io.aepform.engine.manifest.ManifestException;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.monitor.Monitoring;
import io.aepform.engine.monitor.RunWaitResult;
import io.aepform.engine.monitor.StatusResult;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.Planning;
import io.aepform.engine.plan.SavedPlans;
import io.aepform.engine.plan.Secrets;
import io.aepform.engine.plan.Selection;
import io.aepform.engine.plan.StateView;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.recovery.PendingListener;
import io.aepform.engine.recovery.PendingResolver;
import io.aepform.engine.workspace.Connector;
import io.aepform.engine.workspace.LocalHistory;
import io.aepform.engine.workspace.SessionAhead;
import io.aepform.engine.workspace.StateStores;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.UsageException;
import io.aepform.state.LocalStateStore;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import io.aepform.state.StateHistory;
import io.aepform.state.StateStore;
import io.aepform.state.StateVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The library's facade: each operation reads a configuration and returns a result record. It never
 * prints; failures are {@link io.aepform.error.AepformException}s with a one-line message.
 */
public final class Engine {
  private final EngineSettings settings;
  private final Map<String, Kind> handlers;

  /** An offline engine: {@code processEnv} serves {@code ${env.X}}. */
  public Engine(Map<String, String> processEnv) {
    this(EngineSettings.of(processEnv));
  }

  public Engine(EngineSettings settings) {
    this.settings = settings;
    this.handlers = Kinds.all(settings.clock());
  }

  /** Every kind aepform manages, by its {@code kind:} word, in export order. */
  public static List<String> kindNames() {
    return List.copyOf(Kinds.all(Clock.systemUTC()).keySet());
  }

  /** Parses, resolves and checks the whole configuration offline: no state, no network. */
  public ValidationResult validate(ConfigRequest request) {
    try {
      Workspace ws = load(request);
      resolveOffline(ws);
      return new ValidationResult(ws.config().warnings(), ws.config().resources().size());
    } catch (ManifestException e) {
      return new ValidationResult(e.problems(), 0);
    } catch (GraphException e) {
      return new ValidationResult(List.of(e.problem()), 0);
    }
  }

  /** The dependency graph of the configuration. */
  public GraphResult graph(ConfigRequest request) {
    DependencyGraph graph = load(request).graph();
    return new GraphResult(graph.order(), graph.edges());
  }

  /**
   * What apply would do. With refresh, the platform is asked (interrupted creates are looked up,
   * names of new objects checked); without it, the plan is made from files and state alone.
   */
  public Plan plan(ConfigRequest request, PlanOptions options) {
    return plan(request, options, PendingListener.none());
  }

  /** As above, telling {@code pending} while it waits for an interrupted create to show up. */
  public Plan plan(ConfigRequest request, PlanOptions options, PendingListener pending) {
    return plan(load(request), options, pending);
  }

  /** Plans and saves the plan to {@code out}, for a later {@link #applySaved}. */
  public Plan savePlan(ConfigRequest request, PlanOptions options, Path out) {
    return savePlan(request, options, out, PendingListener.none());
  }

  /** As above, telling {@code pending} while it waits for an interrupted create to show up. */
  public Plan savePlan(
      ConfigRequest request, PlanOptions options, Path out, PendingListener pending) {
    Workspace ws = load(request);
    Plan plan = plan(ws, options, pending);
    SavedPlans.write(out, plan, ws, request.inputs(), options);
    return plan;
  }

  /** The plan saved in {@code file}, e.g. to show it. Secrets in it are digests. */
  public Plan readPlan(Path file) {
    return SavedPlans.read(file).plan();
  }

  /** The options a plan file was made with (--target, --refresh-only...), which apply uses. */
  public PlanOptions planOptions(Path file) {
    return SavedPlans.read(file).options();
  }

  /** The environment a plan file was made for. */
  public String planEnvironment(Path file) {
    return SavedPlans.read(file).environment();
  }

  /**
   * Applies the plan saved in {@code file} without asking (it was reviewed): refused when the state
   * changed since, or when the configuration, variables or secrets no longer give exactly that
   * plan. {@code request.confirm()} is not called.
   */
  public ApplyResult applySaved(Path file, ApplyRequest request) {
    SavedPlans.SavedPlan saved = SavedPlans.read(file);
    Workspace bare =
        load(
            new ConfigRequest(
                request.config().dir(), saved.environment(), VariableValues.Inputs.none()));
    ConfigRequest config =
        new ConfigRequest(
            request.config().dir(),
            saved.environment(),
            SavedPlans.inputsFor(saved, request.config().inputs(), bare.config()));
    Workspace ws = load(config);
    SavedPlans.checkSensitive(saved, ws.variables());
    resolveOffline(ws);
    // the plan is applied with the options it was made with (--target, --replace, --destroy...)
    ApplyRequest reviewed =
        new ApplyRequest(
            config,
            saved.options(),
            request.parallelism(),
            request.lockTimeout(),
            request.confirm(),
            request.listener(),
            request.cancel());
    return Applying.apply(
        ws, reviewed, handlers, settings, Optional.of(saved), saved.options().destroy());
  }

  private Plan plan(Workspace ws, PlanOptions options, PendingListener pending) {
    resolveOffline(ws); // bad input fails before any state read or call
    Optional<State> state = ws.stateStore(settings.processEnv()).read();
    if (options.destroy()) {
      return state
          .map(s -> Selection.select(Planning.destroy(ws, s, handlers), options, ws))
          .orElseGet(
              () ->
                  new Plan(
                      ws.env().name(),
                      "",
                      0,
                      List.of(),
                      List.of(),
                      List.of(),
                      ws.config().warnings()));
    }
    if (!options.refresh()) {
      return Planning.plan(ws, state, handlers, Optional.empty(), options);
    }
    try (Connector.Session session = Connector.open(ws.env(), ws.dir(), settings)) {
      session.redactor().registerAll(Secrets.configured(ws.offline()));
      state.ifPresent(s -> s.checkBelongsTo(session.sandbox(), session.imsOrg()));
      Optional<State> settled = state.map(s -> settle(s, session, pending));
      return Planning.plan(ws, settled, handlers, Optional.of(session), options);
    }
  }

  /** Carries out the plan of the configuration, after {@code request.confirm()} agrees. */
  public ApplyResult apply(ApplyRequest request) {
    AdaptiveLimiter limiter = Applying.limiter(request);
    // the environment file is read first, as loading always did; the HTTP client is built while
    // the manifests load, and sends nothing before they are valid
    ConfigRequest config = request.config();
    EnvironmentConfig env = EnvironmentLoader.load(config.dir(), config.environment());
    try (SessionAhead ahead = SessionAhead.start(env, config.dir(), settings, limiter)) {
      Workspace ws = Workspace.load(config, env, Map.copyOf(handlers), settings.processEnv());
      resolveOffline(ws); // bad input fails before any lock, state write or call
      return Applying.apply(
          ws, request, handlers, settings, Optional.empty(), false, limiter, ahead);
    }
  }

  /**
   * Each dataflow in state (or those named): enabled or not, its schedule, when it runs next, and
   * its latest runs. Reads only: no lock, no write.
   */
  public StatusResult status(ConfigRequest request, StatusOptions options) {
    return Monitoring.status(request, options, handlers, settings);
  }

  /**
   * After {@link #apply}: waits for the first run of each dataflow it created, replaced or
   * re-enabled, up to the timeout. Reads only: stopping it changes nothing.
   */
  public RunWaitResult waitForRuns(
      ConfigRequest request, ApplyResult applied, WaitOptions options) {
    return Monitoring.waitForRuns(request, applied, options, handlers, settings);
  }

  /** The state of an environment, read without a lock; empty when there is none yet. */
  public Optional<State> state(ConfigRequest request) {
    return stateStore(request).read();
  }

  /** The outputs, evaluated from the ids state holds; no network. */
  public List<OutputValue> outputs(ConfigRequest request) {
    Workspace ws = load(request);
    Optional<State> state = stateStore(request).read();
    var recorded = state.map(StateView::recorded).orElse(Map.of());
    // only what the outputs read: a variable no output needs (a secret key) need not be given
    return ws.outputsResolving(
        StateView.knownIds(recorded), StateView.platformFacts(recorded, handlers));
  }

  /** Removes a lock left by a run that died holding it. */
  public void forceUnlock(ConfigRequest request, String lockId) {
    stateStore(request).forceUnlock(lockId);
  }

  private StateStore stateStore(ConfigRequest request) {
    EnvironmentConfig env = EnvironmentLoader.load(request.dir(), request.environment());
    return StateStores.open(request.dir(), env, settings.processEnv());
  }

  /**
   * Every version of the state a shared backend keeps, newest first; with the local backend, the
   * current state and its backup.
   */
  public List<StateVersion> stateHistory(ConfigRequest request) {
    StateStore store = stateStore(request);
    if (store instanceof LocalStateStore local) {
      return LocalHistory.versions(local);
    }
    return history(store).history();
  }

  /** The state as it was at {@code serial}: from the history, or the local backup. */
  public Optional<State> stateAt(ConfigRequest request, long serial) {
    StateStore store = stateStore(request);
    if (store instanceof LocalStateStore local) {
      return LocalHistory.read(local, serial);
    }
    return history(store).read(serial);
  }

  /**
   * Stores {@code pushed} as the environment's state, e.g. to move from the local file to a shared
   * backend. Refuses another lineage or a serial not newer than the stored one unless {@code
   * force}.
   */
  public State statePush(ConfigRequest request, Path file, boolean force, Duration lockTimeout) {
    return StatePush.push(stateStore(request), StatePush.read(file), force, lockTimeout);
  }

  private static StateHistory history(StateStore store) {
    if (store instanceof StateHistory h) {
      return h;
    }
    throw new UsageException(
        UsageException.Code.INVALID_ARGUMENTS,
        "the local backend keeps the current state and one .backup, not a history: use a shared backend (state: {backend: postgres, ...})");
  }

  /** Adopts an existing remote object into state as the declared resource {@code address}. */
  public ResourceState importResource(
      ConfigRequest request, String address, String remoteId, Duration lockTimeout) {
    Workspace ws = load(request);
    resolveOffline(ws);
    return StateEditing.importResource(
        ws, parseAddress(address), remoteId, lockTimeout, handlers, settings);
  }

  /**
   * Writes manifests under {@code out} for the objects of {@code kinds} (all when empty) that exist
   * in the environment's sandbox; the configuration directory needs only the environment file. With
   * {@code importThem}, adopts them into the state of the exported configuration, so that its next
   * plan is empty.
   */
  public ExportResult export(
      ConfigRequest request, Path out, List<String> kinds, boolean importThem) {
    return Exporting.export(request, out, kinds, importThem, handlers, settings);
  }

  /** Forgets a resource; the remote object stays. */
  public void stateRemove(ConfigRequest request, String address, Duration lockTimeout) {
    StateEditing.remove(load(request), parseAddress(address), lockTimeout, settings.processEnv());
  }

  /** Renames a resource in state; returns warnings to show. */
  public List<String> stateMove(
      ConfigRequest request, String from, String to, Duration lockTimeout) {
    return StateEditing.move(
        load(request), parseAddress(from), parseAddress(to), lockTimeout, settings.processEnv());
  }

  private static Address parseAddress(String text) {
    return Address.parse(text)
        .orElseThrow(
            () ->
                new UsageException(
                    UsageException.Code.INVALID_ARGUMENTS,
                    "'" + text + "' is not an address: write kind.name, e.g. flow.ingest"));
  }

  /** Deletes everything the environment's state holds, dependents first. */
  public ApplyResult destroy(ApplyRequest request) {
    Workspace ws = load(request.config());
    return Applying.apply(ws, request, handlers, settings, Optional.empty(), true);
  }

  /** The state with interrupted creates settled, in memory only: plan writes nothing. */
  private State settle(State state, Connector.Session session, PendingListener pending) {
    State out = state;
    for (var edit :
        new PendingResolver(
                handlers,
                session.client(),
                settings.clock(),
                settings.pendingGrace(),
                d -> Thread.sleep(d.toMillis()),
                pending)
            .resolve(state)) {
      out = edit.apply(out);
    }
    return out;
  }

  private Workspace load(ConfigRequest request) {
    return Workspace.load(request, Map.copyOf(handlers), settings.processEnv());
  }

  private Resolver.Resolved resolveOffline(Workspace ws) {
    return ws.offline();
  }
}
