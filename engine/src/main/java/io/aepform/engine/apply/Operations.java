package io.aepform.engine.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Evaluator;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.plan.FieldChange;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.plan.Secrets;
import io.aepform.engine.plan.StateView;
import io.aepform.engine.provider.http.ApiException;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.AepformException;
import io.aepform.error.InternalException;
import io.aepform.state.PendingCreate;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import io.aepform.state.StateException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The calls of one apply. Each create records a pending entry before it is sent and its result
 * after, both durable before anything that depends on it starts.
 */
final class Operations {
  private final ApplyContext ctx;
  private final Map<Address, Map<String, Value>> attributes = new ConcurrentHashMap<>();

  Operations(ApplyContext ctx, Map<Address, Map<String, Value>> known) {
    this.ctx = ctx;
    this.attributes.putAll(known);
  }

  /** The attributes known so far, e.g. for outputs. */
  Map<Address, Map<String, Value>> attributes() {
    return attributes;
  }

  /** Creates the object of {@code change}; returns its id. */
  String create(ResourceChange change, boolean deferring) throws InterruptedException {
    Kind handler = ctx.handlers().get(change.kind());
    Value full = handler.beforeCreate(concreteSpec(change, handler), ctx.clock().instant());
    // fields the kind sets only later are neither sent nor recorded now: the follow-up does both
    Value spec = deferring ? withFields(full, Value.Obj.empty(), handler) : full;
    String name =
        Values.at(spec, "/" + handler.nameField()).map(Operations::text).orElse(change.name());
    ObjectNode stored = stored(spec);
    List<String> deps = change.dependencies().stream().map(Address::toString).toList();
    String address = change.address().toString();
    PendingCreate pending = new PendingCreate(name, ctx.clock().instant(), ctx.runId());
    record(
        s -> s.with(ResourceState.pendingCreate(address, change.kind(), stored, deps, pending)),
        Unrecorded.notSent(address));
    String pendingKept = Unrecorded.pendingKept(address);
    Remote remote;
    try {
      acquire();
    } catch (Cancelled e) {
      record(s -> s.without(address), pendingKept); // nothing was sent
      throw e;
    }
    try {
      remote = handler.create(ctx.client(), handler.createBody(spec));
    } catch (ApiException e) {
      if (!e.outcomeUnknown()) {
        record(s -> s.without(address), pendingKept);
      }
      throw e;
    } finally {
      ctx.limiter().release();
    }
    ResourceState created =
        ResourceState.created(
            address,
            change.kind(),
            remote.id(),
            name,
            remote.etag(),
            stored,
            StateView.attributesJson(remote.attributes()),
            deps);
    record(s -> s.with(created), Unrecorded.created(address, remote.id()));
    attributes.put(change.address(), remote.attributes());
    if (!handler.callsAfterCreate(spec)) {
      return remote.id();
    }
    try {
      Remote settled;
      ctx.limiter().acquire();
      try {
        settled = handler.afterCreate(ctx.client(), remote, spec);
      } finally {
        ctx.limiter().release();
      }
      if (!settled.etag().equals(remote.etag())) {
        record(
            s -> s.with(withEtag(created, settled.etag())), Unrecorded.etag(address, remote.id()));
      }
    } catch (AepformException e) {
      // the object exists as the create call made it: the next plan changes the rest in place
      ResourceState asCreated =
          ResourceState.created(
              created.address(),
              created.kind(),
              created.id(),
              created.name(),
              created.etag(),
              stored(handler.asCreated(spec)),
              created.attributes(),
              created.dependencies());
      record(s -> s.with(asCreated), Unrecorded.afterCreate(address, remote.id(), e.getMessage()));
      throw e;
    }
    return remote.id();
  }

