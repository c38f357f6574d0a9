package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.provider.http.ApiException;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.provider.http.PlatformException;
import io.aepform.engine.runs.Runs;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Dataflows in the Flow Service ({@code POST /flows}). {@code state} (enabled or disabled) is
 * aepform's own field: it is not sent on create but applied with the flow action call. A flow is
 * found by its name and its source connections.
 */
final class FlowKind extends FlowServiceKind {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "flow";

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/name").required(),
          Field.string("/description"),
          Field.object("/flowSpec").required().replaces(),
          Field.string("/flowSpec/id").required().aliases(Specs.FLOW_SPEC_ALIASES),
          Field.string("/flowSpec/version").required().defaultsTo("1.0"),
          Field.strings("/sourceConnectionIds").required().replaces(),
          Field.string("/sourceConnectionIds/*")
              .references(SourceConnectionKind.KIND)
              .replacedTogether(),
          Field.strings("/targetConnectionIds").required().replaces(),
          Field.string("/targetConnectionIds/*")
              .references(TargetConnectionKind.KIND)
              .replacedTogether(),
          Field.array("/transformations"),
          Field.object("/transformations/*"),
          Field.string("/transformations/*/name").required(),
          Field.object("/transformations/*/params").open(),
          // a Mapping transformation: ${mappingSet.x.id} and ${mappingSet.x.version}; the version
          // is a string in flow-service.yaml (TransformationSpecDTO) and in Adobe's GET answers
          Field.string("/transformations/*/params/mappingId").references(MappingSetKind.KIND),
          Field.string("/transformations/*/params/mappingVersion")
              .attributeOf("mappingId", "version"),
          Field.object("/scheduleParams").required(),
          Field.string("/scheduleParams/frequency")
              .required()
              .oneOf("once", "minute", "hour", "day", "week"),
          Field.integer("/scheduleParams/startTime"),
          Field.string("/scheduleParams/interval"),
          Field.bool("/scheduleParams/backfill"),
          Field.string("/state").oneOf("enabled", "disabled"));

  FlowKind(Clock clock) {
    super(
        KIND,
        "flows",
        FIELDS,
        Identity.nameAndKey("name", "/sourceConnectionIds"),
        "/flowSpec",
        clock);
  }

  private static final FlowRuns RUNS = new FlowRuns();

  /** Flows run on their schedule: status and apply --wait-for-runs read their runs. */
  @Override
  public Optional<Runs> runs() {
    return Optional.of(RUNS);
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>(super.check(spec));
    for (String ids : List.of("/sourceConnectionIds", "/targetConnectionIds")) {
      if (Values.at(spec, ids).orElse(null) instanceof Value.Arr a && a.items().isEmpty()) {
        problems.add(new SpecProblem(ids, SpecProblem.field(ids) + " needs at least one id"));
      }
    }
    schedule(spec, problems);
    return problems;
  }

  /** A flow is enabled unless declared disabled: only a disabled one writes its state. */
  @Override
  public ObjectNode exportSpec(JsonNode body) {
    ObjectNode out = super.exportSpec(body);
    if (!out.path("state").asText("").equals("disabled")) {
      out.remove("state");
    }
    return out;
  }

  /**
   * "You cannot update the startTime of a dataflow if the initially scheduled startTime has already
   * occurred" (sources/tutorials/api/update-dataflows.md): refused at plan time, never dropped.
   */
  @Override
  public Optional<String> refuseUpdate(Value applied, Value desired, List<String> changed) {
    if (!changed.contains("/scheduleParams/startTime")) {
      return Optional.empty();
    }
    Optional<Long> started = DisabledFlowStart.seconds(applied);
    if (started.isEmpty() || started.get() > clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(
        "spec.scheduleParams.startTime cannot change: the flow started at "
            + Instant.ofEpochSecond(started.get())
            + ", and AEP refuses a new start time once the first one has passed"
            + " (update-dataflows). Set it back to "
            + started.get()
            + ", or replace the flow with --replace");
  }

  /** A new flow with {@code backfill} (the default) ingests every file under its path again. */
  @Override
  public Optional<Replay> replaysData(Value spec) {
    boolean backfills =
        Values.at(spec, "/scheduleParams/backfill")
            .map(v -> !(Values.unmark(v) instanceof Value.Bool b) || b.value())
            .orElse(true);
    return backfills
        ? Optional.of(
            new Replay(
                "the new one backfills: its first run ingests every file under its source path"
                    + " again",
                "Set scheduleParams.backfill: false to ingest only new files"))
        : Optional.empty();
  }

  @Override
  public List<String> replaceWarnings(Value after) {
    List<String> out = new ArrayList<>();
    out.add(
        replaysData(after).isPresent()
            ? "will be re-created: with scheduleParams.backfill, its first run ingests every file under the source path again"
            : "will be re-created without backfill (scheduleParams.backfill: false): its first run ingests only files that arrive from now on");
    DisabledFlowStart.warning(after, clock.instant()).ifPresent(out::add);
    return out;
  }

  /** A new flow declared disabled may run once before it is disabled: see DisabledFlowStart. */
  @Override
  public List<String> sideEffects(
      Optional<Value> before, Optional<Value> after, Supplier<List<Remote>> others) {
    return before.isEmpty() && after.isPresent()
        ? DisabledFlowStart.warning(after.get(), clock.instant()).stream().toList()
        : List.of();
  }

  private static void schedule(Value spec, List<SpecProblem> problems) {
    String frequency = text(spec, "/scheduleParams/frequency").orElse("");
    Optional<Value> interval = Values.at(spec, "/scheduleParams/interval");
    if (frequency.equals("once")) {
      if (interval.isPresent()) {
        problems.add(
            new SpecProblem("/scheduleParams/interval", "a flow run once takes no interval"));
      }
      return;
    }
    if (!Set.of("minute", "hour", "day", "week").contains(frequency)) {
      return;
    }
    if (interval.isEmpty()) {
      problems.add(
          new SpecProblem(
              "/scheduleParams", "missing required field spec.scheduleParams.interval"));
      return;
    }
    Optional<String> text = text(spec, "/scheduleParams/interval");
    if (text.isPresent()) {
      int minimum = frequency.equals("minute") ? 15 : 1;
      if (!text.get().matches("[0-9]{1,9}") || new BigDecimal(text.get()).intValue() < minimum) {
        problems.add(
            new SpecProblem(
                "/scheduleParams/interval",
                "spec.scheduleParams.interval must be a whole number of at least "
                    + minimum
                    + " for frequency "
                    + frequency));
      }
    }
  }

  private static Optional<String> text(Value spec, String pointer) {
    return Values.at(spec, pointer)
        .map(Values::unmark)
        .filter(v -> v instanceof Value.Str)
        .map(v -> ((Value.Str) v).value());
  }

  @Override
  public Set<String> defaultedAtCreate() {
    return Set.of("/scheduleParams/startTime");
  }

  /** The API requires a start time; one left out means "from now on", kept in state after. */
  @Override
  public Value beforeCreate(Value spec, Instant now) {
    return Values.at(spec, "/scheduleParams/startTime").isPresent()
        ? spec
        : Values.with(spec, "/scheduleParams/startTime", Value.Num.of(now.getEpochSecond()));
  }

  /** {@code state} is aepform's: AEP refuses it in a create body (FLOW-1410-400). */
  @Override
  public JsonNode createBody(Value spec) {
    ObjectNode body = (ObjectNode) Values.toJsonRevealed(spec);
    body.remove("state");
    return body;
  }

  /**
   * Patches what changed except {@code state}, which goes through the flow action call: one call
   * for a rename or a new mapping version, one action call to enable or disable.
   */
  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    List<String> patched =
        changed.stream().filter(p -> !p.equals("/state") && !transformation(p)).toList();
    ArrayNode patch = JsonPatches.of(before, after, patched);
    if (changed.stream().anyMatch(FlowKind::transformation)) {
      Remote read =
          api.read(client, current.id())
              .orElseThrow(
                  () ->
                      new PlatformException(
                          PlatformException.Code.NOT_FOUND,
                          "flow " + current.id() + " is gone: plan again to create it"));
      patch.addAll(FlowTransformations.patch(read.body(), before, after));
    }
    Remote updated = patch.isEmpty() ? current : api.update(client, current, patch);
    if (changed.contains("/state")) {
      updated = setState(client, current.id(), stateOf(after)).orElse(updated);
    }
    return updated;
  }

  /**
   * Enables or disables the flow ({@code POST /flows/{id}/action?op=...}). After a server error or
   * a lost answer the flow is read back: in the wanted state it is done (the call went through),
   * otherwise the call is sent once more. Returns the flow as read after the call.
   */
  private Optional<Remote> setState(PlatformClient client, String id, String wanted) {
    String op = wanted.equals("disabled") ? "DISABLE" : "ENABLE";
    try {
      api.action(client, id, op);
    } catch (ApiException e) {
      if (!(e.outcomeUnknown() || e.status() >= 500)) {
        throw e;
      }
      Optional<Remote> now = api.read(client, id);
      if (now.map(r -> stateIn(r).equals(wanted)).orElse(false)) {
        return now;
      }
      api.action(client, id, op);
    }
    return api.read(client, id);
  }

  private static boolean transformation(String pointer) {
    return pointer.equals("/transformations") || pointer.startsWith("/transformations/");
  }

  private static String stateIn(Remote remote) {
    return text(remote.body(), "/state").orElse("");
  }

  /** A flow is created enabled (AEP refuses state in a create body): it is disabled after. */
  @Override
  public Value asCreated(Value spec) {
    return Values.with(spec, "/state", new Value.Str("enabled"));
  }

  /** A flow declared disabled is created (AEP enables it) and then disabled. */
  @Override
  public Remote afterCreate(PlatformClient client, Remote created, Value spec) {
    if (!callsAfterCreate(spec)) {
      return created;
    }
    return setState(client, created.id(), "disabled").orElse(created);
  }

  @Override
  public boolean callsAfterCreate(Value spec) {
    return stateOf(spec).equals("disabled");
  }

  private static String stateOf(Value spec) {
    return text(spec, "/state").orElse("enabled");
  }
}
