package io.aepform.engine.plan;

import io.aepform.engine.value.Pointers;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Field-level differences between two specs. Objects are compared key by key; lists and scalars as
 * a whole. Unknown values always differ: apply will tell.
 */
public final class Diff {
  private Diff() {}

  /** The changed fields, in key order, from {@code before} to {@code after}. */
  public static List<FieldChange> fields(Value before, Value after) {
    List<FieldChange> out = new ArrayList<>();
    diff("", Optional.of(before), Optional.of(after), out);
    return out;
  }

  private static void diff(
      String pointer, Optional<Value> before, Optional<Value> after, List<FieldChange> out) {
    if (before.isPresent()
        && after.isPresent()
        && before.get() instanceof Value.Obj b
        && after.get() instanceof Value.Obj a) {
      TreeSet<String> keys = new TreeSet<>(b.fields().keySet());
      keys.addAll(a.fields().keySet());
      for (String key : keys) {
        diff(
            Pointers.child(pointer, key),
            Optional.ofNullable(b.fields().get(key)),
            Optional.ofNullable(a.fields().get(key)),
            out);
      }
    } else if (!same(before, after)) {
      out.add(new FieldChange(pointer, before, after));
    }
  }

  private static boolean same(Optional<Value> before, Optional<Value> after) {
    if (before.isEmpty() || after.isEmpty()) {
      return before.isEmpty() && after.isEmpty();
    }
    return Values.isKnown(after.get()) && before.get().equals(after.get());
  }
}
