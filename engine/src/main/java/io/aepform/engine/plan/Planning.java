package io.aepform.engine.plan;

import io.aepform.engine.PlanOptions;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.engine.workspace.Connector;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import io.aepform.state.State;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Makes a plan from a workspace and a state, checking the platform when a session is given. */
public final class Planning {
  private Planning() {}

  public static Plan plan(
      Workspace ws,
      Optional<State> state,
      Map<String, Kind> handlers,
      Optional<Connector.Session> session,
      PlanOptions options) {
    Map<Address, Recorded> recorded = state.map(StateView::recorded).orElse(Map.of());
    Set<Address> confirmed = Selection.addresses(options.replaces(), ws, "--replace");
    Map<Address, String> forced = new java.util.LinkedHashMap<>();
    confirmed.forEach(a -> forced.put(a, "replacement requested with --replace"));
    Optional<Inventory> inventory =
        session.map(
            s -> new Inventory(s.client(), handlers, lookups(recorded, ws, options.refresh())));
    inventory.ifPresent(Inventory::prefetch);
    Planner.Refresh refresh =
        inventory
            .filter(i -> options.refresh())
            .map(i -> refresh(recorded, i, handlers))
            .orElse(Planner.Refresh.none());
    // What is (re-)created gets new ids, which changes what references it: plan again with
    // those ids unknown until nothing new is re-created, so the plan shows the whole cascade.
    Set<Address> renewed = new java.util.HashSet<>(forced.keySet());
    Plan plan;
    while (true) {
      // with no id known (an empty state, nothing renewed yet) this is the offline resolution
      Resolver.Resolved resolved =
          renewed.isEmpty() && recorded.isEmpty()
              ? ws.offline()
              : ws.resolve(knownExcept(recorded, renewed));
      plan =
          Planner.plan(
              ws.env().name(),
              state.map(State::lineage).orElse(""),
              state.map(State::serial).orElse(0L),
              state.map(State::secretsSalt).orElse(""),
              handlers,
              resolved,
              recorded,
              refresh,
              forced,
              ws.config().warnings());
      // only a recorded id that is about to change makes what references it resolve differently;
      // an address state does not hold had no id known in this pass already
      Set<Address> now = new java.util.HashSet<>();
      plan.changes().stream()
          .filter(c -> c.action().adds() && recorded.containsKey(c.address()))
          .forEach(c -> now.add(c.address()));
      Map<Address, String> together = ReplaceGroups.joining(plan, ws, handlers, forced);
      if (renewed.containsAll(now) && together.isEmpty()) {
        break;
      }
      renewed.addAll(now);
      renewed.addAll(together.keySet());
      forced.putAll(together);
    }
    plan =
        OutputChanges.withBefore(
            plan, recorded.isEmpty() ? List.of() : ws.outputs(StateView.knownIds(recorded)));
    if (options.refreshOnly()) {
      return RefreshOnly.plan(plan);
    }
    plan = Selection.select(plan, options, ws);
    DataSafety.check(plan, handlers, confirmed);
    plan = DataSafety.withRecreateWarnings(plan, handlers);
    refusePreventedDestroys(plan, ws);
    Plan checked = plan;
    session.ifPresent(s -> refuseExistingNames(checked, handlers, s, inventory.orElseThrow()));
    return plan;
  }

  /** Ids of recorded resources, except those about to get new ones. */
  private static Resolver.KnownIds knownExcept(
      Map<Address, Recorded> recorded, Set<Address> renewed) {
    Resolver.KnownIds all = StateView.knownIds(recorded);
    return (address, attribute) ->
        renewed.contains(address) ? Optional.empty() : all.attribute(address, attribute);
  }

  /**
   * Deleting everything state holds, dependents first. Every change is a delete asked for by
   * destroy, so none carries the reason a plan gives (such as "not in the configuration").
   */
  public static Plan destroy(Workspace ws, State state, Map<String, Kind> handlers) {
    Plan planned =
        Planner.plan(
            ws.env().name(),
            state.lineage(),
            state.serial(),
            state.secretsSalt(),
            handlers,
            new Resolver.Resolved(List.of(), List.of()),
            StateView.recorded(state),
            ws.config().warnings());
    Plan plan =
        new Plan(
            planned.environment(),
            planned.lineage(),
            planned.serial(),
            planned.changes().stream().map(Planning::withoutReason).toList(),
            planned.drift(),
            planned.outputs(),
            planned.warnings());
    refusePreventedDestroys(plan, ws);
    return plan;
  }

  private static ResourceChange withoutReason(ResourceChange c) {
    return new ResourceChange(
        c.address(), c.action(), "", c.before(), c.after(), c.fields(), c.dependencies());
  }

  /** {@code lifecycle.preventDestroy}: no plan may delete or replace the resource. */
  private static void refusePreventedDestroys(Plan plan, Workspace ws) {
    for (ResourceChange c : plan.changes()) {
      boolean prevented =
          ws.config().resource(c.address()).map(r -> r.lifecycle().preventDestroy()).orElse(false);
      if (prevented && c.action().destroys()) {
        Position at = ws.config().resource(c.address()).orElseThrow().position();
        throw new AepformException(
            ErrorCode.USAGE,
            at
                + ": "
                + c.address()
                + " has lifecycle.preventDestroy, but this plan would "
                + (c.action() == Action.DELETE ? "destroy" : "replace")
                + " it"
                + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")")
                + ". Nothing was changed. Remove preventDestroy first if that is really what you want");
      }
    }
  }

  /** What the platform holds now of each recorded resource, or empty when it is gone. */
  private static Planner.Refresh refresh(
      Map<Address, Recorded> recorded, Inventory inventory, Map<String, Kind> handlers) {
    Map<Address, Optional<Value>> remote = new java.util.HashMap<>();
    recorded.forEach(
        (address, r) -> {
          String id = r.attributes().get("id") instanceof Value.Str s ? s.value() : "";
          Kind kind = handlers.get(address.kind());
          remote.put(
              address, inventory.byId(address.kind(), id).map(x -> kind.normalizeRemote(x.body())));
        });
    return new Planner.Refresh(remote);
  }

  /** How many lookups of each kind a plan will make: refreshes plus name checks of creates. */
  private static Map<String, Integer> lookups(
      Map<Address, Recorded> recorded, Workspace ws, boolean refresh) {
    Map<String, Integer> count = new java.util.HashMap<>();
    if (refresh) {
      recorded.keySet().forEach(a -> count.merge(a.kind(), 1, Integer::sum));
    }
    ws.config().resources().stream()
        .filter(r -> !recorded.containsKey(r.address()))
        .forEach(r -> count.merge(r.kind(), 1, Integer::sum));
    return count;
  }

  /** A create whose name is taken in the sandbox would make a duplicate: adopt it instead. */
  private static void refuseExistingNames(
      Plan plan, Map<String, Kind> handlers, Connector.Session session, Inventory inventory) {
    for (ResourceChange c : plan.changes()) {
      if (c.action() != Action.CREATE) {
        continue;
      }
      Kind handler = handlers.get(c.kind());
      Optional<Value> name = c.after().flatMap(a -> Values.at(a, "/spec/" + handler.nameField()));
      if (name.isEmpty() || !(Values.unmark(name.get()) instanceof Value.Str text)) {
        continue;
      }
      List<Remote> existing = inventory.byName(c.kind(), text.value());
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
