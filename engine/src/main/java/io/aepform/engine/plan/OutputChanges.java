package io.aepform.engine.plan;

import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a plan changes the outputs. aepform keeps no output values in state: an output's value before
 * a plan is what {@code aepform output} shows, the manifests evaluated with the ids state holds. An
 * output has none when state holds no object, or not the objects it reads.
 */
public final class OutputChanges {
  private OutputChanges() {}

  /** What the plan does to {@code output}: create, update, or nothing. */
  public static Action action(OutputValue output) {
    if (output.before().isEmpty()) {
      return Action.CREATE;
    }
    Value before = Values.unmark(output.before().get());
    Value after = Values.unmark(output.value());
    return Values.isKnown(output.value()) && before.equals(after) ? Action.NO_OP : Action.UPDATE;
  }

  /** True when some output is created or changes. */
  public static boolean any(List<OutputValue> outputs) {
    return outputs.stream().anyMatch(o -> action(o) != Action.NO_OP);
  }

  /**
   * The outputs of {@code plan} with the values they had: {@code before}, the outputs evaluated
   * with the ids state holds; only those fully known there had a value.
   */
  static Plan withBefore(Plan plan, List<OutputValue> before) {
    Map<String, OutputValue> had =
        before.stream()
            .filter(o -> Values.isKnown(o.value()))
            .collect(Collectors.toMap(OutputValue::name, Function.identity()));
    List<OutputValue> outputs =
        plan.outputs().stream()
            .map(o -> o.withBefore(Optional.ofNullable(had.get(o.name())).map(OutputValue::value)))
            .toList();
    return new Plan(
        plan.environment(),
        plan.lineage(),
        plan.serial(),
        plan.changes(),
        plan.drift(),
        outputs,
        plan.warnings());
  }
}
