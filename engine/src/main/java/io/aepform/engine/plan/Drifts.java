package io.aepform.engine.plan;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.value.Pointers;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares what aepform applied with what the platform now returns, on the fields aepform declared
 * only: fields the server adds ({@code createdAt}, {@code meta:registryMetadata}, the extra keys of
 * a schema's {@code allOf} entries) never count, nor do secrets, which AEP never returns. Below a
 * field the update sends whole ({@link Field#comparedWhole}), keys only the platform has count too,
 * but those it adds by itself.
 */
public final class Drifts {
  private Drifts() {}

  /**
   * The declared fields whose remote value differs, before = applied, after = remote. Values the
   * platform answers in another form (a string for a number, a field's other form) are the same.
   */
  public static List<FieldChange> fields(Value applied, Value remote, Fields fields) {
    List<FieldChange> out = new ArrayList<>();
    walk("", applied, Optional.of(remote), fields, out);
    return out;
  }

  /** {@code applied} with the remote values of {@code drift} in place. */
  public static Value refreshed(Value applied, List<FieldChange> drift) {
    Value out = applied;
    for (FieldChange f : drift) {
      out =
          f.after().isPresent()
              ? Values.with(out, f.pointer(), f.after().get())
              : without(out, f.pointer());
    }
    return out;
  }

  private static void walk(
      String pointer,
      Value applied,
      Optional<Value> remote,
      Fields declared,
      List<FieldChange> out) {
    if (applied instanceof Value.Sensitive) {
      return;
    }
    if (remote.isEmpty()) {
      out.add(new FieldChange(pointer, Optional.of(applied), Optional.empty()));
    } else if (applied instanceof Value.Obj o && remote.get() instanceof Value.Obj r) {
      for (Map.Entry<String, Value> e : o.fields().entrySet()) {
        walk(
            Pointers.child(pointer, e.getKey()),
            e.getValue(),
            Optional.ofNullable(r.fields().get(e.getKey())),
            declared,
            out);
      }
      declared.wholeAt(pointer).ifPresent(whole -> remoteOnly(pointer, o, r, whole, out));
    } else {
      Optional<Field> whole = declared.wholeAt(pointer);
      Value compared =
          whole.isPresent()
              ? comparable(Optional.of(applied), remote.get(), whole.get())
              : project(applied, remote.get());
      if (!same(pointer, applied, compared, declared)) {
        Value after = whole.isPresent() ? compared : remote.get();
        out.add(new FieldChange(pointer, Optional.of(applied), Optional.of(after)));
      }
    }
  }

  /**
   * Below a field the update sends whole, the keys only the platform has, but those it adds by
   * itself: the update would remove them.
   */
  private static void remoteOnly(
      String pointer, Value.Obj applied, Value.Obj remote, Field whole, List<FieldChange> out) {
    remote.fields().entrySet().stream()
        .filter(e -> !applied.fields().containsKey(e.getKey()))
        .filter(e -> !whole.addedByPlatform(e.getKey(), e.getValue()))
        .forEach(
            e ->
                out.add(
                    new FieldChange(
                        Pointers.child(pointer, e.getKey()),
                        Optional.empty(),
                        Optional.of(comparable(Optional.empty(), e.getValue(), whole)))));
  }

  /**
   * The remote value below a field compared whole, without the keys the platform adds by itself
   * where {@code applied} does not have them.
   */
  private static Value comparable(Optional<Value> applied, Value remote, Field whole) {
    if (remote instanceof Value.Obj r) {
      Map<String, Value> a = applied.orElse(null) instanceof Value.Obj o ? o.fields() : Map.of();
      Map<String, Value> fields = new LinkedHashMap<>();
      r.fields()
          .forEach(
              (k, v) -> {
                if (a.containsKey(k) || !whole.addedByPlatform(k, v)) {
                  fields.put(k, comparable(Optional.ofNullable(a.get(k)), v, whole));
                }
              });
      return new Value.Obj(fields);
    }
    if (remote instanceof Value.Arr r) {
      List<Value> a = applied.orElse(null) instanceof Value.Arr s ? s.items() : List.of();
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < r.items().size(); i++) {
        items.add(
            comparable(
                i < a.size() ? Optional.of(a.get(i)) : Optional.empty(), r.items().get(i), whole));
      }
      return new Value.Arr(items);
    }
    return remote;
  }

  private static boolean same(String pointer, Value applied, Value remote, Fields declared) {
    return Values.looselyEqual(applied, remote)
        || declared.find(pointer).map(f -> f.same(applied, remote)).orElse(false);
  }

  /** The remote value cut down to the shape of the applied one (keys it has, recursively). */
  public static Value project(Value shape, Value remote) {
    if (shape instanceof Value.Obj s && remote instanceof Value.Obj r) {
      Map<String, Value> fields = new LinkedHashMap<>();
      s.fields()
          .forEach(
              (k, v) -> {
                if (r.fields().containsKey(k)) {
                  fields.put(k, v instanceof Value.Sensitive ? v : project(v, r.fields().get(k)));
                }
              });
      return new Value.Obj(fields);
    }
    if (shape instanceof Value.Arr s
        && remote instanceof Value.Arr r
        && s.items().size() == r.items().size()) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < s.items().size(); i++) {
        items.add(project(s.items().get(i), r.items().get(i)));
      }
      return new Value.Arr(items);
    }
    return remote;
  }

  private static Value without(Value root, String pointer) {
    List<String> tokens = Pointers.tokens(pointer);
    if (tokens.isEmpty() || !(root instanceof Value.Obj o)) {
      return root;
    }
    Map<String, Value> fields = new LinkedHashMap<>(o.fields());
    if (tokens.size() == 1) {
      fields.remove(tokens.get(0));
    } else if (fields.containsKey(tokens.get(0))) {
      fields.put(
          tokens.get(0),
          without(fields.get(tokens.get(0)), pointer.substring(pointer.indexOf('/', 1))));
    }
    return new Value.Obj(fields);
  }
}
