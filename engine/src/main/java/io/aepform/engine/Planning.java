package io.aepform.engine;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.Planner;
import io.aepform.engine.plan.Recorded;
import io.aepform.engine.plan.Resolver;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.plan.StateView;
import io.aepform.engine.provider.Remote;
import io.aepform.engine.provider.ResourceHandler;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import io.aepform.state.State;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes a plan from a workspace and a state, checking the platform when a session is given. */
final class Planning {
  private Planning() {}

  static Plan plan(
      Workspace ws,
      Optional<State> state,
      Map<String, ResourceHandler> handlers,
      Map<String, String> processEnv,
      Optional<Connector.Session> session) {
    Map<Address, Recorded> recorded = state.map(StateView::recorded).orElse(Map.of());
    Resolver.Resolved resolved =
        new Resolver(handlers)
            .resolve(
                ws.config(), ws.graph(), ws.variables(), processEnv, StateView.knownIds(recorded));
    Plan plan =
        Planner.plan(
            ws.env().name(),
            state.map(State::lineage).orElse(""),
            state.map(State::serial).orElse(0L),
            state.map(State::secretsSalt).orElse(""),
            handlers,
            resolved,
            recorded,
            ws.config().warnings());
    session.ifPresent(s -> refuseExistingNames(plan, handlers, s));
    return plan;
  }

  /** A create whose name is taken in the sandbox would make a duplicate: adopt it instead. */
  private static void refuseExistingNames(
      Plan plan, Map<String, ResourceHandler> handlers, Connector.Session session) {
    for (ResourceChange c : plan.changes()) {
      if (c.action() != Action.CREATE) {
        continue;
      }
      ResourceHandler handler = handlers.get(c.kind());
      Optional<Value> name = c.after().flatMap(a -> Values.at(a, "/spec/" + handler.nameField()));
      if (name.isEmpty() || !(Values.unmark(name.get()) instanceof Value.Str text)) {
        continue;
      }
      List<Remote> existing = handler.findByName(session.client(), text.value());
      if (!existing.isEmpty()) {
        throw new AepformException(
            ErrorCode.PROVIDER,
            c.address()
                + ": a "
                + c.kind()
                + " named '"
                + text.value()
                + "' already exists in sandbox '"
                + session.sandbox()
                + "' (id "
                + existing.get(0).id()
                + ") and is not in state. Adopt it with: aepform import "
                + c.address()
                + " "
                + existing.get(0).id()
                + " (or give the resource another name)");
      }
    }
  }
}
