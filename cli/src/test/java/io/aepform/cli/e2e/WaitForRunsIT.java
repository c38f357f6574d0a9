package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.JarLauncher.Launched;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.cli.TestConfigurations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --wait-for-runs} on the local platform: it waits for the first run of a created or
 * re-enabled flow and reports it, fails on a run that outlasts {@code --wait-timeout}, reports a
 * flow whose first run is far away without waiting, and, on the embedded platform, takes run
 * options from {@code AEPFORM_LOCAL_PLATFORM_FLAGS}. Waiting only reads.
 */
class WaitForRunsIT {
  @TempDir Path tmp;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  @BeforeEach
  void start() {
    platform.emulator.setRunDuration(Duration.ofMillis(300));
  }

  private CliRun cli(String... command) {
    return CliRun.run(platform.env(), platform.args(command));
  }

  @Test
  void waitsForTheFirstRunOfACreatedThenOfAReEnabledFlow() throws Exception {
    CliRun apply = cli("apply", "--auto-approve", "--wait-for-runs");
    assertThat(apply.exitCode()).isZero();
    assertThat(apply.err()).isEmpty();
    assertThat(apply.out())
        .contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed.")
        .contains("\nflow.ingest: Waiting for its first run...\n")
        .containsPattern("flow.ingest: Run succeeded after \\d+s \\[run=[0-9a-f-]{36}\\]\n")
        .endsWith(
            "\nRuns: 1 succeeded, 0 partly failed, 0 failed, 0 timed out; 0 not waited for.\n");
    assertThat(apply.out().indexOf("Apply complete!")).isLessThan(apply.out().indexOf("Waiting"));

    edit("    backfill: true\n", "    backfill: true\n  state: disabled\n");
    CliRun disable = cli("apply", "--auto-approve", "--wait-for-runs");
    assertThat(disable.exitCode()).isZero();
    assertThat(disable.out())
        .endsWith("\nNo dataflow was created, replaced or enabled: no first run to wait for.\n");

    edit("  state: disabled\n", "");
    platform.emulator.clearRequestLog();
    CliRun enable = cli("apply", "--auto-approve", "--wait-for-runs");
    assertThat(enable.exitCode()).isZero();
    assertThat(enable.out()).contains("flow.ingest: Run succeeded after");
    assertThat(platform.writes())
        .as("only the enable writes; waiting reads")
        .singleElement()
        .satisfies(w -> assertThat(w).contains("/action?op=ENABLE"));
    Matcher waited =
        Pattern.compile("Run succeeded after \\d+s \\[run=([0-9a-f-]+)\\]").matcher(enable.out());
    assertThat(waited.find()).isTrue();
    JsonNode runs =
        new ObjectMapper()
            .readTree(cli("status", "--format", "json").out())
            .path("flows")
            .get(0)
            .path("runs");
    assertThat(runs).as("two runs: at creation and at the enable").hasSize(2);
    assertThat(runs.get(0).path("id").asText())
        .as("the run waited for is the one the enable started, not the older one")
        .isEqualTo(waited.group(1));
    assertThat(runs.get(0).path("status").asText()).isEqualTo("success");
  }

