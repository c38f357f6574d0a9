package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.RunOptions;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.store.DocumentStore;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Dataflow runs, computed from each flow's ledger and the clock whenever they are read: no thread
 * runs anything in the background, and with a fixed clock every read gives the same runs.
 *
 * <p>A flow runs at its start time, or at once when created or re-enabled after it (help/sources/
 * tutorials/api/collect/crm.md: startTime "Determines when the dataflow will begin its first run"),
 * then every interval; a disabled flow does not run. A run is {@code inProgress} for the run
 * duration, then succeeds, partly fails or fails as drawn from the seed and its id.
 *
 * <p>All methods lock the object store, as the HTTP dispatcher does, so HTTP calls and the Java
 * back door see the same state.
 */
public final class Runs {
  private final ObjectStore store;
  private final DocumentStore ledgers;
  private final Clock clock;
  private final long seed;
  private final BucketScan bucket;
  private final RunSettingsTimeline settings;

  public Runs(
      ObjectStore store, Optional<Path> dataDir, Clock clock, long seed, RunOptions options) {
    this.store = store;
    this.ledgers = new DocumentStore("runLedgers", dataDir);
    this.clock = clock;
    this.seed = seed;
    this.bucket = new BucketScan(options.bucketDir());
    this.settings = new RunSettingsTimeline(clock.millis(), RunSettings.of(options));
  }

  /** Runs that start from now on follow these options (the bucket folder is fixed at start). */
  public void setOptions(RunOptions options) {
    settings.set(clock.millis(), RunSettings.of(options));
  }

  /** Brings a flow's ledger up to date after the flow was created or changed. */
  public void flowChanged(Scope scope, String flowId) {
    synchronized (store) {
      store.get(scope, ResourceKind.FLOW, flowId).ifPresent(f -> ledger(scope, f));
    }
  }

  public void flowDeleted(Scope scope, String flowId) {
    synchronized (store) {
      ledgers.remove(scope, flowId);
    }
  }

  /** The runs of the sandbox's flows that {@code flows} accepts, oldest first. */
  List<RunRef> refs(Scope scope, Predicate<String> flows) {
    synchronized (store) {
      long now = clock.millis();
      List<RunRef> out = new ArrayList<>();
      for (Map.Entry<String, ObjectNode> f : store.list(scope, ResourceKind.FLOW)) {
        if (flows.test(f.getKey())) {
          out.addAll(ledger(scope, f.getValue()).runs(now));
        }
      }
      out.sort(Comparator.comparingLong(RunRef::at).thenComparing(RunRef::flowId));
      return out;
    }
  }

  Optional<RunRef> find(Scope scope, String runId) {
    return refs(scope, f -> true).stream().filter(r -> r.id().equals(runId)).findFirst();
  }

  /** A run as GET answers it. */
  ObjectNode document(Scope scope, RunRef ref) {
    synchronized (store) {
      JsonNode flow = flow(scope, ref.flowId());
      return RunDocument.write(ref, flow, outcome(ref), intake(scope, flow, ref), clock.millis());
    }
  }

  /** Copies of a flow's runs, oldest first, as GET answers them (for tests). */
  public List<ObjectNode> documents(Scope scope, String flowId) {
    synchronized (store) {
      return refs(scope, flowId::equals).stream().map(r -> document(scope, r)).toList();
    }
  }

  /**
   * A flow's {@code lastRunDetails}, as
   * help/sources/tutorials/api/create/analytics/pendo-webhook.md shows it.
   */
  public Optional<ObjectNode> lastRunDetails(Scope scope, String flowId) {
    synchronized (store) {
      List<RunRef> runs = refs(scope, flowId::equals);
      if (runs.isEmpty()) {
        return Optional.empty();
      }
      RunRef last = runs.get(runs.size() - 1);
      long now = clock.millis();
      JsonNode flow = flow(scope, flowId);
      RunOutcome outcome = RunDocument.effective(outcome(last), intake(scope, flow, last));
      ObjectNode d = Json.object().put("id", last.id());
      d.put("state", RunDocument.state(last, outcome, now)).put("startedAtUTC", last.at());
      if (last.completedBy(now)) {
        d.put("completedAtUTC", last.completesAt());
      }
      return Optional.of(d);
    }
  }

  private RunOutcome outcome(RunRef ref) {
    return RunOutcome.draw(seed, ref.draw(), ref.segment().settings());
  }

  private Intake intake(Scope scope, JsonNode flow, RunRef ref) {
    String sourceId = flow.path("sourceConnectionIds").path(0).asText();
    Optional<ObjectNode> source = store.get(scope, ResourceKind.SOURCE_CONNECTION, sourceId);
    if (source.isEmpty()) {
      return Intake.NOTHING;
    }
    Schedule s = ref.segment().schedule();
    long after =
        ref.previousAt() != Segment.NONE
            ? ref.previousAt()
            : s.backfill() ? Long.MIN_VALUE : s.startMillis() - 1;
    return bucket.intake(source.get(), after, ref.at());
  }

  private JsonNode flow(Scope scope, String flowId) {
    return store.get(scope, ResourceKind.FLOW, flowId).orElseThrow();
  }

  /** The flow's ledger, created, settled and reconciled with the flow as it is now. */
  private RunLedger ledger(Scope scope, JsonNode flow) {
    String id = flow.path("id").asText();
    Optional<RunLedger> stored = ledgers.get(scope, id).map(RunLedger::fromJson);
    RunLedger l = stored.orElseGet(() -> RunLedger.empty(id, flow.path("name").asText()));
    if (stored.isEmpty() && enabled(flow)) {
      long created = flow.path("createdAt").asLong();
      Schedule s = Schedule.of(flow);
      l = l.opened(created, Math.max(s.startMillis(), created), s, settings.at(created));
    }
    l = reconcile(settle(l), flow, clock.millis());
    if (stored.isEmpty() || !stored.get().equals(l)) {
      ledgers.put(scope, id, l.toJson());
    }
    return l;
  }

  /** Splits the open stretch where the run settings changed since it began. */
  private RunLedger settle(RunLedger l) {
    for (RunSettingsTimeline.Change c :
        settings.since(l.openSegment().map(Segment::from).orElse(Long.MAX_VALUE))) {
      l = l.settingsChanged(c.since(), c.settings());
    }
    return l;
  }

  /**
   * Follows the flow's state and schedule: disabled stops, enabled runs at once, a new schedule
   * applies.
   */
  private RunLedger reconcile(RunLedger l, JsonNode flow, long now) {
    Schedule s = Schedule.of(flow);
    Optional<Segment> open = l.openSegment();
    if (!enabled(flow)) {
      return l.closed(now + 1);
    }
    if (open.isEmpty()) {
      return l.opened(now, Math.max(s.startMillis(), now), s, settings.at(now));
    }
    if (!open.get().schedule().equals(s)) {
      return l.closed(now + 1).opened(now + 1, Segment.NONE, s, open.get().settings());
    }
    return l;
  }

  private static boolean enabled(JsonNode flow) {
    return flow.path("state").asText("enabled").equals("enabled");
  }
}
