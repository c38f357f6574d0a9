package io.aepform.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void runsFromTheStartTimeEveryInterval() {
    Schedule s = new Schedule("minute", 15, START, true);
    assertThat(s.period()).contains(Duration.ofMinutes(15));
    assertThat(s.firstAtOrAfter(START.minusSeconds(3600))).contains(START);
    assertThat(s.firstAtOrAfter(START)).contains(START);
    assertThat(s.firstAtOrAfter(START.plusSeconds(1))).contains(START.plusSeconds(900));
    assertThat(s.firstAtOrAfter(START.plusSeconds(900))).contains(START.plusSeconds(900));
    assertThat(s.nextRun(START.plusSeconds(1000), true)).contains(START.plusSeconds(1800));
  }

  @Test
  void calendarFrequenciesAreFixedLengths() {
    assertThat(new Schedule("hour", 2, START, true).period()).contains(Duration.ofHours(2));
    assertThat(new Schedule("day", 1, START, true).period()).contains(Duration.ofDays(1));
    assertThat(new Schedule("week", 1, START, true).period()).contains(Duration.ofDays(7));
  }

  @Test
  void aFlowThatRunsOnceRunsAtItsStartOrAtOnceAndThenNoMore() {
    Schedule once = new Schedule("once", 0, START, true);
    assertThat(once.period()).isEmpty();
    assertThat(once.nextRun(START.minusSeconds(60), false)).contains(START);
    Instant later = START.plusSeconds(60);
    assertThat(once.nextRun(later, false)).contains(later);
    assertThat(once.nextRun(later, true)).isEmpty();
  }
}
