package io.aepform.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.ResourceDecl;
import io.aepform.engine.value.Value;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import io.aepform.state.StateException;
import java.util.Optional;

/**
 * Adopting an existing remote object as a declared resource (import, import documents, export
 * --import): state records what the platform holds, in the shape of the declared spec, with the
 * secrets the platform never returns marked unverified until an apply sends them.
 */
public final class Adoption {
  private Adoption() {}

  /** The state record of {@code remote} adopted as {@code decl}, whose resolved spec is given. */
  public static ResourceState record(ResourceDecl decl, Kind kind, Remote remote, Value desired) {
    Value applied =
        Secrets.unverified(Drifts.project(desired, kind.normalizeRemote(remote.body())), desired);
    return ResourceState.created(
        decl.address().toString(),
        decl.kind(),
        remote.id(),
        // a nameless object (a mapping set) is recorded under its logical name, as create does
        remote.name().isBlank() ? decl.name() : remote.name(),
        remote.etag(),
        (ObjectNode) Secrets.toStoredJson(applied),
        StateView.attributesJson(remote.attributes()),
        decl.dependencies().stream().map(d -> d.target().toString()).distinct().toList());
  }

  /** The address that already tracks the remote object {@code id} of {@code kind}, if any. */
  public static Optional<Address> trackedAs(State state, String kind, String id) {
    return state.resources().stream()
        .filter(r -> r.kind().equals(kind) && r.id().equals(id))
        .map(r -> Address.parse(r.address()).orElseThrow())
        .findFirst();
  }

  /** Refuses to adopt an object another address already tracks: two addresses, one object. */
  public static void refuseTracked(State state, Address address, String kind, String id) {
    trackedAs(state, kind, id)
        .filter(other -> !other.equals(address))
        .ifPresent(
            other -> {
              throw new StateException(
                  StateException.Code.CONFLICT,
                  "cannot import "
                      + id
                      + " as "
                      + address
                      + ": state already tracks it as "
                      + other
                      + ". If you renamed the resource, move it instead: add a document"
                      + " 'kind: moved' with from: "
                      + other
                      + " and to: "
                      + address
                      + ", or run aepform state mv "
                      + other
                      + " "
                      + address);
            });
  }
}
