package io.aepform.engine.manifest;

import io.aepform.engine.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The refactoring documents of a configuration, as Terraform's {@code moved}, {@code import} and
 * {@code removed} blocks: reviewed in the plan like any change, harmless once applied.
 */
public record Refactorings(List<Moved> moves, List<Imported> imports, List<Removed> removals) {
  public Refactorings {
    moves = List.copyOf(moves);
    imports = List.copyOf(imports);
    removals = List.copyOf(removals);
  }

  public static Refactorings none() {
    return new Refactorings(List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return moves.isEmpty() && imports.isEmpty() && removals.isEmpty();
  }

  /** {@code kind: moved}: what state holds at {@code from} is now declared at {@code to}. */
  public record Moved(Address from, Address to, Position at) {
    public Moved {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(at, "at");
    }
  }

  /** {@code kind: import}: adopt the remote object {@code id} for the declared {@code to}. */
  public record Imported(Address to, Value id, Position at) {
    public Imported {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(at, "at");
    }
  }

  /** {@code kind: removed}: forget {@code from}; nothing is deleted in AEP. */
  public record Removed(Address from, Position at) {
    public Removed {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(at, "at");
    }
  }
}
