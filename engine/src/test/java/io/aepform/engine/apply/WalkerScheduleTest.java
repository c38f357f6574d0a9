package io.aepform.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.apply.Walker.Schedule;
import io.aepform.engine.apply.Walker.Step;
import io.aepform.engine.manifest.Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalkerScheduleTest {
  private static Step build(String name) {
    return new Step(new Address("schema", name), false);
  }

  private static List<Step> drain(Schedule s) {
    List<Step> out = new ArrayList<>();
    Step next;
    while ((next = s.next()) != null) {
      out.add(next);
    }
    return out;
  }

  @Test
  void readyAreTheStepsWithoutWaitsInTheOrderOfTheGraph() {
    Map<Step, Set<Step>> waits = new LinkedHashMap<>();
    waits.put(build("c"), Set.of());
    waits.put(build("a"), Set.of(build("c")));
    waits.put(build("b"), Set.of());

    Schedule s = new Schedule(waits);

    assertThat(drain(s)).containsExactly(build("c"), build("b"));
  }

  @Test
  void aStepIsReadyOnlyOnceEverythingItWaitsForFinished() {
    Map<Step, Set<Step>> waits = new LinkedHashMap<>();
    waits.put(build("a"), Set.of());
    waits.put(build("b"), Set.of());
    waits.put(build("c"), Set.of(build("a"), build("b")));
    waits.put(build("d"), Set.of(build("c")));
    Schedule s = new Schedule(waits);
    assertThat(drain(s)).containsExactly(build("a"), build("b"));

    s.finished(build("a"));
    assertThat(s.next()).isNull();
    s.finished(build("b"));
    assertThat(drain(s)).containsExactly(build("c"));
    s.finished(build("c"));
    assertThat(drain(s)).containsExactly(build("d"));
    s.finished(build("d"));
    assertThat(s.next()).isNull();
  }

  @Test
  void aReplaceBuildsAfterItsOwnDestroy() {
    Step destroy = new Step(new Address("schema", "a"), true);
    Map<Step, Set<Step>> waits = new LinkedHashMap<>();
    waits.put(destroy, Set.of());
    waits.put(build("a"), Set.of(destroy));
    Schedule s = new Schedule(waits);

    assertThat(drain(s)).containsExactly(destroy);
    s.finished(destroy);
    assertThat(drain(s)).containsExactly(build("a"));
  }

  @Test
  void aLongChainIsWalkedStepByStep() {
    Map<Step, Set<Step>> waits = new LinkedHashMap<>();
    int n = 20_000;
    waits.put(build("s0"), Set.of());
    for (int i = 1; i < n; i++) {
      waits.put(build("s" + i), Set.of(build("s" + (i - 1))));
    }
    Schedule s = new Schedule(waits);
    int walked = 0;
    Step next;
    while ((next = s.next()) != null) {
      assertThat(next).isEqualTo(build("s" + walked));
      walked++;
      s.finished(next);
    }
    assertThat(walked).isEqualTo(n);
  }
}
