package io.aepform.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.JarLauncher.Launched;
import io.aepform.emulator.EmulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Campaign 3 (issue 7): two runs on one environment. A first apply runs as a separate process
 * against an emulator answering every data call after 300 ms, so it holds the lock for seconds; a
 * second run (in-process) fails at once naming the holder, or waits with {@code --lock-timeout}. A
 * lock left by a SIGKILLed process on this host is reported as stale with the {@code force-unlock}
 * command, which works.
 */
class ConcurrencyIT {
  static final Duration LATENCY = Duration.ofMillis(300);

  @RegisterExtension
  final CampaignPlatform platform =
      new CampaignPlatform(EmulatorOptions.builder().seed(3).latency(LATENCY).build());

  Launched first;

  /** Starts a slow apply as a process; returns once it holds the lock, with the lock's fields. */
  private JsonNode slowApplyHoldingTheLock() throws Exception {
    first = platform.launch("apply", "--auto-approve");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (platform.lockHolder().isEmpty()) {
      assertThat(first.process().isAlive())
          .as("first apply ended before taking the lock: " + first.stderr())
          .isTrue();
      assertThat(System.nanoTime()).as("first apply took the lock in time").isLessThan(deadline);
      Thread.sleep(10);
    }
    return platform.lockHolder().orElseThrow();
  }

  @Test
  void aSecondApplyFailsAtOnceNamingTheHolderAndLockTimeoutWaitsForIt() throws Exception {
    JsonNode holder = slowApplyHoldingTheLock();
    assertThat(holder.path("operation").asText()).isEqualTo("apply");

    long t0 = System.nanoTime();
    CliRun second = platform.cli("apply", "--auto-approve");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(first.process().isAlive())
        .as("the holder still runs: the second did not wait")
        .isTrue();
    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(took).as("fails at once").isLessThan(Duration.ofSeconds(3));
    assertThat(second.err())
        .as("names the holder")
        .startsWith("Error: ")
        .contains("is locked by")
        .contains("lock id " + holder.path("id").asText())
        .contains(holder.path("owner").asText() + "@" + holder.path("host").asText())
        .contains("(pid " + first.process().pid() + ")")
        .contains("running 'apply'")
        .contains("since " + holder.path("created").asText())
        .containsPattern("\\(\\d+(\\.\\d)?s ago\\)")
        .contains("--lock-timeout")
        .doesNotContain("\tat ");

    long t1 = System.nanoTime();
    CliRun waiting = platform.cli("apply", "--auto-approve", "--lock-timeout", "30s");
    Duration waited = Duration.ofNanos(System.nanoTime() - t1);
    assertThat(waiting.exitCode()).as(waiting.err()).isZero();
    assertThat(first.process().isAlive()).as("went on only once the holder ended").isFalse();
    assertThat(first.process().exitValue()).as(first.stderr()).isZero();
    assertThat(waiting.out()).contains("No changes.");
    platform.assertExactlyTheDeclaredObjects("after the holder and the waiting apply");
    assertThat(platform.lockFile()).doesNotExist();
    System.out.printf(
        "ConcurrencyIT: second apply refused in %.2fs (%s); --lock-timeout 30s waited %.1fs"
            + " for the holder, then no changes%n",
        took.toMillis() / 1000.0, second.err().strip(), waited.toMillis() / 1000.0);
  }

  @Test
  void aLockLeftByAKilledProcessIsStaleAndForceUnlockRemovesIt() throws Exception {
    JsonNode holder = slowApplyHoldingTheLock();
    String id = holder.path("id").asText();
    first.process().destroyForcibly().waitFor();
    platform.settle();

    long t0 = System.nanoTime();
    CliRun refused = platform.cli("apply", "--auto-approve", "--lock-timeout", "30s");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(took)
        .as("stale: fails at once, waiting would not help")
        .isLessThan(Duration.ofSeconds(3));
    assertThat(refused.err())
        .contains("no longer running (stale lock)")
        .contains("lock id " + id)
        .contains("(pid " + holder.path("pid").asLong() + ")")
        .contains("aepform force-unlock " + id + " --env it")
        .doesNotContain("\tat ");
    assertThat(CampaignPlatform.forceUnlockId(refused.err())).isEqualTo(id);

    CliRun wrong = platform.cli("force-unlock", "00000000-0000-4000-8000-000000000000");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("refusing to remove another lock");
    assertThat(platform.lockFile()).exists();

    CliRun unlock = platform.cli("force-unlock", id);
    assertThat(unlock.exitCode()).as(unlock.err()).isZero();
    assertThat(unlock.out()).contains("successfully unlocked");
    assertThat(platform.lockFile()).doesNotExist();

    platform.emulator.setLatency(Duration.ZERO);
    CliRun again = platform.cli("apply", "--auto-approve");
    assertThat(again.exitCode()).as(again.err()).isZero();
    platform.assertExactlyTheDeclaredObjects("after force-unlock and apply");
    assertThat(platform.cli("plan", "--detailed-exitcode").exitCode()).isZero();
    System.out.printf(
        "ConcurrencyIT: stale lock refused in %.2fs with --lock-timeout 30s: %s%n",
        took.toMillis() / 1000.0, refused.err().strip());
  }
}
