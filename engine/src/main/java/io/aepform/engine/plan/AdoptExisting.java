package io.aepform.engine.plan;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Desired;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.value.Value;
import io.aepform.engine.workspace.Connector;
import io.aepform.engine.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adopts what an earlier destroy had to leave in AEP: a declared resource that state does not hold,
 * of a kind that {@link Kind#adoptsExisting() adopts existing objects} (an identity namespace,
 * which AEP can neither delete nor create twice; a mapping set, which it cannot delete), whose
 * object the sandbox already holds by the kind's identity, is imported as if an import document
 * named it. The plan says "will be imported".
 */
final class AdoptExisting {
  private AdoptExisting() {}

  static Refactoring.Applied apply(
      Refactoring.Applied refactored,
      Workspace ws,
      Map<String, Kind> kinds,
      Connector.Session session) {
    Map<Address, Recorded> recorded = new LinkedHashMap<>(refactored.recorded());
    Map<Address, String> importing = new LinkedHashMap<>(refactored.marks().importing());
    boolean any =
        ws.config().resources().stream()
            .anyMatch(
                r -> kinds.get(r.kind()).adoptsExisting() && !recorded.containsKey(r.address()));
    if (!any) {
      return refactored;
    }
    // with what state holds and the tenant: a mapping set's content names its schema's id and
    // fields under _${platform.tenantId}
    Resolver.Resolved resolved = ws.resolve(StateView.knownIds(recorded), ws.factsFrom(session));
    for (Desired d : resolved.resources()) {
      Kind kind = kinds.get(d.decl().kind());
      if (!kind.adoptsExisting()
          || recorded.containsKey(d.address())
          || !kind.identity().knownIn(d.spec())) {
        continue;
      }
      List<Remote> found = kind.find(session.client(), d.spec());
      if (found.size() != 1 || tracked(recorded, d.address().kind(), found.get(0).id())) {
        continue; // none: created; several or tracked elsewhere: the create says why it cannot
      }
      Remote remote = found.get(0);
      recorded.put(
          d.address(), StateView.recorded(Adoption.record(d.decl(), kind, remote, d.spec())));
      importing.put(d.address(), remote.id());
    }
    Planner.Marks marks = refactored.marks();
    return new Refactoring.Applied(
        recorded,
        new Planner.Marks(marks.movedFrom(), importing, marks.forget()),
        refactored.notes());
  }

  private static boolean tracked(Map<Address, Recorded> recorded, String kind, String id) {
    return recorded.values().stream()
        .anyMatch(
            r ->
                r.address().kind().equals(kind)
                    && r.attributes().get("id") instanceof Value.Str s
                    && s.value().equals(id));
  }
}
