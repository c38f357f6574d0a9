package io.aepform.engine.monitor;

import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.apply.Outcome;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.runs.Runs;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dataflow whose first run an apply started: created, replaced, or re-enabled.
 *
 * @param since runs that started from then on are its runs (any run of a new flow)
 * @param due when its first run is expected: its start time, or at once once that has passed
 * @param enabled false for a flow created disabled (it does not run)
 * @param reEnabled true for a flow the apply enabled again (its older runs do not count)
 */
record WaitTarget(
    Address address,
    String id,
    Runs runs,
    Instant since,
    Instant due,
    boolean enabled,
    boolean reEnabled) {
  /**
   * How far the platform's clock may be behind this machine's: a run of a re-enabled flow started
   * this long before the apply still counts. A flow disabled until the apply has no run then.
   */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  /** The flows {@code applied} created, replaced or re-enabled, with their ids in {@code state}. */
  static List<WaitTarget> of(
      ApplyResult applied, State state, Map<String, Kind> kinds, Instant applyStarted) {
    Set<Address> done =
        applied.outcomes().stream()
            .filter(o -> o.status() == Outcome.Status.DONE)
            .map(Outcome::address)
            .collect(Collectors.toSet());
    List<WaitTarget> out = new ArrayList<>();
    for (ResourceChange c : applied.changes()) {
      Kind kind = kinds.get(c.kind());
      Optional<ResourceState> recorded = state.find(c.address().toString());
      if (kind == null
          || kind.runs().isEmpty()
          || !done.contains(c.address())
          || recorded.isEmpty()) {
        continue;
      }
      target(c, kind.runs().get(), recorded.get(), applyStarted).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<WaitTarget> target(
      ResourceChange c, Runs runs, ResourceState recorded, Instant applyStarted) {
    Value spec = Values.fromJson(recorded.spec());
    boolean enabled = runs.enabled(spec);
    if (c.action().adds()) {
      Instant start = runs.schedule(spec).map(s -> s.start()).orElse(applyStarted);
      Instant due = start.isAfter(applyStarted) ? start : applyStarted;
      return Optional.of(
          new WaitTarget(c.address(), recorded.id(), runs, Instant.EPOCH, due, enabled, false));
    }
    boolean wasDisabled = c.before().map(b -> !runs.enabled(spec(b))).orElse(false);
    if (c.action() == Action.UPDATE && wasDisabled && enabled) {
      // re-enabled: the local platform runs it at once (docs/local-platform.md)
      return Optional.of(
          new WaitTarget(
              c.address(),
              recorded.id(),
              runs,
              applyStarted.minus(CLOCK_SKEW),
              applyStarted,
              true,
              true));
    }
    return Optional.empty();
  }

  /**
   * For a re-enabled flow, runs count from when the platform dates the enable, on its own clock: a
   * run from before it was disabled, however recent, is not the one the apply started.
   */
  WaitTarget dated(Kind kind, PlatformClient client) {
    if (!reEnabled) {
      return this;
    }
    return kind.read(client, id)
        .flatMap(r -> runs.enabledAt(r.body()))
        .filter(at -> at.isAfter(since))
        .map(at -> new WaitTarget(address, id, runs, at, due, enabled, true))
        .orElse(this);
  }

  private static Value spec(Value resource) {
    return Values.at(resource, "/spec").orElse(resource);
  }
}
