package io.aepform.engine.recovery;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.plan.StateView;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import io.aepform.state.PendingCreate;
import io.aepform.state.ResourceState;
import io.aepform.state.ResourceStatus;
import io.aepform.state.State;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Settles the creates an earlier run started but did not see through (it crashed, or the answer was
 * lost): the object is looked up by its exact name. One match created after the pending record is
 * adopted; none means the create never happened and the record is dropped; several stop the run,
 * since aepform cannot tell which is its own.
 */
public final class PendingResolver {
  /** Clocks of this machine and the platform may differ this much. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private PendingResolver() {}

  /** The edits that settle every pending record of {@code state}, in address order. */
  public static List<UnaryOperator<State>> resolve(
      State state, Map<String, Kind> handlers, PlatformClient client) {
    return state.resources().stream()
        .filter(r -> r.status() == ResourceStatus.PENDING_CREATE)
        .map(r -> settle(r, handlers.get(r.kind()), client))
        .toList();
  }

  private static UnaryOperator<State> settle(ResourceState r, Kind handler, PlatformClient client) {
    PendingCreate pending = r.pending().orElseThrow();
    List<Remote> matches = handler.findByName(client, pending.remoteName());
    if (matches.isEmpty()) {
      return s -> s.without(r.address());
    }
    if (matches.size() > 1) {
      throw new AepformException(
          ErrorCode.STATE,
          r.address()
              + ": an earlier apply was interrupted while creating '"
              + pending.remoteName()
              + "', and "
              + matches.size()
              + " objects of that name exist (ids "
              + ids(matches)
              + "). Delete the extra ones, then adopt the right one with: aepform import "
              + r.address()
              + " <id>");
    }
    Remote remote = matches.get(0);
    boolean known = !remote.createdAt().equals(java.time.Instant.EPOCH);
    if (known && remote.createdAt().isBefore(pending.startedAt().minus(CLOCK_SKEW))) {
      throw new AepformException(
          ErrorCode.STATE,
          r.address()
              + ": '"
              + pending.remoteName()
              + "' (id "
              + remote.id()
              + ") existed before aepform tried to create it at "
              + pending.startedAt()
              + ". If it is the one you want, adopt it with: aepform import "
              + r.address()
              + " "
              + remote.id()
              + "; otherwise rename the resource in the manifest");
    }
    ResourceState adopted =
        ResourceState.created(
            r.address(),
            r.kind(),
            remote.id(),
            remote.name(),
            remote.etag(),
            r.spec(),
            StateView.attributesJson(remote.attributes()),
            r.dependencies());
    return s -> s.with(adopted);
  }

  private static String ids(List<Remote> remotes) {
    return String.join(", ", remotes.stream().map(Remote::id).toList());
  }
}
