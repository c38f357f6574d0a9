package io.aepform.engine.recovery;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Secrets;
import io.aepform.engine.plan.StateView;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.CancelledException;
import io.aepform.state.PendingCreate;
import io.aepform.state.ResourceState;
import io.aepform.state.ResourceStatus;
import io.aepform.state.State;
import io.aepform.state.StateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Settles the creates an earlier run started but did not see through (it crashed, or the answer was
 * lost): the object is looked up by its kind's identity (its name, with its relationship key where
 * the kind has one: a flow by its source connections; its content for nameless kinds). One match
 * created after the pending record is adopted; several stop the run, since aepform cannot tell
 * which is its own. None means the create never happened, but only once a grace period has passed
 * since it was sent: AEP's lists can lag, and a create the gateway timed out on can still complete
 * (the gateway answers after at most 60 s). Until then the lookup is repeated with backoff.
 */
public final class PendingResolver {
  /** Clocks of this machine and the platform may differ this much. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  /** How long a create may take to appear in the platform's lists by default. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);

  private final Map<String, Kind> kinds;
  private final PlatformClient client;
  private final Clock clock;
  private final Duration grace;
  private final Sleeper sleeper;
  private final PendingListener listener;

  /** Waits between lookups; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public PendingResolver(
      Map<String, Kind> kinds,
      PlatformClient client,
      Clock clock,
      Duration grace,
      Sleeper sleeper) {
    this(kinds, client, clock, grace, sleeper, PendingListener.none());
  }

  /** As above, telling {@code listener} of each object it waits for. */
  public PendingResolver(
      Map<String, Kind> kinds,
      PlatformClient client,
      Clock clock,
      Duration grace,
      Sleeper sleeper,
      PendingListener listener) {
    this.kinds = Map.copyOf(kinds);
    this.client = client;
    this.clock = clock;
    this.grace = grace;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /** The edits that settle every pending record of {@code state}, in address order. */
  public List<UnaryOperator<State>> resolve(State state) {
    List<UnaryOperator<State>> edits = new ArrayList<>();
    for (ResourceState r : state.resources()) {
      if (r.status() == ResourceStatus.PENDING_CREATE) {
        edits.add(settle(r));
      }
    }
    return edits;
  }

  private UnaryOperator<State> settle(ResourceState r) {
    Kind kind = kinds.get(r.kind());
    PendingCreate pending = r.pending().orElseThrow();
    Value spec = Secrets.marked(Values.fromJson(r.spec()));
    Instant deadline = pending.startedAt().plus(grace);
    Duration wait = Duration.ofSeconds(1);
    boolean told = false;
    while (true) {
      List<Remote> matches = kind.find(client, spec);
      if (!matches.isEmpty()) {
        return adopt(r, kind, pending, spec, matches);
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        return s -> s.without(r.address());
      }
      Duration left = Duration.between(now, deadline);
      if (!told) {
        listener.lookingFor(Address.parse(r.address()).orElseThrow(), deadline);
        told = true;
      }
      try {
        sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancelledException(
            CancelledException.Code.INTERRUPTED,
            r.address() + ": interrupted while looking for the object an earlier apply created");
      }
      wait = wait.multipliedBy(2);
    }
  }

  private static UnaryOperator<State> adopt(
      ResourceState r, Kind kind, PendingCreate pending, Value spec, List<Remote> matches) {
    Instant after = pending.startedAt().minus(CLOCK_SKEW);
    List<Remote> recent =
        matches.stream()
            .filter(m -> m.createdAt().equals(Instant.EPOCH) || !m.createdAt().isBefore(after))
            .toList();
    String what = kind.identity().describe(spec);
    if (recent.size() > 1) {
      throw new StateException(
          StateException.Code.UNRESOLVED,
          r.address()
              + ": an earlier apply was interrupted while creating "
              + what
              + ", and "
              + recent.size()
              + " such objects exist (ids "
              + ids(recent)
              + "). Delete the extra ones, then adopt the right one with: aepform import "
              + r.address()
              + " <id>");
    }
    if (recent.isEmpty()) {
      Remote old = matches.get(0);
      throw new StateException(
          StateException.Code.UNRESOLVED,
          r.address()
              + ": "
              + what
              + " (id "
              + old.id()
              + ") existed before aepform tried to create it at "
              + pending.startedAt()
              + ". If it is the one you want, adopt it with: aepform import "
              + r.address()
              + " "
              + old.id()
              + "; otherwise rename the resource in the manifest");
    }
    Remote remote = recent.get(0);
    ResourceState adopted =
        ResourceState.created(
            r.address(),
            r.kind(),
            remote.id(),
            remote.name().isBlank() ? r.name() : remote.name(),
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
