package io.aepform.engine.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.runs.Runs;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One kind of AEP object, and the only place that knows it (as a resource in Terraform's provider
 * SDK): its {@code kind:} word, its spec {@link Fields} with their behaviour, its attributes, its
 * {@link Identity}, what losing it costs, whether AEP can delete it, and the calls that create,
 * read, list, update and delete its objects. The engine asks the kind; nothing else names it.
 */
public interface Kind {
  /** The {@code kind:} word, e.g. {@code schema}. */
  String kind();

  /** The spec's fields, declared once. */
  Fields fields();

  /** The attributes expressions may read, e.g. {@code id}, {@code name}. */
  Set<String> attributes();

  /** How an object is recognised without its id. */
  Identity identity();

  /**
   * True for an id of an object Adobe provides in every sandbox (a standard XDM field group, the
   * Email namespace): referenced by id, never created, exported or warned about.
   */
  default boolean standard(String id) {
    return false;
  }

  /**
   * True when an object a declared resource would create may already exist because an earlier
   * destroy had to leave it in AEP (AEP cannot delete it, and refuses a second one with the same
   * identity): plan then adopts the existing object by its identity, as an import, instead of
   * creating it.
   */
  default boolean adoptsExisting() {
    return false;
  }

  /** The org's tenant an id of the kind names, when its ids carry it (XDM {@code $id}s do). */
  default Optional<String> tenantIn(String id) {
    return Optional.empty();
  }

  /** The spec field that holds the remote name ({@code ""} for nameless kinds). */
  default String nameField() {
    return identity().nameField().orElse("");
  }

  /** Defaults (the remote name from the logical name, ...) and aliases, before evaluation. */
  default Value prepare(String logicalName, Value spec) {
    Value out = fields().applyDefaults(fields().expandAliases(spec));
    if (!nameField().isEmpty() && Values.at(out, "/" + nameField()).isEmpty()) {
      out = Values.with(out, "/" + nameField(), new Value.Str(logicalName));
    }
    return out;
  }

  /** The evaluated spec in the declared types, secrets marked; unknown values are left alone. */
  default Value normalize(Value spec) {
    return fields().normalize(spec);
  }

  /**
   * The platform's answer made comparable with what was applied: declared types (AEP answers {@code
   * "15"} for a number it took as 15), case and other documented differences.
   */
  default Value normalizeRemote(Value body) {
    return fields().normalize(body);
  }

  /** What the create call would refuse; unknown values are skipped. */
  default List<SpecProblem> check(Value spec) {
    return fields().check(spec);
  }

  /**
   * Problems only the resources this one references can show (a source connection of another
   * connection spec than its base connection): {@code referenced} gives the kind and resolved spec
   * of the resource whose id the field at a pointer holds.
   */
  default List<SpecProblem> checkAgainst(
      Value spec, Function<String, Optional<Target>> referenced) {
    return List.of();
  }

  /** A referenced resource, as the configuration declares it. */
  record Target(String address, String kind, Value spec) {}

  /**
   * Problems the resources that reference this one show, or lack (a schema enabled for Profile
   * needs a primary identity descriptor on it): {@code attributes} are this resource's (its id,
   * unknown until apply), {@code referrers} every resolved resource whose spec references it.
   */
  default List<SpecProblem> checkReferrers(
      Value spec, Map<String, Value> attributes, List<Target> referrers) {
    return List.of();
  }

  /**
   * What only the platform can tell of a spec about to be created or updated (a mapping set's
   * mappings, which Data Prep validates): asked at plan time with a session; values known only
   * after apply are {@link Value.Unknown}; {@code id} is the object's when it exists. Problems
   * refuse the plan.
   */
  default List<SpecProblem> checkOnline(PlatformClient client, Value spec, Optional<String> id) {
    return List.of();
  }

  /**
   * What the platform does by itself to other objects of the kind when this change is made (a new
   * default merge policy demotes the previous default; deleting it restores none): plan warnings.
   * {@code before} is empty for a create, {@code after} for a delete; {@code others} lists the
   * kind's objects in the sandbox (none when the plan is made without the platform).
   */
  default List<String> sideEffects(
      Optional<Value> before, Optional<Value> after, Supplier<List<Remote>> others) {
    return List.of();
  }

