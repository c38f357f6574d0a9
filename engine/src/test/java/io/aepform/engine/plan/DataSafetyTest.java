package io.aepform.engine.plan;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.SafetyException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A replaced flow that backfills into a kept dataset is refused with the flow's own words (what its
 * first run does, how to avoid it); the rule itself names no kind.
 */
class DataSafetyTest {
  private static final Map<String, Kind> KINDS = Kinds.all(Clock.systemUTC());
  private static final Address FLOW = new Address("flow", "ingest");
  private static final Address TARGET = new Address("targetConnection", "leads");
  private static final Address DATASET = new Address("dataset", "leads");

  @Test
  void aReplacedFlowThatBackfillsIntoAKeptDatasetIsRefused() {
    assertThatThrownBy(() -> DataSafety.check(plan(true), KINDS, Set.of()))
        .isInstanceOf(SafetyException.class)
        .hasMessage(
            "flow.ingest would be replaced (its source connection is replaced), and the new one"
                + " backfills: its first run ingests every file under its source path again into"
                + " dataset.leads, which is kept, duplicating its data. Set"
                + " scheduleParams.backfill: false to ingest only new files, or confirm with"
                + " --replace flow.ingest");
  }

  @Test
  void withoutBackfillOrWithReplaceItIsNot() {
    assertThatCode(() -> DataSafety.check(plan(false), KINDS, Set.of())).doesNotThrowAnyException();
    assertThatCode(() -> DataSafety.check(plan(true), KINDS, Set.of(FLOW)))
        .doesNotThrowAnyException();
  }

  private static Plan plan(boolean backfill) {
    ResourceChange flow =
        new ResourceChange(
            FLOW,
            Action.REPLACE,
            "its source connection is replaced",
            Optional.of(resource("{\"scheduleParams\": {\"backfill\": true}}")),
            Optional.of(resource("{\"scheduleParams\": {\"backfill\": " + backfill + "}}")),
            List.of(),
            List.of(TARGET));
    ResourceChange target = kept(TARGET, List.of(DATASET));
    ResourceChange dataset = kept(DATASET, List.of());
    return new Plan("dev", "", 1, List.of(dataset, target, flow), List.of(), List.of(), List.of());
  }

  private static ResourceChange kept(Address address, List<Address> dependencies) {
    Value r = resource("{}");
    return new ResourceChange(
        address, Action.NO_OP, "", Optional.of(r), Optional.of(r), List.of(), dependencies);
  }

  private static Value resource(String spec) {
    try {
      return Values.fromJson(new ObjectMapper().readTree("{\"spec\": " + spec + "}"));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
