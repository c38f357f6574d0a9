package io.aepform.engine.apply;

import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.ResourceChange;
import java.util.List;
import java.util.function.Predicate;

/**
 * What an apply did: one outcome per planned change, the outputs after it, whether it was
 * interrupted before the end, the changes it walked (before and after, e.g. to tell which dataflows
 * it created or enabled), how many objects it imported and forgot, and whether it changed state
 * without a call ({@code refactored}: moves, imports, forgets).
 */
public record ApplyResult(
    List<Outcome> outcomes,
    List<OutputValue> outputs,
    boolean interrupted,
    List<ResourceChange> changes,
    long imported,
    long forgotten,
    boolean refactored) {
  public ApplyResult {
    outcomes = List.copyOf(outcomes);
    outputs = List.copyOf(outputs);
    changes = List.copyOf(changes);
  }

  /** An apply that walked nothing: neither imports nor forgets. */
  public ApplyResult(List<Outcome> outcomes, List<OutputValue> outputs, boolean interrupted) {
    this(outcomes, outputs, interrupted, List.of(), 0, 0, false);
  }

  public long added() {
    return count(Outcome.Status.DONE, a -> a.adds());
  }

  public long changed() {
    return count(Outcome.Status.DONE, a -> a == Action.UPDATE);
  }

  public long destroyed() {
    return outcomes.stream().filter(Outcome::destroyed).count();
  }

  public List<Outcome> failures() {
    return outcomes.stream().filter(o -> o.status() == Outcome.Status.FAILED).toList();
  }

  public boolean succeeded() {
    return !interrupted && outcomes.stream().allMatch(o -> o.status() == Outcome.Status.DONE);
  }

  private long count(Outcome.Status status, Predicate<Action> which) {
    return outcomes.stream().filter(o -> o.status() == status && which.test(o.action())).count();
  }
}
