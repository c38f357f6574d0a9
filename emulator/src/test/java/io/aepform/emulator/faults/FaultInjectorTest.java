package io.aepform.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.emulator.FaultKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
  private static List<FaultInjector.Roll> rolls(long seed, double rate, double ctf) {
    FaultInjector f = new FaultInjector(seed);
    f.setFailureRate(rate);
    f.setCreateThenFailRate(ctf);
    List<FaultInjector.Roll> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      out.add(f.roll());
    }
    return out;
  }

  @Test
  void rollsAreReproducibleAndNearTheRate() {
    List<FaultInjector.Roll> a = rolls(1, 0.3, 0.1);
    assertThat(rolls(1, 0.3, 0.1)).isEqualTo(a);
    long failures = a.stream().filter(r -> r.before() != FaultKind.NONE).count();
    assertThat(failures).isBetween(40L, 80L);
    assertThat(a.stream().filter(FaultInjector.Roll::createThenFail).count()).isBetween(5L, 40L);
  }

  @Test
  void changingTheRateDoesNotShiftTheSequence() {
    List<FaultInjector.Roll> none = rolls(5, 0, 0);
    List<FaultInjector.Roll> all = rolls(5, 1, 1);
    assertThat(none).allMatch(r -> r.before() == FaultKind.NONE && !r.createThenFail());
    assertThat(all).allMatch(r -> r.before() != FaultKind.NONE && r.createThenFail());
  }

  @Test
  void rateLimitUsesASlidingSecond() {
    FaultInjector f = new FaultInjector(0);
    f.setRateLimit(2);
    long t = 1_000_000_000L;
    assertThat(f.overRateLimit(t)).isFalse();
    assertThat(f.overRateLimit(t + 1)).isFalse();
    assertThat(f.overRateLimit(t + 2)).isTrue();
    assertThat(f.overRateLimit(t + 1_000_000_000L)).isFalse();
  }

  @Test
  void refusesNonsense() {
    FaultInjector f = new FaultInjector(0);
    assertThatThrownBy(() -> f.setFailureRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.setFailureKinds(Set.of(FaultKind.CREATE_THEN_FAIL)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.setRateLimit(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