  /** Changes the object of {@code change} in place; returns its id. */
  String update(ResourceChange change, boolean deferring) throws InterruptedException {
    Kind handler = ctx.handlers().get(change.kind());
    Value before = Values.at(change.before().orElseThrow(), "/spec").orElseThrow();
    Value desired = concreteSpec(change, handler);
    // deferred fields keep their recorded values until the follow-up changes them
    Value after = deferring ? withFields(desired, before, handler) : desired;
    String address = change.address().toString();
    ResourceState recorded = recorded(address);
    List<String> pointers =
        change.fields().stream()
            .map(FieldChange::pointer)
            .filter(p -> !deferring || !deferred(p, handler))
            .toList();
    if (pointers.isEmpty()) {
      return recorded.id();
    }
    Remote updated;
    acquire();
    try {
      updated =
          handler.update(
              ctx.client(), remoteOf(recorded, planned(change, "/etag")), before, after, pointers);
    } finally {
      ctx.limiter().release();
    }
    ResourceState next =
        ResourceState.created(
            address,
            recorded.kind(),
            recorded.id(),
            Values.at(after, "/" + handler.nameField())
                .map(Operations::text)
                .orElse(recorded.name()),
            updated.etag(),
            stored(after),
            renewed(recorded, updated, handler),
            recorded.dependencies());
    ctx.writer().write(s -> s.with(next));
    attributes.put(change.address(), attributesOf(next));
    return recorded.id();
  }

  /** The recorded attributes with those the update renewed (a new version) as it answered them. */
  private static ObjectNode renewed(ResourceState recorded, Remote updated, Kind kind) {
    ObjectNode out = recorded.attributes().deepCopy();
    for (String attr : kind.renewedByUpdate()) {
      Value v = updated.attributes().get(attr);
      if (v != null) {
        out.set(attr, Values.toJsonRedacted(v));
      }
    }
    return out;
  }

  /**
   * Sets the fields the kind defers (a schema's union tag) once what they wait for exists: an
   * update from what state records to the desired values of those fields.
   */
  String followUp(ResourceChange change) throws InterruptedException {
    Kind handler = ctx.handlers().get(change.kind());
    String address = change.address().toString();
    ResourceState recorded = recorded(address);
    Value desired = concreteSpec(change, handler);
    Value before = withFields(desired, Secrets.marked(Values.fromJson(recorded.spec())), handler);
    List<String> pointers =
        handler.deferredUntil().keySet().stream()
            .filter(p -> !Values.at(before, p).equals(Values.at(desired, p)))
            .toList();
    if (pointers.isEmpty()) {
      return recorded.id();
    }
    Remote updated;
    acquire();
    try {
      updated = handler.update(ctx.client(), remoteOf(recorded), before, desired, pointers);
    } finally {
      ctx.limiter().release();
    }
    ResourceState next =
        ResourceState.created(
            address,
            recorded.kind(),
            recorded.id(),
            recorded.name(),
            updated.etag().isEmpty() ? recorded.etag() : updated.etag(),
            stored(desired),
            renewed(recorded, updated, handler),
            recorded.dependencies());
    record(s -> s.with(next), Unrecorded.updated(address));
    return recorded.id();
  }

  private boolean undeletable(Kind kind, ResourceState recorded) {
    List<Kind.Tracked> tracked =
        ctx.writer().current().resources().stream()
            .map(
                r ->
                    new Kind.Tracked(
                        r.address(), r.kind(), r.id(), Secrets.marked(Values.fromJson(r.spec()))))
            .toList();
    return kind.undeletable(Secrets.marked(Values.fromJson(recorded.spec())), tracked).isPresent();
  }

  /** {@code spec} with the kind's deferred fields as {@code source} has them (or without). */
  private static Value withFields(Value spec, Value source, Kind kind) {
    Value out = spec;
    for (String pointer : kind.deferredUntil().keySet()) {
      Optional<Value> v = Values.at(source, pointer);
      out = v.isPresent() ? Values.with(out, pointer, v.get()) : Values.without(out, pointer);
    }
    return out;
  }

  private static boolean deferred(String pointer, Kind kind) {
    return kind.deferredUntil().keySet().stream()
        .anyMatch(d -> pointer.equals(d) || pointer.startsWith(d + "/"));
  }

