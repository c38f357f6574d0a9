package io.aepform.emulator.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which runs a flow's history gives, and when. */
class RunLedgerTest {
  private static final long MIN = 60_000;
  private static final RunSettings OK = new RunSettings(2000, 0, 0);
  private static final RunSettings FAILING = new RunSettings(2000, 1, 0);

  private static Schedule every15(long start) {
    return new Schedule(start, 15 * MIN, true);
  }

  private static List<Long> times(RunLedger l, long now) {
    return l.runs(now).stream().map(RunRef::at).toList();
  }

  @Test
  void aFlowCreatedAfterItsStartTimeRunsAtOnceThenOnTheStartTimesGrid() {
    long start = 0;
    long created = 20 * MIN;
    RunLedger l = RunLedger.empty("f", "s").opened(created, created, every15(start), OK);
    assertThat(times(l, created)).containsExactly(created);
    assertThat(times(l, 46 * MIN)).containsExactly(created, 30 * MIN, 45 * MIN);
  }

  @Test
  void aFlowWithAFutureStartTimeFirstRunsAtIt() {
    long start = 60 * MIN;
    RunLedger l = RunLedger.empty("f", "s").opened(0, start, every15(start), OK);
    assertThat(times(l, 59 * MIN)).isEmpty();
    assertThat(times(l, 75 * MIN)).containsExactly(60 * MIN, 75 * MIN);
  }

  @Test
  void aOnceFlowRunsOnce() {
    Schedule once = new Schedule(10 * MIN, 0, true);
    RunLedger l = RunLedger.empty("f", "s").opened(0, 10 * MIN, once, OK);
    assertThat(times(l, 1000 * MIN)).containsExactly(10 * MIN);
  }

  @Test
  void aDisabledStretchHasNoRunsAndReEnablingRunsAtOnce() {
    RunLedger l = RunLedger.empty("f", "s").opened(0, 0, every15(0), OK).closed(16 * MIN + 1);
    l = l.opened(50 * MIN, 50 * MIN, every15(0), OK);
    assertThat(times(l, 61 * MIN)).containsExactly(0L, 15 * MIN, 50 * MIN, 60 * MIN);
  }

  @Test
  void aRunAtTheInstantOfDisablingIsKept() {
    RunLedger l = RunLedger.empty("f", "s").opened(5, 5, every15(0), OK).closed(5 + 1);
    assertThat(times(l, 100 * MIN)).containsExactly(5L);
  }

  @Test
  void changedSettingsApplyToLaterRunsOnly() {
    RunLedger l = RunLedger.empty("f", "s").opened(0, 0, every15(0), OK);
    l = l.settingsChanged(20 * MIN, FAILING);
    assertThat(l.runs(31 * MIN))
        .extracting(r -> r.segment().settings())
        .containsExactly(OK, OK, FAILING);
    assertThat(l.runs(31 * MIN)).extracting(RunRef::previousAt).containsExactly(-1L, 0L, 15 * MIN);
  }

  @Test
  void survivesItsJsonForm() {
    RunLedger l =
        RunLedger.empty("f", "s")
            .opened(0, 3, every15(0), OK)
            .closed(7)
            .opened(9, 9, every15(0), OK);
    assertThat(RunLedger.fromJson(l.toJson())).isEqualTo(l);
  }
}