  @Test
  void aRunThatOutlastsTheTimeoutFailsTheApplyAndSaysWhy() {
    platform.emulator.setRunDuration(Duration.ofMinutes(10));
    CliRun apply = cli("apply", "--auto-approve", "--wait-for-runs", "--wait-timeout", "2s");
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.out())
        .contains("Apply complete! Resources: 7 added")
        .endsWith(
            "\nRuns: 0 succeeded, 0 partly failed, 0 failed, 1 timed out; 0 not waited for.\n");
    assertThat(apply.err())
        .matches(
            "Error: flow.ingest: its first run \\(run [0-9a-f-]{36}\\) did not end within the"
                + " --wait-timeout of 2s: see it later with aepform status, or wait longer with"
                + " --wait-timeout\n");
    assertThat(cli("status").out()).containsPattern("in progress, running for \\d+s");
  }

  @Test
  void ctrlCStopsTheWaitAndChangesNothing() throws Exception {
    platform.emulator.setRunDuration(Duration.ofMinutes(10));
    Launched apply = platform.launch("apply", "--auto-approve", "--wait-for-runs");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!apply.stdout().contains("Waiting for its first run") && System.nanoTime() < deadline) {
      assertThat(apply.process().isAlive()).as(apply.stdout() + apply.stderr()).isTrue();
      Thread.sleep(50);
    }
    long before = platform.lastSequence();
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(apply.process().pid())).start();
    assertThat(kill.waitFor()).isZero();

    int exit = apply.await(Duration.ofSeconds(30));
    assertThat(exit)
        .as("as any interrupted command\n" + apply.stdout() + apply.stderr())
        .isEqualTo(130);
    assertThat(apply.stdout())
        .contains("Apply complete! Resources: 7 added")
        .contains(
            "flow.ingest: stopped waiting; nothing was changed. See its runs later with aepform"
                + " status.\n");
    assertThat(apply.stderr())
        .contains("Interrupt received: no longer waiting for runs. Nothing was changed.");
    assertThat(platform.dataCallsAfter(before))
        .as("after the signal, only reads")
        .allSatisfy(e -> assertThat(e.method()).isEqualTo("GET"));
    assertThat(cli("status").out()).containsPattern("in progress, running for \\d+s");
  }

  @Test
  void aFirstRunFarAwayIsReportedNotWaitedFor() throws Exception {
    long start = Instant.now().plus(Duration.ofDays(2)).getEpochSecond();
    edit("    frequency: minute\n", "    frequency: minute\n    startTime: " + start + "\n");
    CliRun apply = cli("apply", "--auto-approve", "--wait-for-runs", "--wait-timeout", "1m");
    assertThat(apply.exitCode()).isZero();
    String at = Instant.ofEpochSecond(start).toString();
    assertThat(apply.out())
        .contains(
            "\nflow.ingest: next run at "
                + at
                + ", after the --wait-timeout of 1m0s: not waited for.\n")
        .endsWith("Runs: 0 succeeded, 0 partly failed, 0 failed, 0 timed out; 1 not waited for.\n")
        .doesNotContain("Waiting for");

    CliRun status = cli("status");
    assertThat(status.out())
        .contains("  next run:  " + at + "\n")
        .contains("  runs:      none yet\n")
        .contains("1 not run yet");
  }

  @Test
  void theEmbeddedLocalPlatformTakesRunOptionsFromTheEnvironment() throws Exception {
    Path dir = tmp.resolve("local");
    TestConfigurations.copy(Path.of("../examples/parquet-ingestion"), dir);
    Map<String, String> env = new HashMap<>();
    env.put("AEPFORM_LOCAL_PLATFORM_FLAGS", "--run-partial-failure-rate 1 --run-duration-ms 200");
    String[] where = {"--dir", dir.toString(), "--env", "local"};

    CliRun apply =
        CliRun.run(env, concat(new String[] {"apply", "--auto-approve", "--wait-for-runs"}, where));
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.out())
        .containsPattern("flow.ingest: Run partly failed after \\d+s: 1 of 100 records failed");
    assertThat(apply.err())
        .startsWith(
            "Error: flow.ingest: its first run partly failed (1 of 100 records failed) [run=");

    CliRun status = CliRun.run(env, concat(new String[] {"status", "--detailed-exitcode"}, where));
    assertThat(status.exitCode()).isEqualTo(2);
    assertThat(status.out()).contains("partly failed after");

    env.put("AEPFORM_LOCAL_PLATFORM_FLAGS", "--port 8080");
    CliRun refused = CliRun.run(env, concat(new String[] {"status"}, where));
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .isEqualTo(
            "Error: AEPFORM_LOCAL_PLATFORM_FLAGS may not set --port: the local platform picks its"
                + " port, data and client\n");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private void edit(String from, String to) throws Exception {
    Path flow = platform.dir.resolve("flow.yaml");
    String text = Files.readString(flow);
    assertThat(text).contains(from);
    Files.writeString(flow, text.replace(from, to));
  }
}
