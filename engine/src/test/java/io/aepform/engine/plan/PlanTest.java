package io.aepform.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.value.Values;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanTest {
  private static ResourceChange change(String name, Action action) {
    return new ResourceChange(
        new Address("schema", name),
        action,
        "",
        Optional.empty(),
        Optional.of(Values.str("x")),
        List.of(),
        List.of());
  }

  private static Plan plan(ResourceChange... changes) {
    return new Plan("dev", "lineage-1", 7, List.of(changes), List.of(), List.of(), List.of());
  }

  @Test
  void countsAddChangeAndDestroyAsTerraformDoes() {
    Plan plan =
        plan(
            change("a", Action.CREATE),
            change("b", Action.CREATE),
            change("c", Action.UPDATE),
            change("d", Action.DELETE),
            change("e", Action.REPLACE),
            change("f", Action.NO_OP));
    assertThat(plan.toAdd()).isEqualTo(3);
    assertThat(plan.toChange()).isEqualTo(1);
    assertThat(plan.toDestroy()).isEqualTo(2);
    assertThat(plan.hasChanges()).isTrue();
  }

  @Test
  void onlyNoOpsMeansNoChanges() {
    Plan plan = plan(change("a", Action.NO_OP), change("b", Action.NO_OP));
    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.toAdd() + plan.toChange() + plan.toDestroy()).isZero();
    assertThat(plan().hasChanges()).isFalse();
  }

  @Test
  void aChangeKnowsItsKindAndName() {
    ResourceChange c = change("demo", Action.CREATE);
    assertThat(c.kind()).isEqualTo("schema");
    assertThat(c.name()).isEqualTo("demo");
  }
}