  /**
   * True for an object Adobe keeps in every sandbox that lists show with the user's own (Adobe's
   * default merge policy, a standard namespace, as the list answers them): export leaves it out. By
   * default, the objects of {@link #standard} ids.
   */
  default boolean system(Remote remote) {
    return standard(remote.id());
  }

  /**
   * Problems only the resources of this kind together show (two primary identities on one schema),
   * given every resolved resource of the kind in the order the files declare them: each problem
   * names the resource it is found in.
   */
  default List<Finding> checkAll(List<Declared> declared) {
    return List.of();
  }

  /** A resolved resource of the kind, for {@link #checkAll}. */
  record Declared(String address, Value spec) {}

  /** A problem {@link #checkAll} found in the resource at {@code address}. */
  record Finding(String address, SpecProblem problem) {}

  /** Keys the kind does not know, checked on the spec as written. */
  default List<SpecProblem> unknownFields(Value spec) {
    return fields().unknown(spec);
  }

  /**
   * Fields apply fills in at create time when the user leaves them out (a flow's start time): state
   * keeps them and later plans do not treat them as changes.
   */
  default Set<String> defaultedAtCreate() {
    return Set.of();
  }

  /**
   * What deleting an object of the kind loses (a dataset's batches), when it loses data: such an
   * object is never replaced or deleted by accident; a replacement needs {@code --replace}.
   */
  default Optional<String> losesData() {
    return Optional.empty();
  }

  /**
   * Why an object aepform stops managing stays in AEP (AEP cannot delete it), given its applied
   * spec and what else state records; empty when it can be deleted. Destroy then forgets it.
   */
  default Optional<String> undeletable(Value applied, List<Tracked> others) {
    return Optional.empty();
  }

  /**
   * Why AEP would refuse this update of the object as state records it (a dataflow's start time
   * once it has passed): the plan stops with the reason instead of failing mid-apply.
   */
  default Optional<String> refuseUpdate(Value applied, Value desired, List<String> changed) {
    return Optional.empty();
  }

  /**
   * As {@link #refuseUpdate(Value, Value, List)}, for kinds whose updates AEP refuses depending on
   * the other objects state records ({@code tracked}: a field group a Profile schema uses).
   */
  default Optional<String> refuseUpdate(
      Value applied, Value desired, List<String> changed, List<Tracked> tracked) {
    return refuseUpdate(applied, desired, changed);
  }

  /**
   * A change AEP cannot make in place in this object's state, although the fields would allow it
   * (fields removed from a schema enabled for Profile): the reason it is replaced instead.
   */
  default Optional<String> replaceInstead(Value applied, List<String> changed) {
    return Optional.empty();
  }

  /**
   * As {@link #replaceInstead(Value, List)}, for kinds that need to see the desired spec too (what
   * a change removes).
   */
  default Optional<String> replaceInstead(Value applied, Value desired, List<String> changed) {
    return replaceInstead(applied, changed);
  }

  /**
   * As {@link #replaceInstead(Value, Value, List)}, for kinds whose updates AEP refuses depending
   * on what uses the object: {@code users} are the objects state records that reference it (a
   * dataset created for a schema).
   */
  default Optional<String> replaceInstead(
      Value applied, Value desired, List<String> changed, List<Tracked> users) {
    return replaceInstead(applied, desired, changed);
  }

  /**
   * What an in-place update from {@code applied} to {@code desired} destroys (disabling Profile on
   * a dataset removes its profile records), when it does: plan refuses it unless {@code --replace
   * ADDR} confirms it, and then updates the object in place rather than replacing it.
   */
  default Optional<String> updateLosesData(Value applied, Value desired, List<String> changed) {
    return Optional.empty();
  }

  /**
   * Fields (JSON Pointers) the kind sets only once the objects of another kind that reference this
   * one exist, by an update after them (a schema's union tag once its identity descriptors exist:
   * AEP refuses it before), by pointer: the kind waited for.
   */
  default Map<String, String> deferredUntil() {
    return Map.of();
  }

