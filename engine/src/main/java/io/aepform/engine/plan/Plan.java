package io.aepform.engine.plan;

import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.manifest.Problem;
import java.util.List;
import java.util.Objects;

/**
 * What apply would do: one change per resource in dependency order (deletes last), drift found by
 * refresh, outputs, and warnings. {@code lineage} and {@code serial} identify the state it was made
 * from, so a saved plan can be refused when stale.
 */
public record Plan(
    String environment,
    String lineage,
    long serial,
    List<ResourceChange> changes,
    List<Drift> drift,
    List<OutputValue> outputs,
    List<Problem> warnings) {
  public Plan {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(lineage, "lineage");
    changes = List.copyOf(changes);
    drift = List.copyOf(drift);
    outputs = List.copyOf(outputs);
    warnings = List.copyOf(warnings);
  }

  public long toAdd() {
    return changes.stream().filter(c -> c.action().adds()).count();
  }

  public long toChange() {
    return changes.stream().filter(c -> c.action() == Action.UPDATE).count();
  }

  public long toDestroy() {
    return changes.stream().filter(c -> c.action().destroys()).count();
  }

  public long toImport() {
    return changes.stream().filter(c -> c.importing().isPresent()).count();
  }

  public long toForget() {
    return changes.stream().filter(c -> c.action() == Action.FORGET).count();
  }

  /** True when an output is created or changes (see {@link OutputChanges}). */
  public boolean hasOutputChanges() {
    return OutputChanges.any(outputs);
  }

  /** True when apply would call the platform or change state (moves, imports, forgets). */
  public boolean hasChanges() {
    return changes.stream()
        .anyMatch(
            c ->
                c.action() != Action.NO_OP
                    || c.previousAddress().isPresent()
                    || c.importing().isPresent());
  }
}
