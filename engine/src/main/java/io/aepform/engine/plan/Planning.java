package io.aepform.engine.plan;

import io.aepform.engine.PlanOptions;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.ManifestException;
import io.aepform.engine.manifest.PlatformFacts;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.manifest.Refactorings;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.manifest.ResourceDecl;
import io.aepform.engine.provider.http.PlatformException;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.engine.workspace.Connector;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.SafetyException;
import io.aepform.state.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    Refactoring.Applied refactored =
        Refactoring.apply(
            ws.config().refactorings(),
            state.map(StateView::recorded).orElse(Map.of()),
            session.map(s -> i -> imported(i, ws, handlers, s)));
    if (session.isPresent()) {
      refactored = AdoptExisting.apply(refactored, ws, handlers, session.get());
    }
    Map<Address, Recorded> recorded = refactored.recorded();
    List<Problem> warnings = new ArrayList<>(ws.config().warnings());
    warnings.addAll(refactored.notes());
    Set<Address> confirmed = Selection.addresses(options.replaces(), ws, "--replace");
    Map<Address, String> forced = new LinkedHashMap<>();
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
    PlatformFacts facts =
        session
            .filter(s -> ws.usesPlatformFacts())
            .map(Connector.Session::platformFacts)
            .orElseGet(() -> StateView.platformFacts(recorded, handlers));
    // what --replace names is renewed once the planner replaces it: an update it confirms (one
    // that disables Profile on a dataset) keeps the id, and what references it stays unchanged
    Set<Address> renewed = new HashSet<>();
    // attributes an update renews (a mapping set's version): read as known after apply too
    Map<Address, Set<String>> renewedAttributes = new HashMap<>();
    Plan plan;
    while (true) {
      // with no id known (an empty state, nothing renewed yet) this is the offline resolution
      Resolver.Resolved resolved =
          renewed.isEmpty() && recorded.isEmpty() && facts.tenantId().isEmpty()
              ? ws.offline()
              : ws.resolve(knownExcept(recorded, renewed, renewedAttributes), facts);
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
              refactored.marks(),
              warnings);
      // only a recorded id that is about to change makes what references it resolve differently;
      // an address state does not hold had no id known in this pass already
      Set<Address> now = new HashSet<>();
      plan.changes().stream()
          .filter(c -> c.action().adds() && recorded.containsKey(c.address()))
          .forEach(c -> now.add(c.address()));
      Map<Address, String> together = ReplaceGroups.joining(plan, ws, handlers, forced);
      boolean newAttributes = false;
      for (ResourceChange c : plan.changes()) {
        Set<String> attrs = handlers.get(c.kind()).renewedByUpdate();
        if (c.action() == Action.UPDATE && !attrs.isEmpty()) {
          newAttributes |=
              renewedAttributes.computeIfAbsent(c.address(), a -> new HashSet<>()).addAll(attrs);
        }
      }
      if (renewed.containsAll(now) && together.isEmpty() && !newAttributes) {
        break;
      }
      renewed.addAll(now);
      renewed.addAll(together.keySet());
      forced.putAll(together);
    }
    plan =
        OutputChanges.withBefore(
            plan, recorded.isEmpty() ? List.of() : ws.outputs(StateView.knownIds(recorded), facts));
    if (options.refreshOnly()) {
      return RefreshOnly.plan(plan);
    }
    plan = Selection.select(plan, options, ws);
    Plan checked = plan; // a rename shows as a create of a name that exists: say so first
    session.ifPresent(
        s -> NameCollisions.refuse(checked, handlers, s, inventory.orElseThrow(), recorded));
    DataSafety.check(plan, handlers, confirmed);
    plan = DataSafety.withRecreateWarnings(plan, handlers);
    plan = DataSafety.withIrreversibleChecks(plan, handlers);
    refusePreventedDestroys(plan, ws);
    Plan online = plan;
    session.ifPresent(s -> OnlineChecks.refuse(online, handlers, ws, s.client()));
    return OnlineChecks.withSideEffects(plan, handlers, inventory);
  }

  /** The record of the object an import document names, read from the platform. */
  private static Recorded imported(
      Refactorings.Imported i, Workspace ws, Map<String, Kind> kinds, Connector.Session session) {
    Value idValue = ws.evaluate(i.id(), i.at());
    if (!(Values.unmark(idValue) instanceof Value.Str id) || id.value().isBlank()) {
      throw new ManifestException(i.at(), "the import id must be a string");
    }
    ResourceDecl decl = ws.config().resource(i.to()).orElseThrow();
    Kind kind = kinds.get(decl.kind());
    Remote remote =
        kind.read(session.client(), id.value())
            .orElseThrow(
                () ->
                    new PlatformException(
                        PlatformException.Code.NOT_FOUND,
                        i.at()
                            + ": no "
                            + decl.kind()
                            + " with id "
                            + id.value()
                            + " in sandbox '"
                            + session.sandbox()
                            + "' to import as "
                            + i.to()));
    Value desired =
        ws.resolve((a, attr) -> Optional.empty(), ws.factsFrom(session)).resources().stream()
            .filter(d -> d.address().equals(i.to()))
            .findFirst()
            .orElseThrow()
            .spec();
    return StateView.recorded(Adoption.record(decl, kind, remote, desired));
  }

  /** Ids of recorded resources, except those about to get new ones. */
  private static Resolver.KnownIds knownExcept(
      Map<Address, Recorded> recorded,
      Set<Address> renewed,
      Map<Address, Set<String>> renewedAttributes) {
    Resolver.KnownIds all = StateView.knownIds(recorded);
    return (address, attribute) ->
        renewed.contains(address)
                || renewedAttributes.getOrDefault(address, Set.of()).contains(attribute)
            ? Optional.empty()
            : all.attribute(address, attribute);
  }

  /**
   * Deleting everything state holds, dependents first. Every delete is asked for by destroy, so
   * none carries the reason a plan gives (such as "not in the configuration"); what AEP cannot
   * delete keeps the reason it stays.
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
    return OnlineChecks.withSideEffects(plan, handlers, Optional.empty());
  }

  private static ResourceChange withoutReason(ResourceChange c) {
    if (c.action() == Action.FORGET) {
      return c;
    }
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
        throw new SafetyException(
            SafetyException.Code.PREVENT_DESTROY,
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
    Map<Address, Optional<Value>> remote = new HashMap<>();
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
    Map<String, Integer> count = new HashMap<>();
    if (refresh) {
      recorded.keySet().forEach(a -> count.merge(a.kind(), 1, Integer::sum));
    }
    ws.config().resources().stream()
        .filter(r -> !recorded.containsKey(r.address()))
        .forEach(r -> count.merge(r.kind(), 1, Integer::sum));
    return count;
  }
}
