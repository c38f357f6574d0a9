package io.aepform.engine.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Evaluator;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.plan.Secrets;
import io.aepform.engine.plan.StateView;
import io.aepform.engine.provider.http.ApiException;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import io.aepform.state.PendingCreate;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  String create(ResourceChange change) throws InterruptedException {
    Kind handler = ctx.handlers().get(change.kind());
    Value spec = handler.beforeCreate(concreteSpec(change, handler), ctx.clock().instant());
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
  String update(ResourceChange change) throws InterruptedException {
    Kind handler = ctx.handlers().get(change.kind());
    Value after = concreteSpec(change, handler);
    Value before = Values.at(change.before().orElseThrow(), "/spec").orElseThrow();
    String address = change.address().toString();
    ResourceState recorded = recorded(address);
    List<String> pointers =
        change.fields().stream().map(io.aepform.engine.plan.FieldChange::pointer).toList();
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
            recorded.attributes(),
            recorded.dependencies());
    record(s -> s.with(next), Unrecorded.updated(address));
    return recorded.id();
  }

  /** Deletes the object recorded for {@code change}. */
  void delete(ResourceChange change) throws InterruptedException {
    Kind handler = ctx.handlers().get(change.kind());
    String address = change.address().toString();
    ResourceState recorded = recorded(address);
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
    } catch (AepformException e) {
      if (e.code() != ErrorCode.STATE) {
        throw e;
      }
      String said = e.getMessage().strip();
      throw new AepformException(
          ErrorCode.STATE, said + (said.endsWith(".") ? " " : ". ") + whatNow, e);
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
  private static java.util.Optional<String> planned(ResourceChange change, String pointer) {
    return change
        .before()
        .flatMap(b -> Values.at(b, pointer))
        .filter(v -> v instanceof Value.Str)
        .map(v -> ((Value.Str) v).value());
  }

  private static Remote remoteOf(ResourceState r, java.util.Optional<String> etag) {
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
                (a, attr) ->
                    java.util.Optional.ofNullable(attributes.get(a)).map(m -> m.get(attr))));
    Value spec =
        handler.normalize(
            evaluator.evaluate(planned, p -> Position.of(change.address().toString())));
    if (!Values.isKnown(spec)) {
      throw new AepformException(
          ErrorCode.INTERNAL,
          change.address() + ": values still unknown at apply time; this is a bug in aepform");
    }
    return spec;
  }

  private ObjectNode stored(Value spec) {
    return (ObjectNode) Secrets.toStoredJson(Secrets.digested(spec, ctx.salt()));
  }

  private static Map<String, Value> attributesOf(ResourceState r) {
    Map<String, Value> out = new java.util.LinkedHashMap<>();
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
