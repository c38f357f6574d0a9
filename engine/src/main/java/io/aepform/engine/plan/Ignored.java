package io.aepform.engine.plan;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code lifecycle.ignoreChanges}: JSON Pointers whose changes and drift do not count. */
final class Ignored {
  private Ignored() {}

  /** The changes not under an ignored pointer. */
  static List<FieldChange> drop(List<FieldChange> changes, List<String> ignored) {
    return changes.stream().filter(c -> !Planner.under(c.pointer(), Set.copyOf(ignored))).toList();
  }

  /** The desired spec with the recorded value kept at every ignored pointer. */
  static Value keep(Value desired, Value recorded, List<String> ignored) {
    Value out = desired;
    for (String pointer : ignored) {
      Optional<Value> kept = Values.at(recorded, pointer);
      if (kept.isPresent()) {
        out = Values.with(out, pointer, kept.get());
      }
    }
    return out;
  }
}