  /**
   * Attributes an update renews (a mapping set's {@code version}: PUT makes a new version), so what
   * reads them is planned with them known after apply.
   */
  default Set<String> renewedByUpdate() {
    return Set.of();
  }

  /** A resource state records, as other kinds' rules may need to see it. */
  record Tracked(String address, String kind, String id, Value spec) {}

  /**
   * When a new object made from {@code spec} ingests data that its predecessor already did (a flow
   * that backfills), so that replacing it duplicates what a kept destination holds: what it does
   * and how to avoid it, in the kind's own words; empty otherwise.
   */
  default Optional<Replay> replaysData(Value spec) {
    return Optional.empty();
  }

  /**
   * @param what what the new object does, e.g. "the new one backfills: its first run ingests every
   *     file under its source path again"
   * @param avoid how to declare it so that it does not, e.g. "Set scheduleParams.backfill: false to
   *     ingest only new files"
   */
  record Replay(String what, String avoid) {}

  /**
   * For a kind whose objects run on a schedule and ingest data (a dataflow): their schedule, state
   * and runs, as {@code status} and {@code apply --wait-for-runs} show them; empty otherwise.
   */
  default Optional<Runs> runs() {
    return Optional.empty();
  }

  /** True when the kind holds the data that flows ingest (a dataset). */
  default boolean receivesIngestedData() {
    return false;
  }

  /**
   * Plan-time refusal or warning of a replacement in context (e.g. a flow that would ingest its
   * files again into a dataset that is kept).
   */
  default List<String> replaceWarnings(Value after) {
    return List.of();
  }

  /** Fills what the API needs at create time and the user may leave out (e.g. a start time). */
  default Value beforeCreate(Value spec, Instant now) {
    return spec;
  }

  /** The create request body for a spec whose values are all known: secrets in clear. */
  default JsonNode createBody(Value spec) {
    return Values.toJsonRevealed(spec);
  }

  /** Sends the create call with {@code body} (secrets in clear) and returns the new object. */
  Remote create(PlatformClient client, JsonNode body);

  /** Calls that follow a create; when one fails the object exists but is not as declared. */
  default Remote afterCreate(PlatformClient client, Remote created, Value spec) {
    return created;
  }

  /**
   * What the object holds after the create call alone, before {@link #afterCreate}'s calls: state
   * records it when those fail, so the next plan makes the rest as an update (never a replace).
   */
  default Value asCreated(Value spec) {
    return spec;
  }

  /** Whether {@link #afterCreate} makes calls for {@code spec}. */
  default boolean callsAfterCreate(Value spec) {
    return false;
  }

  /** The object with that id, or empty when it does not exist. */
  Optional<Remote> read(PlatformClient client, String id);

  /** Every object of the kind in the sandbox. */
  List<Remote> list(PlatformClient client);

  /**
   * Objects whose remote name is exactly {@code name} (a server-side filter where there is one).
   */
  default List<Remote> findByName(PlatformClient client, String name) {
    return list(client).stream().filter(r -> r.name().equals(name)).toList();
  }

  /** The objects that have the identity of {@code spec} (whose identifying values are known). */
  default List<Remote> find(PlatformClient client, Value spec) {
    List<Remote> candidates =
        identity().nameField().isPresent()
                && Values.at(spec, "/" + nameField()).map(Values::unmark).orElse(null)
                    instanceof Value.Str name
            ? findByName(client, name.value())
            : list(client);
    List<Remote> out = new ArrayList<>();
    for (Remote r : candidates) {
      if (identity().matches(spec, normalizeRemote(r.body()))) {
        out.add(r);
      }
    }
    return out;
  }

  /** Changes the object in place from {@code before} to {@code after}, given what differs. */
  Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed);

  /** Deletes the object; an object already gone is not an error. */
  void delete(PlatformClient client, Remote remote);

  /**
   * The spec an export writes for a remote object: its create body, the declared top-level fields
   * the platform returned. Kinds whose answers carry more than their create call override it.
   */
  default ObjectNode exportSpec(JsonNode body) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String field : fields().topLevel()) {
      JsonNode v = body.get(field);
      if (v != null && !v.isNull()) {
        out.set(field, v.deepCopy());
      }
    }
    return out;
  }
}
