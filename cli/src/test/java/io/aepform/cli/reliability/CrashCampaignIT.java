package io.aepform.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.JarLauncher.Launched;
import io.aepform.cli.reliability.CampaignPlatform.Leftover;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.emulator.ResourceKind;
import io.aepform.state.ResourceState;
import io.aepform.state.ResourceStatus;
import io.aepform.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Campaign 1 (issue 7): the CLI as a separate process ({@code java -jar target/aepform.jar})
 * against an emulator with latency, interrupted at seeded random moments.
 *
 * <ul>
 *   <li>SIGKILL during {@code apply}, then apply again, N times, then to the end: after every kill
 *       the state parses (or is absent) and every object on the platform is in it (created or
 *       pending); a leftover lock is reported as stale with the exact {@code force-unlock} command,
 *       which the test runs; at the end exactly one object per declared resource and an empty plan.
 *   <li>SIGINT during {@code apply}: calls in flight finish, everything created is in the saved
 *       state, no lock remains; apply again converges.
 *   <li>SIGKILL during {@code destroy}, then destroy again: the platform ends empty, so does the
 *       state.
 * </ul>
 *
 * <p>A kill moment is "after the k-th data call the emulator answered, plus 0-59 ms" (k = 0: a time
 * during start-up and planning), drawn from {@code new Random(seed)}. Defaults keep the suite fast;
 * the full campaign: {@code -Daepform.crash.kills=30} (also {@code aepform.crash.seed}, {@code
 * aepform.crash.interrupts}, {@code aepform.crash.destroyKills}).
 */
class CrashCampaignIT {
  static final long SEED = Long.getLong("aepform.crash.seed", 20_260_301L);
  static final int KILLS = Integer.getInteger("aepform.crash.kills", 6);
  static final int INTERRUPTS =
      Integer.getInteger("aepform.crash.interrupts", Math.max(1, KILLS / 5));
  static final int DESTROY_KILLS =
      Integer.getInteger("aepform.crash.destroyKills", Math.max(3, KILLS / 3));
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

  @RegisterExtension final CampaignPlatform platform = new CampaignPlatform();

  Random random;
  final Map<String, Integer> tally = new LinkedHashMap<>();

  private void start(long seed) throws IOException {
    random = new Random(seed);
    Duration latency = Duration.ofMillis(30 + random.nextInt(21));
    platform.start(EmulatorOptions.builder().seed(seed).latency(latency).build());
  }

  /** When to signal a run: after its k-th answered data call plus a few ms, or during start-up. */
  record KillPoint(int afterCalls, int extraMs, int startupMs) {
    static KillPoint draw(Random r, int maxCalls) {
      return new KillPoint(r.nextInt(maxCalls + 1), r.nextInt(60), 150 + r.nextInt(1500));
    }
  }

  enum Signal {
    KILL,
    INT
  }

  /**
   * Runs {@code command} as a process and signals it at {@code at}. Returns the exit code when the
   * run ended before that moment, empty when it was signalled (for SIGINT: once it has exited).
   */
  private Optional<Integer> signalAt(KillPoint at, Signal signal, String... command)
      throws Exception {
    long base = platform.lastSequence();
    Launched run = platform.launch(command);
    Process p = run.process();
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    if (at.afterCalls() == 0) {
      if (p.waitFor(at.startupMs(), TimeUnit.MILLISECONDS)) {
        return Optional.of(p.exitValue());
      }
    } else {
      while (platform.dataCallsAfter(base).size() < at.afterCalls()) {
        if (p.waitFor(3, TimeUnit.MILLISECONDS)) {
          return Optional.of(p.exitValue());
        }
        assertThat(System.nanoTime())
            .as("run still going after " + RUN_TIMEOUT)
            .isLessThan(deadline);
      }
      if (at.extraMs() > 0 && p.waitFor(at.extraMs(), TimeUnit.MILLISECONDS)) {
        return Optional.of(p.exitValue());
      }
    }
    if (signal == Signal.KILL) {
      p.destroyForcibly();
      p.waitFor();
      platform.settle();
      bump("sigkill");
    } else {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
      assertThat(kill.waitFor()).isZero();
      int exit = run.await(Duration.ofSeconds(60));
      bump("sigint exit " + exit);
      lastInterrupted = run;
    }
    return Optional.empty();
  }

  private Launched lastInterrupted;

  private void bump(String what) {
    tally.merge(what, 1, Integer::sum);
  }

