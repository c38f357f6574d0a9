package io.aepform.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14 (4): outputs are created, updated or left alone, and saved plans say which. */
class OutputChangesTest {
  private static final Value ID = Values.str("89ff50ef");
  private static final Value LATER = Resolver.unknown(new Address("flow", "ingest"), "id");

  private static Plan plan(OutputValue... outputs) {
    return new Plan("dev", "", 0, List.of(), List.of(), List.of(outputs), List.of());
  }

  @Test
  void anOutputWithoutAValueBeforeIsCreated() {
    assertThat(OutputChanges.action(new OutputValue("a", ID, false))).isEqualTo(Action.CREATE);
    assertThat(OutputChanges.action(new OutputValue("a", LATER, false))).isEqualTo(Action.CREATE);
  }

  @Test
  void theSameValueIsNoChangeAndAnotherOrAnUnknownOneIsAnUpdate() {
    assertThat(OutputChanges.action(new OutputValue("a", ID, false, Optional.of(ID))))
        .isEqualTo(Action.NO_OP);
    assertThat(
            OutputChanges.action(new OutputValue("a", Values.str("other"), false, Optional.of(ID))))
        .isEqualTo(Action.UPDATE);
    assertThat(OutputChanges.action(new OutputValue("a", LATER, false, Optional.of(ID))))
        .isEqualTo(Action.UPDATE);
    Value secret = new Value.Sensitive(Values.str("s"));
    assertThat(OutputChanges.action(new OutputValue("s", secret, true, Optional.of(secret))))
        .isEqualTo(Action.NO_OP);
  }

  @Test
  void aPlanHasOutputChangesOnlyWhenAnOutputIsCreatedOrChanges() {
    assertThat(plan(new OutputValue("a", ID, false, Optional.of(ID))).hasOutputChanges()).isFalse();
    assertThat(plan(new OutputValue("a", ID, false)).hasOutputChanges()).isTrue();
    assertThat(plan().hasOutputChanges()).isFalse();
  }

  @Test
  void onlyValuesKnownFromStateCountAsValuesBefore() {
    Plan plan = plan(new OutputValue("a", ID, false), new OutputValue("b", ID, false));
    Plan withBefore =
        OutputChanges.withBefore(
            plan, List.of(new OutputValue("a", ID, false), new OutputValue("b", LATER, false)));
    assertThat(withBefore.outputs().get(0).before()).contains(ID);
    assertThat(withBefore.outputs().get(1).before()).isEmpty();
  }

  @Test
  void aSavedPlanKeepsWhatOutputsWereBefore() {
    Value secret = new Value.Sensitive(Values.str("s3cret"));
    Plan plan =
        plan(
            new OutputValue("a", LATER, false, Optional.of(ID)),
            new OutputValue("s", secret, true, Optional.of(secret)),
            new OutputValue("c", ID, false));
    Plan decoded = PlanCodec.decode(PlanCodec.encode(plan, "c2FsdHNhbHRzYWx0c2FsdA=="));
    assertThat(decoded.outputs())
        .extracting(OutputChanges::action)
        .containsExactly(Action.UPDATE, Action.NO_OP, Action.CREATE);
    assertThat(decoded.outputs().get(0).before()).contains(ID);
    assertThat(PlanCodec.text(PlanCodec.encode(plan, "c2FsdHNhbHRzYWx0c2FsdA==")))
        .doesNotContain("s3cret");
  }
}
