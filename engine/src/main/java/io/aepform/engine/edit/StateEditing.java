package io.aepform.engine.edit;

import io.aepform.engine.EngineSettings;
import io.aepform.engine.Version;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Desired;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.manifest.ResourceDecl;
import io.aepform.engine.plan.Adoption;
import io.aepform.engine.plan.StateView;
import io.aepform.engine.provider.http.PlatformException;
import io.aepform.engine.value.Values;
import io.aepform.engine.workspace.Connector;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.UsageException;
import io.aepform.state.LockInfo;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import io.aepform.state.StateException;
import io.aepform.state.StateLock;
import io.aepform.state.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Commands that edit state: import (adopt a remote object), state rm, state mv. */
public final class StateEditing {
  private StateEditing() {}

  /** Adopts the remote object {@code remoteId} as the declared resource {@code address}. */
  @SuppressWarnings("try")
  public static ResourceState importResource(
      Workspace ws,
      Address address,
      String remoteId,
      Duration lockTimeout,
      Map<String, Kind> handlers,
      EngineSettings settings) {
    ResourceDecl decl =
        ws.config()
            .resource(address)
            .orElseThrow(
                () ->
                    new UsageException(
                        UsageException.Code.INVALID_ARGUMENTS,
                        address
                            + " is not declared: add it to the manifests first, then import it"));
    Kind handler = handlers.get(decl.kind());
    try (Connector.Session session = Connector.open(ws.env(), ws.dir(), settings)) {
      StateStore store = ws.stateStore(settings.processEnv());
      try (StateLock lock = store.lock(LockInfo.forCurrentProcess("import"), lockTimeout)) {
        State state =
            store
                .read()
                .orElseGet(
                    () ->
                        State.empty(
                            ws.env().name(),
                            session.sandbox(),
                            session.imsOrg(),
                            Version.current()));
        state.checkBelongsTo(session.sandbox(), session.imsOrg());
        if (state.find(address.toString()).isPresent()) {
          throw new StateException(
              StateException.Code.CONFLICT,
              address
                  + " is already in state: to adopt another object, first run aepform state rm "
                  + address);
        }
        Remote remote =
            handler
                .read(session.client(), remoteId)
                .orElseThrow(
                    () ->
                        new PlatformException(
                            PlatformException.Code.NOT_FOUND,
                            "no "
                                + decl.kind()
                                + " with id "
                                + remoteId
                                + " in sandbox '"
                                + session.sandbox()
                                + "'"));
        Adoption.refuseTracked(state, address, decl.kind(), remote.id());
        ResourceState adopted =
            Adoption.record(decl, handler, remote, desired(ws, state, address, session).spec());
        store.write(state.with(adopted).nextSerial());
        return adopted;
      }
    }
  }

  /**
   * The declaration as resolved against this platform: with its {@code ${platform.tenantId}} known,
   * else a custom field's key {@code _${platform.tenantId}} would match nothing in the remote
   * object and the import would record the field group without its fields.
   */
  private static Desired desired(
      Workspace ws, State state, Address address, Connector.Session session) {
    Resolver.Resolved resolved =
        ws.resolve(StateView.knownIds(StateView.recorded(state)), ws.factsFrom(session));
    return resolved.resources().stream()
        .filter(d -> d.address().equals(address))
        .findFirst()
        .orElseThrow();
  }

  /** Forgets {@code address}: the remote object stays as it is. */
  public static void remove(
      Workspace ws, Address address, Duration lockTimeout, Map<String, String> env) {
    edit(
        env,
        ws,
        "state rm",
        lockTimeout,
        state -> {
          if (state.find(address.toString()).isEmpty()) {
            throw new StateException(
                StateException.Code.NOT_FOUND,
                address + " is not in state: see aepform state list");
          }
          return state.without(address.toString());
        });
  }

  /**
   * Moves the record of {@code from} to {@code to} (same kind). Returns warnings, e.g. when the new
   * logical name would rename the remote object because its name is left to default.
   */
  public static List<String> move(
      Workspace ws, Address from, Address to, Duration lockTimeout, Map<String, String> env) {
    if (!from.kind().equals(to.kind())) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          "cannot move " + from + " to " + to + ": the kinds differ");
    }
    List<String> warnings = new ArrayList<>();
    edit(
        env,
        ws,
        "state mv",
        lockTimeout,
        state -> {
          ResourceState r =
              state
                  .find(from.toString())
                  .orElseThrow(
                      () ->
                          new StateException(
                              StateException.Code.NOT_FOUND,
                              from + " is not in state: see aepform state list"));
          if (state.find(to.toString()).isPresent()) {
            throw new StateException(
                StateException.Code.CONFLICT,
                to + " is already in state: remove it first with aepform state rm " + to);
          }
          ws.config()
              .resource(to)
              .filter(decl -> defaultsItsName(decl, ws.kinds().get(decl.kind())))
              .filter(decl -> !r.name().equals(to.name()))
              .ifPresent(
                  decl ->
                      warnings.add(
                          to
                              + " leaves its remote name to default to its logical name: the next plan renames '"
                              + r.name()
                              + "' to '"
                              + to.name()
                              + "'. Set spec."
                              + ws.kinds().get(to.kind()).nameField()
                              + ": \""
                              + r.name()
                              + "\" to keep it."));
          return state.moved(from.toString(), to.toString());
        });
    return warnings;
  }

  private static boolean defaultsItsName(ResourceDecl decl, Kind kind) {
    return !kind.nameField().isEmpty()
        && Values.at(decl.source().root(), "/spec/" + kind.nameField()).isEmpty();
  }

  @SuppressWarnings("try")
  private static void edit(
      Map<String, String> env,
      Workspace ws,
      String operation,
      Duration lockTimeout,
      UnaryOperator<State> change) {
    StateStore store = ws.stateStore(env);
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess(operation), lockTimeout)) {
      State state =
          store
              .read()
              .orElseThrow(
                  () ->
                      new StateException(
                          StateException.Code.NOT_FOUND,
                          "no state for environment '" + ws.env().name() + "' yet"));
      store.write(change.apply(state).nextSerial());
    }
  }
}