  /** Deletes the object recorded for {@code change}. */
  void delete(ResourceChange change) throws InterruptedException {
    Kind handler = ctx.handlers().get(change.kind());
    String address = change.address().toString();
    ResourceState recorded = recorded(address);
    if (undeletable(handler, recorded)) {
      // replaced, but AEP cannot delete it (a schema enabled for Profile): it is forgotten
      ctx.writer().write(s -> s.without(address));
      attributes.remove(change.address());
      return;
    }
    Remote remote = remoteOf(recorded);
    acquire();
    try {
      handler.delete(ctx.client(), remote);
    } finally {
      ctx.limiter().release();
    }
    record(s -> s.without(address), Unrecorded.deleted(address));
    attributes.remove(change.address());
  }

  /**
   * Records {@code edit} in state. When state cannot be written, fails with the state error's own
   * message followed by {@code whatNow}: what the platform and state hold after this step.
   */
  private void record(UnaryOperator<State> edit, String whatNow) {
    try {
      ctx.writer().write(edit);
    } catch (StateException e) {
      String said = e.getMessage().strip();
      throw new StateException(e.reason(), said + (said.endsWith(".") ? " " : ". ") + whatNow, e);
    }
  }

  /** Thrown instead of sending a call once the apply is cancelled: the step did not start. */
  static final class Cancelled extends RuntimeException {
    Cancelled(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * Waits for the limiter to allow a call. The walk keeps more steps going than calls, so a step
   * may wait here while the apply is cancelled, or while state stops being writable: then it sends
   * nothing.
   */
  private void acquire() throws InterruptedException {
    ctx.limiter().acquire();
    if (ctx.cancelled().get()) {
      ctx.limiter().release();
      throw new Cancelled("the apply was interrupted");
    }
    if (ctx.writer().failure().isPresent()) {
      ctx.limiter().release();
      throw new Cancelled(Outcome.STATE_NOT_WRITABLE);
    }
  }

  private ResourceState recorded(String address) {
    return ctx.writer()
        .current()
        .find(address)
        .orElseThrow(() -> new IllegalStateException(address + " is not in state"));
  }

  /** An attribute of the object as the plan saw it (e.g. the etag refresh read). */
  private static Optional<String> planned(ResourceChange change, String pointer) {
    return change
        .before()
        .flatMap(b -> Values.at(b, pointer))
        .filter(v -> v instanceof Value.Str)
        .map(v -> ((Value.Str) v).value());
  }

  private static Remote remoteOf(ResourceState r, Optional<String> etag) {
    return new Remote(
        r.id(),
        r.name(),
        etag.orElse(r.etag()),
        attributesOf(r),
        Value.Null.INSTANCE,
        Instant.EPOCH);
  }

  private static Remote remoteOf(ResourceState r) {
    return new Remote(
        r.id(), r.name(), r.etag(), attributesOf(r), Value.Null.INSTANCE, Instant.EPOCH);
  }

  private static ResourceState withEtag(ResourceState r, String etag) {
    return ResourceState.created(
        r.address(), r.kind(), r.id(), r.name(), etag, r.spec(), r.attributes(), r.dependencies());
  }

  /** The planned spec with every value known only after apply filled in from results. */
  private Value concreteSpec(ResourceChange change, Kind handler) {
    Value planned = Values.at(change.after().orElseThrow(), "/spec").orElseThrow();
    Evaluator evaluator =
        new Evaluator(
            new Evaluator.Scope(
                ctx.scope().variables(),
                ctx.scope().environment(),
                (a, attr) -> Optional.ofNullable(attributes.get(a)).map(m -> m.get(attr)),
                ctx.scope().platform()));
    Value spec =
        handler.normalize(
            evaluator.evaluate(planned, p -> Position.of(change.address().toString())));
    if (!Values.isKnown(spec)) {
      throw new InternalException(
          change.address() + ": values still unknown at apply time; this is a bug in aepform");
    }
    return spec;
  }

  private ObjectNode stored(Value spec) {
    return (ObjectNode) Secrets.toStoredJson(Secrets.digested(spec, ctx.salt()));
  }

  private static Map<String, Value> attributesOf(ResourceState r) {
    Map<String, Value> out = new LinkedHashMap<>();
    r.attributes()
        .fields()
        .forEachRemaining(e -> out.put(e.getKey(), Values.fromJson(e.getValue())));
    return out;
  }

  private static String text(Value v) {
    return Values.unmark(v) instanceof Value.Str s
        ? s.value()
        : Values.toJsonRedacted(v).toString();
  }
}
