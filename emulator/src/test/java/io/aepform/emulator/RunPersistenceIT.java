package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static io.aepform.emulator.RunFixtures.T0;
import static io.aepform.emulator.RunFixtures.runs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, a flow's runs and their outcomes survive restarts. */
class RunPersistenceIT {
  private static final long NOW_S = T0.getEpochSecond();
  @TempDir Path dir;

  private EmulatorOptions.Builder at(Instant t) {
    return EmulatorOptions.builder().dataDir(dir).clock(Clock.fixed(t, ZoneOffset.UTC));
  }

  @Test
  void runsKeepTheirIdsAndOutcomesAndNewSettingsApplyToLaterRuns() {
    String flow;
    String paused;
    List<JsonNode> before;
    try (Emulator e = Emulator.start(at(T0).build())) {
      TestClient c = TestClient.local(e);
      Fixtures.Chain chain = Fixtures.chain(c, "kept");
      flow = RunFixtures.flow(c, chain, "Kept", RunFixtures.everyMinutes(NOW_S, 30));
      paused = RunFixtures.flow(c, chain, "Paused", RunFixtures.everyMinutes(NOW_S, 30));
      e.advanceClock(Duration.ofMinutes(45));
      assertThat(c.post(FS + "/flows/" + paused + "/action?op=disable", null).status())
          .isEqualTo(200);
      before = runs(c, flow);
      assertThat(before).extracting(RunFixtures::status).containsExactly("success", "success");
    }
    Instant later = T0.plus(Duration.ofMinutes(45));
    try (Emulator e = Emulator.start(at(later).runFailureRate(1).build())) {
      TestClient c = TestClient.local(e);
      assertThat(runs(c, flow)).isEqualTo(before);
      e.advanceClock(Duration.ofMinutes(20));
      List<JsonNode> after = runs(c, flow);
      assertThat(after)
          .extracting(RunFixtures::status)
          .containsExactly("success", "success", "failed");
      assertThat(runs(c, paused)).hasSize(2);
    }
  }
}
