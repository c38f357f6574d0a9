package io.aepform.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.ApplyRequest;
import io.aepform.engine.EngineSettings;
import io.aepform.engine.Version;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Evaluator;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.manifest.PlatformFacts;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.PlanCodec;
import io.aepform.engine.plan.Planning;
import io.aepform.engine.plan.RefreshOnly;
import io.aepform.engine.plan.SavedPlans;
import io.aepform.engine.plan.Secrets;
import io.aepform.engine.plan.StateView;
import io.aepform.engine.recovery.PendingResolver;
import io.aepform.engine.workspace.Connector;
import io.aepform.engine.workspace.SessionAhead;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.CancelledException;
import io.aepform.error.SafetyException;
import io.aepform.state.LockInfo;
import io.aepform.state.State;
import io.aepform.state.StateException;
import io.aepform.state.StateLock;
import io.aepform.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One apply: lock the state, settle interrupted creates, plan, confirm, walk, and report. Every
 * change to state goes through one {@link StateWriter}.
 */
public final class Applying {
  private Applying() {}

  @SuppressWarnings("try")
  public static ApplyResult apply(
      Workspace ws,
      ApplyRequest request,
      Map<String, Kind> handlers,
      EngineSettings settings,
      Optional<SavedPlans.SavedPlan> saved,
      boolean destroy) {
    // --parallelism calls at once; once the platform answers 429, no faster than it accepts
    AdaptiveLimiter limiter = limiter(request);
    try (SessionAhead none = SessionAhead.none(settings, limiter)) {
      return apply(ws, request, handlers, settings, saved, destroy, limiter, none);
    }
  }

  /** The limiter of {@code request}'s calls, for a session opened ahead of the apply. */
  public static AdaptiveLimiter limiter(ApplyRequest request) {
    return new AdaptiveLimiter(request.parallelism());
  }

