package io.aepform.engine.apply;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.ResourceDecl;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.Adoption;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.provider.http.PlatformException;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.engine.workspace.Workspace;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a plan changes in state alone, recorded before its calls: moves (the record goes to its new
 * address, and what depended on the old one depends on the new), imports (the remote object is read
 * and adopted) and forgets (the record goes, the object stays in AEP).
 */
final class Refactors {
  private Refactors() {}

  /** The state edits of {@code plan}; reads each object it imports. */
  static List<UnaryOperator<State>> of(
      Plan plan, Workspace ws, Map<String, Kind> kinds, PlatformClient client) {
    List<UnaryOperator<State>> edits = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      String to = c.address().toString();
      c.previousAddress()
          .map(Object::toString)
          .ifPresent(from -> edits.add(s -> s.find(from).isPresent() ? s.moved(from, to) : s));
      if (c.action() == Action.FORGET) {
        edits.add(s -> s.without(to));
      }
      if (c.importing().isPresent()) {
        ResourceState adopted = adopt(c, ws, kinds.get(c.kind()), client);
        edits.add(s -> s.find(to).isPresent() ? s : s.with(adopted));
      }
    }
    return edits;
  }

  private static ResourceState adopt(
      ResourceChange c, Workspace ws, Kind kind, PlatformClient client) {
    String id = c.importing().orElseThrow();
    ResourceDecl decl = ws.config().resource(c.address()).orElseThrow();
    Remote remote =
        kind.read(client, id)
            .orElseThrow(
                () ->
                    new PlatformException(
                        PlatformException.Code.NOT_FOUND,
                        c.address() + ": the object " + id + " to import is gone: plan again"));
    Value desired = c.after().flatMap(a -> Values.at(a, "/spec")).orElseThrow();
    return Adoption.record(decl, kind, remote, desired);
  }
}
