package io.aepform.engine.plan;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.engine.workspace.Connector;
import io.aepform.error.SafetyException;
import io.aepform.state.StateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A create whose name AEP already holds: an object state tracks under another address is a rename
 * (record the move), one it does not track is to be imported. Never a second object of that name.
 */
final class NameCollisions {
  private NameCollisions() {}

  /**
   * A create whose object already exists in the sandbox (by the kind's identity: its name, with its
   * relationship key where it has one) would make a duplicate. When state tracks that object under
   * another address, the resource was renamed: the fix is a move, never an import.
   */
  static void refuse(
      Plan plan,
      Map<String, Kind> handlers,
      Connector.Session session,
      Inventory inventory,
      Map<Address, Recorded> recorded) {
    // every object to adopt is named at once: a sandbox left by a destroy holds several
    List<String> untracked = new ArrayList<>();
    List<String> imports = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      if (c.action() != Action.CREATE) {
        continue;
      }
      Kind kind = handlers.get(c.kind());
      Value spec = c.after().flatMap(a -> Values.at(a, "/spec")).orElseThrow();
      if (kind.identity().nameField().isEmpty() || !kind.identity().knownIn(spec)) {
        continue;
      }
      String name =
          Values.unmark(Values.at(spec, "/" + kind.nameField()).orElseThrow())
                  instanceof Value.Str s
              ? s.value()
              : "";
      List<Remote> existing =
          inventory.byName(c.kind(), name).stream()
              .filter(r -> kind.identity().matches(spec, kind.normalizeRemote(r.body())))
              .toList();
      if (existing.isEmpty()) {
        continue;
      }
      String id = existing.get(0).id();
      String what =
          c.address()
              + ": a "
              + c.kind()
              + " with "
              + kind.nameField()
              + " "
              + kind.identity().describe(spec)
              + " already exists in sandbox '"
              + session.sandbox()
              + "' (id "
              + id
              + ")";
      refuseRename(c.address(), id, what, recorded);
      untracked.add(what);
      imports.add(c.address() + " " + id);
    }
    if (untracked.size() == 1) {
      String[] addressAndId = imports.get(0).split(" ", 2);
      throw new SafetyException(
          SafetyException.Code.NAME_TAKEN,
          untracked.get(0)
              + " and is not in state. Adopt it with an import document (kind: import, to: "
              + addressAndId[0]
              + ", id: "
              + addressAndId[1]
              + ") or aepform import "
              + imports.get(0)
              + "; or give the resource another name");
    }
    if (untracked.size() > 1) {
      throw new SafetyException(
          SafetyException.Code.NAME_TAKEN,
          untracked.size()
              + " objects to create already exist and are not in state: "
              + String.join("; ", untracked)
              + ". Adopt them with import documents (kind: import, to: ADDRESS, id: ID) or: aepform"
              + " import "
              + String.join("; aepform import ", imports)
              + "; or give the resources other names");
    }
  }

  /** The object is tracked under another address: a rename, to record as a move. */
  private static void refuseRename(
      Address address, String id, String what, Map<Address, Recorded> recorded) {
    Optional<Address> tracked =
        recorded.values().stream()
            .filter(r -> r.address().kind().equals(address.kind()))
            .filter(r -> r.attributes().get("id") instanceof Value.Str s && s.value().equals(id))
            .map(Recorded::address)
            .findFirst();
    if (tracked.isPresent()) {
      throw new StateException(
          StateException.Code.CONFLICT,
          what
              + " and state tracks it as "
              + tracked.get()
              + ". If you renamed "
              + tracked.get()
              + " to "
              + address
              + ", record the move: add a document 'kind: moved' with from: "
              + tracked.get()
              + " and to: "
              + address
              + " (or run aepform state mv "
              + tracked.get()
              + " "
              + address
              + "). Otherwise give "
              + address
              + " another name");
    }
  }
}