  /**
   * After a kill: the state parses or is absent, and no object on the platform is unknown to it
   * (each is recorded as created, or as a pending create of that name that the next run resolves).
   */
  private void checkAfterKill(String when) {
    if (Files.exists(platform.lockFile())) {
      bump("lock left");
    }
    Optional<State> state = platform.state(when);
    if (state.isEmpty()) {
      bump("no state yet");
      assertThat(platform.total()).as(when + ": objects but no state").isZero();
      return;
    }
    Map<ResourceKind, Set<String>> known = platform.createdInState(state.get());
    for (ResourceState r : state.get().resources()) {
      if (r.status() == ResourceStatus.PENDING_CREATE) {
        bump("pending-create at kill");
        known.get(CampaignPlatform.kindOf(r.kind())).add(r.pending().orElseThrow().remoteName());
      }
    }
    platform
        .onPlatform()
        .forEach(
            (kind, names) ->
                assertThat(known.get(kind))
                    .as(when + ": %s on the platform must be in state", kind)
                    .containsAll(names));
  }

  private void converged(String when) throws Exception {
    platform.assertExactlyTheDeclaredObjects(when);
    State state = platform.state(when).orElseThrow();
    assertThat(state.resources())
        .as(when + ": state")
        .hasSize(7)
        .allMatch(r -> r.status() == ResourceStatus.CREATED);
    assertThat(platform.createdInState(state)).isEqualTo(platform.onPlatform());
    assertThat(platform.lockFile()).as(when + ": lock").doesNotExist();
    CliRun plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode())
        .as(when + ": plan --detailed-exitcode\n" + plan.out() + plan.err())
        .isZero();
    assertThat(plan.out()).contains("No changes.");
  }

  private void destroyInProcess(String when) {
    CliRun destroy = platform.cli("destroy", "--auto-approve");
    assertThat(destroy.exitCode()).as(when + ": destroy\n" + destroy.err()).isZero();
    assertThat(platform.total()).as(when + ": objects left after destroy").isZero();
  }

  @Test
  void applyKilledAtRandomMomentsNeverDuplicatesNorOrphansAndConverges() throws Exception {
    start(SEED);
    long began = System.nanoTime();
    int kills = 0;
    int round = 1;
    while (kills < KILLS) {
      String when = "apply kill " + (kills + 1) + " of " + KILLS + " (round " + round + ")";
      Leftover leftover = platform.clearLeftoverLock(when, "apply");
      bump("leftover lock " + leftover);
      KillPoint at = KillPoint.draw(random, 13);
      Optional<Integer> ended = signalAt(at, Signal.KILL, "apply", "--auto-approve");
      if (ended.isPresent()) {
        // finished before its kill moment: this round converged; check, clear, start another
        assertThat(ended.get()).as(when + ": apply that was not killed").isZero();
        bump("apply finished before its kill");
        converged(when + ", finished");
        destroyInProcess(when);
        round++;
        continue;
      }
      kills++;
      checkAfterKill(when + " at " + at);
    }
    String when = "after " + KILLS + " kills";
    bump("leftover lock " + platform.clearLeftoverLock(when, "apply"));
    Launched last = platform.launch("apply", "--auto-approve");
    int exit = last.await(RUN_TIMEOUT);
    assertThat(exit).as(when + ": the last apply\n" + last.stdout() + last.stderr()).isZero();
    assertThat(last.stderr()).doesNotContain("\tat ");
    converged(when);
    assertThat(platform.tempFiles()).as("temp files of torn writes").isEmpty();
    System.out.printf(
        "CrashCampaignIT apply: seed %d, %d SIGKILLs in %d rounds, %.1fs: %s%n",
        SEED, KILLS, round, (System.nanoTime() - began) / 1e9, CampaignPlatform.summary(tally));
  }

  @Test
  void sigintLetsCallsInFlightFinishSavesTheStateAndReleasesTheLock() throws Exception {
    start(SEED + 1);
    long began = System.nanoTime();
    int interrupted = 0;
    int attempts = 0;
    while (interrupted < INTERRUPTS) {
      assertThat(++attempts).as("attempts to interrupt an apply").isLessThan(4 * INTERRUPTS + 4);
      String when = "SIGINT " + (interrupted + 1) + " of " + INTERRUPTS;
      // after the plan's 7 name lookups: during the creates
      KillPoint drawn = KillPoint.draw(random, 5);
      KillPoint at = new KillPoint(8 + drawn.afterCalls(), drawn.extraMs(), drawn.startupMs());
      Optional<Integer> ended = signalAt(at, Signal.INT, "apply", "--auto-approve");
      if (ended.isPresent()) {
        assertThat(ended.get()).isZero();
        bump("apply finished before its SIGINT");
      } else if (lastInterrupted.stdout().contains("Apply complete!")
          && !lastInterrupted.stderr().contains("Interrupt received")) {
        // the signal came once apply had written its summary and was exiting: nothing to wind down
        assertThat(platform.lockFile()).as(when + ": the lock after SIGINT").doesNotExist();
        bump("apply had finished when its SIGINT came");
      } else {
        interrupted++;
        String err = lastInterrupted.stderr();
        String seen =
            when
                + " at "
                + at
                + "\nstdout:\n"
                + lastInterrupted.stdout()
                + "\nstderr:\n"
                + err
                + "\ncalls:\n"
                + String.join(
                    "\n", platform.emulator.requestLog().stream().map(e -> e.summary()).toList());
        assertThat(err).as(seen).contains("Interrupt received").doesNotContain("\tat ");
        assertThat(platform.lockFile()).as(when + ": the lock after SIGINT").doesNotExist();
        Optional<State> saved = platform.state(when);
        if (saved.isEmpty()) {
          // interrupted while planning (the plan looks every name up first): nothing created
          assertThat(platform.total()).as(seen).isZero();
          bump("SIGINT before any create");
        }
        State state =
            saved.orElseGet(
                () -> State.empty("it", CampaignPlatform.SANDBOX, platform.client.orgId(), "test"));
        assertThat(state.resources())
            .as(when + ": no create left pending: calls in flight finished and were recorded")
            .noneMatch(r -> r.status() == ResourceStatus.PENDING_CREATE);
        assertThat(platform.createdInState(state))
            .as(when + ": what the platform holds is what the state says was created")
            .isEqualTo(platform.onPlatform());
        assertThat(platform.tempFiles()).isEmpty();
        bump("created before SIGINT " + platform.total());
      }
      CliRun again = platform.cli("apply", "--auto-approve");
      assertThat(again.exitCode()).as(when + ": apply again\n" + again.err()).isZero();
      converged(when + ", applied again");
      destroyInProcess(when);
    }
    System.out.printf(
        "CrashCampaignIT sigint: seed %d, %d SIGINTs, %.1fs: %s%n",
        SEED + 1, INTERRUPTS, (System.nanoTime() - began) / 1e9, CampaignPlatform.summary(tally));
  }

  @Test
  void destroyKilledAtRandomMomentsThenDestroyAgainEndsEmpty() throws Exception {
    start(SEED + 2);
    long began = System.nanoTime();
    CliRun apply = platform.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    int kills = 0;
    int round = 1;
    while (kills < DESTROY_KILLS) {
      String when =
          "destroy kill " + (kills + 1) + " of " + DESTROY_KILLS + " (round " + round + ")";
      bump("leftover lock " + platform.clearLeftoverLock(when, "destroy"));
      KillPoint at = KillPoint.draw(random, 6);
      Optional<Integer> ended = signalAt(at, Signal.KILL, "destroy", "--auto-approve");
      if (ended.isPresent()) {
        assertThat(ended.get()).as(when + ": destroy that was not killed").isZero();
        bump("destroy finished before its kill");
        assertThat(platform.total()).isZero();
        CliRun again = platform.cli("apply", "--auto-approve");
        assertThat(again.exitCode()).as(again.err()).isZero();
        round++;
        continue;
      }
      kills++;
      checkAfterKill(when + " at " + at);
    }
    String when = "after " + DESTROY_KILLS + " destroy kills";
    bump("leftover lock " + platform.clearLeftoverLock(when, "destroy"));
    Launched last = platform.launch("destroy", "--auto-approve");
    int exit = last.await(RUN_TIMEOUT);
    assertThat(exit).as(when + ": the last destroy\n" + last.stdout() + last.stderr()).isZero();
    assertThat(platform.total()).as(when + ": objects left on the platform").isZero();
    CliRun list = platform.cli("state", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).as(when + ": state list").isBlank();
    assertThat(platform.state(when).map(State::resources).orElse(List.of())).isEmpty();
    assertThat(platform.lockFile()).doesNotExist();
    assertThat(platform.tempFiles()).isEmpty();
    System.out.printf(
        "CrashCampaignIT destroy: seed %d, %d SIGKILLs in %d rounds, %.1fs: %s%n",
        SEED + 2,
        DESTROY_KILLS,
        round,
        (System.nanoTime() - began) / 1e9,
        CampaignPlatform.summary(tally));
  }
}
