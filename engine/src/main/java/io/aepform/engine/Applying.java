package io.aepform.engine;

import io.aepform.engine.apply.ApplyContext;
import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.apply.Limiter;
import io.aepform.engine.apply.PendingResolver;
import io.aepform.engine.apply.StateWriter;
import io.aepform.engine.apply.Walk;
import io.aepform.engine.manifest.Evaluator;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.Resolver;
import io.aepform.engine.plan.StateView;
import io.aepform.engine.provider.ResourceHandler;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import io.aepform.state.LockInfo;
import io.aepform.state.State;
import io.aepform.state.StateLock;
import io.aepform.state.StateStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One apply: lock the state, settle interrupted creates, plan, confirm, walk, and report. Every
 * change to state goes through one {@link StateWriter}.
 */
final class Applying {
  private Applying() {}

  @SuppressWarnings("try")
  static ApplyResult apply(
      Workspace ws,
      ApplyRequest request,
      Map<String, ResourceHandler> handlers,
      EngineSettings settings) {
    try (Connector.Session session = Connector.open(ws.env(), ws.dir(), settings)) {
      StateStore store = ws.stateStore();
      try (StateLock lock =
          store.lock(LockInfo.forCurrentProcess("apply"), request.lockTimeout())) {
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
        try (StateWriter writer = new StateWriter(store, state)) {
          List<UnaryOperator<State>> settle =
              PendingResolver.resolve(state, handlers, session.client());
          if (!settle.isEmpty()) {
            state =
                writer.write(
                    s -> settle.stream().reduce(s, (acc, edit) -> edit.apply(acc), (a, b) -> b));
          }
          Plan plan =
              Planning.plan(
                  ws, Optional.of(state), handlers, settings.processEnv(), Optional.of(session));
          if (!plan.hasChanges()) {
            return new ApplyResult(List.of(), plan.outputs(), false);
          }
          if (!request.confirm().test(plan)) {
            throw new AepformException(ErrorCode.USAGE, "Apply cancelled: nothing was changed.");
          }
          ApplyContext ctx =
              new ApplyContext(
                  session.client(),
                  handlers,
                  writer,
                  new Evaluator.Scope(
                      ws.variables(), settings.processEnv(), (a, attr) -> Optional.empty()),
                  state.secretsSalt(),
                  UUID.randomUUID().toString(),
                  Limiter.fixed(request.parallelism()),
                  request.listener(),
                  request.cancel(),
                  settings.clock());
          var outcomes = Walk.run(ctx, plan, StateView.recorded(state), request.parallelism());
          return new ApplyResult(
              outcomes, outputs(ws, writer.current(), handlers, settings), request.cancel().get());
        }
      }
    }
  }

  private static List<io.aepform.engine.plan.OutputValue> outputs(
      Workspace ws, State state, Map<String, ResourceHandler> handlers, EngineSettings settings) {
    var recorded = StateView.recorded(state);
    Resolver.Resolved resolved =
        new Resolver(handlers)
            .resolve(
                ws.config(),
                ws.graph(),
                ws.variables(),
                settings.processEnv(),
                StateView.knownIds(recorded));
    return resolved.outputs();
  }
}
