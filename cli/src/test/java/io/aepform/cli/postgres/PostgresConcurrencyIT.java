package io.aepform.cli.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.JarLauncher.Launched;
import io.aepform.cli.postgres.PostgresPlatform.Holder;
import io.aepform.emulator.EmulatorOptions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 8, with separate processes (the built jar) on one environment whose state is in PostgreSQL,
 * against an emulator answering every data call after 200 ms so that an apply holds the lock for
 * seconds: two applies started together give one success and one immediate, clear lock error naming
 * the holder; an apply SIGKILLed mid-run leaves no stuck lock (the advisory lock dies with its
 * connection) and the next apply converges. One embedded PostgreSQL for the class, a fresh database
 * per test (so the racing processes also create the tables together).
 */
class PostgresConcurrencyIT {
  static final Duration LATENCY = Duration.ofMillis(200);
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

  static PostgresServer server;

  @RegisterExtension
  final PostgresPlatform platform =
      new PostgresPlatform(EmulatorOptions.builder().seed(8).latency(LATENCY).build());

  @BeforeAll
  static void startDatabase() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    platform.usePostgresBackend(server.newDatabase());
  }

  private Launched launchApply() throws Exception {
    return platform.launch("apply", "--auto-approve", "--parallelism", "1");
  }

  @Test
  void twoConcurrentAppliesGiveOneSuccessAndOneImmediateLockErrorNamingTheHolder()
      throws Exception {
    Launched a = launchApply();
    Launched b = launchApply();

    // watch until one ends, noting who the database says holds the lock meanwhile
    Optional<Holder> holder = Optional.empty();
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (a.process().isAlive() && b.process().isAlive()) {
      assertThat(System.nanoTime()).as("one of the applies ends in time").isLessThan(deadline);
      Optional<Holder> now = platform.tablesExist() ? platform.liveHolder() : Optional.empty();
      if (now.isPresent()) {
        holder = now;
      }
      Thread.sleep(20);
    }
    Launched loser = a.process().isAlive() ? b : a;
    Launched winner = loser == a ? b : a;
    long loserEnded = System.nanoTime();
    boolean winnerStillRan = winner.process().isAlive();
    int loserExit = loser.await(Duration.ofSeconds(5));
    Duration loserTook = Duration.ofNanos(loserEnded - loser.startNanos());

    assertThat(loserExit)
        .as("the first to end failed: %s\n%s", loser.stdout(), loser.stderr())
        .isEqualTo(1);
    assertThat(winnerStillRan).as("it failed while the other apply still ran").isTrue();
    int winnerExit = winner.await(RUN_TIMEOUT);
    Duration winnerTook = Duration.ofNanos(System.nanoTime() - winner.startNanos());
    assertThat(winnerExit).as(winner.stdout() + winner.stderr()).isZero();
    assertThat(winner.stdout())
        .contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed.");

    assertThat(holder).as("the database named the holder while it ran").isPresent();
    assertThat(holder.get().pid()).isEqualTo(winner.process().pid());
    assertThat(loser.stderr())
        .as("a clear lock error naming the holder")
        .startsWith("Error: ")
        .contains("is locked by")
        .contains("(pid " + winner.process().pid() + ")")
        .contains(holder.get().owner() + "@" + holder.get().host())
        .contains("running 'apply'")
        .contains("lock id " + holder.get().id())
        .contains("--lock-timeout")
        .contains("aepform force-unlock " + holder.get().id() + " --env " + PostgresPlatform.ENV)
        .doesNotContain("\tat ");
    assertThat(loser.stdout()).doesNotContain("Apply complete");
    // "at once": --lock-timeout 0 tries the lock once and does not wait for the holder. (Wall
    // time is a poor witness here: on a loaded runner the JVM start alone can take seconds.)
    assertThat(loser.stderr()).as("did not wait for the lock").containsPattern("waited 0\\.\\ds");
    assertThat(loserTook).as("ended before the holder").isLessThan(winnerTook);

    platform.assertExactlyTheDeclaredObjects("after the two applies");
    platform.assertNoLocalStateFiles("after the two applies");
    assertThat(platform.advisoryLocks()).as("no lock left").isZero();
    platform.emulator.setLatency(Duration.ZERO);
    CliRun plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    System.out.printf(
        "PostgresConcurrencyIT: winner pid %d applied in %.1fs; loser refused after %.1fs (JVM"
            + " start included): %s%n",
        winner.process().pid(),
        winnerTook.toMillis() / 1000.0,
        loserTook.toMillis() / 1000.0,
        loser.stderr().strip());
  }

  @Test
  void aKilledHolderLeavesNoStuckLockAndTheNextApplyConverges() throws Exception {
    Launched first = launchApply();
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    // mid-run: it holds the lock and has created some objects, not all
    while (!(platform.liveHolder().map(h -> h.pid() == first.process().pid()).orElse(false)
        && platform.creates() >= 2)) {
      assertThat(first.process().isAlive())
          .as("the apply ended before it could be killed: " + first.stderr())
          .isTrue();
      assertThat(System.nanoTime()).as("the apply got going in time").isLessThan(deadline);
      Thread.sleep(10);
    }
    Holder holder = platform.liveHolder().orElseThrow();
    first.process().destroyForcibly().waitFor();
    long killed = System.nanoTime();
    long createsBeforeKill = platform.creates();

    // the advisory lock dies with the connection: nobody has to do anything
    while (platform.advisoryLocks() > 0) {
      assertThat(Duration.ofNanos(System.nanoTime() - killed))
          .as("the server let go of the killed run's lock")
          .isLessThan(Duration.ofSeconds(5));
      Thread.sleep(10);
    }
    Duration released = Duration.ofNanos(System.nanoTime() - killed);
    assertThat(platform.liveHolder()).as("no live holder").isEmpty();
    platform.settle();
    assertThat(platform.total())
        .as("killed mid-run: some objects, not all")
        .isBetween(1, PostgresPlatform.DECLARED.values().stream().mapToInt(i -> i).sum() - 1);

    platform.emulator.setLatency(Duration.ZERO);
    CliRun again = platform.cli("apply", "--auto-approve"); // --lock-timeout 0: fails if held
    assertThat(again.exitCode())
        .as("no stuck lock after the kill:\n%s\n%s", again.out(), again.err())
        .isZero();
    assertThat(again.err()).doesNotContain("locked");
    platform.assertExactlyTheDeclaredObjects("after the kill and the next apply");
    CliRun list = platform.cli("state", "list");
    assertThat(list.out().lines()).as("everything on the platform is in state").hasSize(7);
    CliRun plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
    assertThat(platform.advisoryLocks()).isZero();
    platform.assertNoLocalStateFiles("after the kill and the next apply");
    System.out.printf(
        "PostgresConcurrencyIT: killed pid %d (lock %s) after %d creates; lock free %.0f ms"
            + " later; next apply: %s%n",
        holder.pid(),
        holder.id(),
        createsBeforeKill,
        released.toNanos() / 1e6,
        again.out().lines().filter(l -> l.startsWith("Apply complete")).findFirst().orElse(""));
  }
}
