package io.aepform.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The progress lines of apply and {@code apply --wait-for-runs}, as a user reads them. */
class ApplyProgressTest {
  private static final Address FLOW = new Address("flow", "ingest");

  @Test
  void waitingHeartbeatAndOutcomeLines() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ApplyProgress progress =
        new ApplyProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), Style.PLAIN);
    progress.waitingForRun(FLOW, Instant.now().minusSeconds(1));
    progress.waitingForRun(FLOW, Instant.parse("2999-01-01T00:00:00Z"));
    progress.stillWaitingForRun(FLOW, Duration.ofSeconds(70));
    progress.runFinished(FLOW, StatusRenderingGoldenTest.partial());
    progress.runFinished(FLOW, StatusRenderingGoldenTest.failed());
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            flow.ingest: Waiting for its first run...
            flow.ingest: Waiting for its first run, due at 2999-01-01T00:00:00Z...
            flow.ingest: Still waiting for its first run... [1m10s elapsed]
            flow.ingest: Run partly failed after 35s: 1 of 100 records failed [run=r-partial]
            flow.ingest: Run failed after 10s [run=r-failed]
            """);
  }

  @Test
  void linesHeldForThePlanTextComeOutInOrderOnceReleased() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ApplyProgress progress =
        new ApplyProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), Style.PLAIN);
    progress.hold();
    progress.starting(FLOW, Action.CREATE);
    progress.finished(FLOW, Action.CREATE, Duration.ofSeconds(2), "f-1");
    assertThat(bytes.size()).isZero();
    bytes.writeBytes(
        "Plan: 1 to add, 0 to change, 0 to destroy.\n\n".getBytes(StandardCharsets.UTF_8));
    progress.release();
    progress.skipped(new Address("dataset", "leads"), "nothing to do");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            Plan: 1 to add, 0 to change, 0 to destroy.

            flow.ingest: Creating...
            flow.ingest: Creation complete after 2s [id=f-1]
            dataset.leads: Skipped: nothing to do
            """);
  }
}