  /**
   * As above, with the session {@code ahead} opened while the configuration loaded, for {@code
   * limiter}.
   */
  @SuppressWarnings("try")
  public static ApplyResult apply(
      Workspace ws,
      ApplyRequest request,
      Map<String, Kind> handlers,
      EngineSettings settings,
      Optional<SavedPlans.SavedPlan> saved,
      boolean destroy,
      AdaptiveLimiter limiter,
      SessionAhead ahead) {
    try (Connector.Session session = ahead.open(ws.env(), ws.dir())) {
      List<String> configured = Secrets.configured(ws.offline());
      session.redactor().registerAll(configured);
      StateStore store = ws.stateStore(settings.processEnv());
      try (StateLock lock =
          store.lock(LockInfo.forCurrentProcess("apply"), request.lockTimeout())) {
        Optional<State> stored = store.read();
        saved.ifPresent(p -> refuseStale(p.plan(), stored));
        State state =
            stored.orElseGet(
                () ->
                    State.empty(
                        ws.env().name(), session.sandbox(), session.imsOrg(), Version.current()));
        state.checkBelongsTo(session.sandbox(), session.imsOrg());
        if (!destroy) {
          // the plan compares secrets, and apply records them, as digests under the state's salt:
          // started now, PBKDF2 runs while the plan waits for the platform's answers
          Secrets.digestAhead(configured, state.secretsSalt());
        }
        try (StateWriter writer = new StateWriter(store, state)) {
          List<UnaryOperator<State>> settle =
              new PendingResolver(
                      handlers,
                      session.client(),
                      settings.clock(),
                      settings.pendingGrace(),
                      d -> Thread.sleep(d.toMillis()),
                      request.listener()::lookingForPendingCreate)
                  .resolve(state);
          if (!settle.isEmpty()) {
            state =
                writer.write(
                    s -> settle.stream().reduce(s, (acc, edit) -> edit.apply(acc), (a, b) -> b));
          }
          Plan plan =
              destroy
                  ? Planning.destroy(ws, state, handlers)
                  : Planning.plan(
                      ws, Optional.of(state), handlers, Optional.of(session), request.options());
          List<String> secrets = new ArrayList<>();
          plan.changes()
              .forEach(c -> c.after().ifPresent(a -> secrets.addAll(Secrets.clearValues(a))));
          session.redactor().registerAll(secrets);
          if (!destroy && plan.hasChanges()) {
            Secrets.digestAhead(secrets, state.secretsSalt());
          }
          if (request.options().refreshOnly() && !destroy) {
            if (!plan.drift().isEmpty()) {
              if (saved.isPresent()) { // reviewed: the file is the confirmation
                refuseChanged(saved.get(), plan);
              } else if (!request.confirm().test(plan)) {
                throw new CancelledException(
                    CancelledException.Code.DECLINED, "Apply cancelled: state was not updated.");
              }
              writer.write(s -> RefreshOnly.record(s, plan.drift()));
            }
            return new ApplyResult(List.of(), plan.outputs(), false);
          }
          if (!plan.hasChanges()) {
            return new ApplyResult(List.of(), plan.outputs(), false);
          }
          if (saved.isPresent()) {
            refuseChanged(saved.get(), plan);
          } else if (!request.confirm().test(plan)) {
            throw new CancelledException(
                CancelledException.Code.DECLINED,
                destroy
                    ? "Destroy cancelled: nothing was destroyed."
                    : "Apply cancelled: nothing was changed.");
          }
          List<UnaryOperator<State>> edits = Refactors.of(plan, ws, handlers, session.client());
          if (!edits.isEmpty()) {
            state =
                writer.write(s -> edits.stream().reduce(s, (acc, e) -> e.apply(acc), (a, b) -> b));
          }
          PlatformFacts facts =
              ws.usesPlatformFacts() ? session.platformFacts() : PlatformFacts.unknown();
          ApplyContext ctx =
              new ApplyContext(
                  session.client(),
                  handlers,
                  writer,
                  new Evaluator.Scope(
                      ws.variables(), settings.processEnv(), (a, attr) -> Optional.empty(), facts),
                  state.secretsSalt(),
                  UUID.randomUUID().toString(),
                  limiter,
                  request.listener(),
                  request.cancel(),
                  settings.clock());
          var outcomes = Walk.run(ctx, plan, StateView.recorded(state), request.parallelism());
          return new ApplyResult(
              outcomes,
              outputs(ws, writer.current(), facts),
              request.cancel().get(),
              plan.changes(),
              plan.toImport(),
              plan.toForget(),
              !edits.isEmpty());
        }
      }
    }
  }

  /** A saved plan is made from one state: any write since makes it stale. */
  private static void refuseStale(Plan saved, Optional<State> stored) {
    String lineage = stored.map(State::lineage).orElse("");
    long serial = stored.map(State::serial).orElse(0L);
    if (!lineage.equals(saved.lineage()) || serial != saved.serial()) {
      throw new StateException(
          StateException.Code.STALE,
          "the saved plan is stale: it was made from state serial "
              + saved.serial()
              + ", the state is now at serial "
              + serial
              + (lineage.equals(saved.lineage()) ? "" : " of another lineage")
              + ". Run aepform plan --out again and review it");
    }
  }

  /** What apply would do now must be exactly what was reviewed, secrets included. */
  private static void refuseChanged(SavedPlans.SavedPlan saved, Plan now) {
    // where the plan came from is checked by refuseStale; here only what it does
    String expected = PlanCodec.text(withoutOrigin(saved.encoded()));
    String actual = PlanCodec.text(withoutOrigin(PlanCodec.encode(now, saved.salt())));
    if (!expected.equals(actual)) {
      throw new SafetyException(
          SafetyException.Code.PLAN_CHANGED,
          "the configuration, variables or secrets no longer give the saved plan: nothing was changed. Run aepform plan --out again and review it");
    }
  }

  private static JsonNode withoutOrigin(JsonNode encoded) {
    ObjectNode copy = (ObjectNode) encoded.deepCopy();
    copy.remove(List.of("lineage", "serial"));
    return copy;
  }

  private static List<OutputValue> outputs(Workspace ws, State state, PlatformFacts facts) {
    return ws.outputsResolving(StateView.knownIds(StateView.recorded(state)), facts);
  }
}
