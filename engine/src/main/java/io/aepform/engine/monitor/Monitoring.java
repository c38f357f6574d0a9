package io.aepform.engine.monitor;

import io.aepform.engine.ConfigRequest;
import io.aepform.engine.EngineSettings;
import io.aepform.engine.StatusOptions;
import io.aepform.engine.WaitOptions;
import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.provider.http.Sleeper;
import io.aepform.engine.runs.Run;
import io.aepform.engine.runs.Runs;
import io.aepform.engine.runs.Schedule;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.engine.workspace.Connector;
import io.aepform.engine.workspace.StateStores;
import io.aepform.error.UsageException;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import io.aepform.state.StateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status}: for each resource in state whose kind runs (or the ones named), its state and
 * schedule as the platform has them, when it runs next, and its latest runs. Reads only: no lock,
 * no write. Needs the environment file and the state, not the manifests.
 */
public final class Monitoring {
  private Monitoring() {}

  public static StatusResult status(
      ConfigRequest request,
      StatusOptions options,
      Map<String, Kind> kinds,
      EngineSettings settings) {
    EnvironmentConfig env = EnvironmentLoader.load(request.dir(), request.environment());
    Optional<State> state = StateStores.open(request.dir(), env, settings.processEnv()).read();
    List<ResourceState> chosen = choose(state, options.addresses(), kinds, env.name());
    Instant now = settings.clock().instant();
    if (chosen.isEmpty()) {
      return new StatusResult(env.name(), now, List.of());
    }
    try (Connector.Session session = Connector.open(env, request.dir(), settings)) {
      state.orElseThrow().checkBelongsTo(session.sandbox(), session.imsOrg());
      List<FlowStatus> flows = new ArrayList<>();
      for (ResourceState r : chosen) {
        flows.add(flow(session.client(), r, kinds.get(r.kind()), options.runs(), now));
      }
      return new StatusResult(env.name(), now, flows);
    }
  }

  /**
   * After an apply: waits for the first run of each flow it created, replaced or re-enabled (see
   * {@link RunWaiting}), with the ids state now records.
   */
  public static RunWaitResult waitForRuns(
      ConfigRequest request,
      ApplyResult applied,
      WaitOptions options,
      Map<String, Kind> kinds,
      EngineSettings settings) {
    EnvironmentConfig env = EnvironmentLoader.load(request.dir(), request.environment());
    Optional<State> state = StateStores.open(request.dir(), env, settings.processEnv()).read();
    List<WaitTarget> targets =
        state.map(s -> WaitTarget.of(applied, s, kinds, options.applyStarted())).orElse(List.of());
    if (targets.isEmpty()) {
      return new RunWaitResult(List.of(), options.timeout());
    }
    try (Connector.Session session = Connector.open(env, request.dir(), settings)) {
      List<WaitTarget> dated =
          targets.stream()
              .map(t -> t.dated(kinds.get(t.address().kind()), session.client()))
              .toList();
      return new RunWaiting(session.client(), settings.clock(), Sleeper.system(), options)
          .waitFor(dated);
    }
  }

  private static FlowStatus flow(
      PlatformClient client, ResourceState r, Kind kind, int limit, Instant now) {
    Runs runs = kind.runs().orElseThrow();
    Address address = Address.parse(r.address()).orElseThrow();
    Optional<Remote> remote = kind.read(client, r.id());
    if (remote.isEmpty()) {
      Optional<Schedule> applied = runs.schedule(Values.fromJson(r.spec()));
      return new FlowStatus(
          address,
          r.id(),
          r.name(),
          FlowStatus.State.MISSING,
          applied,
          Optional.empty(),
          List.of());
    }
    Value body = remote.get().body();
    boolean enabled = runs.enabled(body);
    Optional<Schedule> schedule = runs.schedule(body);
    List<Run> latest = runs.latest(client, r.id(), limit);
    Optional<Instant> next =
        enabled ? schedule.flatMap(s -> s.nextRun(now, !latest.isEmpty())) : Optional.empty();
    return new FlowStatus(
        address,
        r.id(),
        remote.get().name().isEmpty() ? r.name() : remote.get().name(),
        enabled ? FlowStatus.State.ENABLED : FlowStatus.State.DISABLED,
        schedule,
        next,
        latest);
  }

  /** The resources to show: those named, or every one in state whose kind runs. */
  private static List<ResourceState> choose(
      Optional<State> state, List<String> addresses, Map<String, Kind> kinds, String env) {
    List<ResourceState> all = state.map(State::resources).orElse(List.of());
    if (addresses.isEmpty()) {
      return all.stream().filter(r -> runs(kinds, r.kind()) && !r.id().isEmpty()).toList();
    }
    List<ResourceState> out = new ArrayList<>();
    for (String text : addresses) {
      if (Address.parse(text).isEmpty()) {
        throw new UsageException(
            UsageException.Code.INVALID_ARGUMENTS,
            "'" + text + "' is not an address: write kind.name, e.g. " + example(kinds));
      }
      ResourceState r =
          all.stream()
              .filter(s -> s.address().equals(text))
              .findFirst()
              .orElseThrow(
                  () ->
                      new StateException(
                          StateException.Code.NOT_FOUND,
                          text
                              + " is not in the state of environment '"
                              + env
                              + "': run aepform state list to see what is"));
      if (!runs(kinds, r.kind())) {
        throw new UsageException(
            UsageException.Code.INVALID_ARGUMENTS,
            text + " does not run: status shows resources of kind " + runningKinds(kinds));
      }
      if (r.id().isEmpty()) {
        throw new StateException(
            StateException.Code.UNRESOLVED,
            text + " has no remote object yet (an interrupted create): run aepform apply");
      }
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  private static boolean runs(Map<String, Kind> kinds, String kind) {
    Kind k = kinds.get(kind);
    return k != null && k.runs().isPresent();
  }

  private static String runningKinds(Map<String, Kind> kinds) {
    return String.join(
        ", ", kinds.values().stream().filter(k -> k.runs().isPresent()).map(Kind::kind).toList());
  }

  private static String example(Map<String, Kind> kinds) {
    return kinds.values().stream()
        .filter(k -> k.runs().isPresent())
        .map(k -> k.kind() + ".ingest")
        .findFirst()
        .orElse("kind.name");
  }
}
