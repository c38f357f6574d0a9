package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // a lock held for its scope is the point of those try blocks
class LocalStateStoreLockTest {
  private static final Instant TAKEN = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration POLL = Duration.ofMillis(20);

  @TempDir Path dir;

  private LocalStateStore store(String env) {
    Clock clock = Clock.fixed(TAKEN.plusSeconds(312), ZoneOffset.UTC);
    return new LocalStateStore(dir, env, clock, POLL);
  }

  @Test
  void lockFileHoldsTheHolder() throws IOException {
    LockInfo info = LockInfo.forCurrentProcess("apply");
    try (StateLock lock = store("dev").lock(info, Duration.ZERO)) {
      assertThat(lock.info()).isEqualTo(info);
      String json = Files.readString(dir.resolve("dev.state.json.lock"));
      assertThat(json)
          .contains("\"id\": \"" + info.id() + "\"")
          .contains("\"pid\": " + ProcessHandle.current().pid())
          .contains("\"operation\": \"apply\"")
          .contains("\"host\": \"" + LockInfo.currentHost() + "\"");
    }
  }

  @Test
  void aHeldLockNamesItsHolder() {
    LockInfo holder = holder("alice", LockInfo.currentHost(), ProcessHandle.current().pid());
    try (StateLock lock = store("dev").lock(holder, Duration.ZERO)) {
      assertThatThrownBy(() -> store("dev").lock(LockInfo.forCurrentProcess("plan"), Duration.ZERO))
          .isInstanceOf(StateException.class)
          .hasMessageContaining("is locked by alice@" + LockInfo.currentHost())
          .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")")
          .hasMessageContaining("running 'apply' since 2026-03-01T10:00:00Z (5m12s ago)")
          .hasMessageContaining("lock id " + holder.id())
          .hasMessageContaining("aepform force-unlock " + holder.id() + " --env dev");
    }
  }

  @Test
  void aLockOfADeadProcessOnThisHostIsReportedStaleAtOnce() throws IOException {
    LockInfo dead = holder("bob", LockInfo.currentHost(), deadPid());
    writeLock("default", dead);

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                store("default").lock(LockInfo.forCurrentProcess("apply"), Duration.ofSeconds(30)))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("no longer running (stale lock)")
        .hasMessageContaining("bob@")
        .hasMessageEndingWith("remove the lock with: aepform force-unlock " + dead.id());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aLockOfAnotherHostIsNeverCalledStale() throws IOException {
    writeLock("dev", holder("carol", "build-agent-7", deadPid()));

    assertThatThrownBy(() -> store("dev").lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO))
        .hasMessageContaining("is locked by carol@build-agent-7")
        .hasMessageNotContaining("stale");
  }

  @Test
  void forceUnlockRemovesOnlyTheNamedLock() throws IOException {
    LockInfo dead = holder("bob", LockInfo.currentHost(), deadPid());
    writeLock("dev", dead);
    LocalStateStore store = store("dev");

    assertThatThrownBy(() -> store.forceUnlock("not-" + dead.id()))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("is locked with id " + dead.id() + ", not not-" + dead.id());
    assertThat(store.lockFile()).exists();

    store.forceUnlock(dead.id());

    assertThat(store.lockFile()).doesNotExist();
    assertThatThrownBy(() -> store.forceUnlock(dead.id())).hasMessageContaining("is not locked");
    store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO).close();
  }

  @Test
  void waitsForTheHolderToReleaseTheLock() throws Exception {
    StateLock held = store("dev").lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO);
    CompletableFuture<Void> release =
        CompletableFuture.runAsync(
            held::close, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

    long start = System.nanoTime();
    try (StateLock lock =
        store("dev").lock(LockInfo.forCurrentProcess("plan"), Duration.ofSeconds(20))) {
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(250));
      assertThat(lock.info().operation()).isEqualTo("plan");
    }
    release.get(5, TimeUnit.SECONDS);
  }

  @Test
  void givesUpAfterTheTimeout() {
    try (StateLock held = store("dev").lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      long start = System.nanoTime();
      assertThatThrownBy(
              () -> store("dev").lock(LockInfo.forCurrentProcess("plan"), Duration.ofMillis(300)))
          .hasMessageContaining("waited 0.");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void aDamagedLockFileIsReportedAfterAGracePeriod() throws IOException {
    Files.writeString(dir.resolve("dev.state.json.lock"), "{\"id\": ");

    assertThatThrownBy(() -> store("dev").lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("the lock file cannot be read")
        .hasMessageContaining("delete the lock file by hand");
    assertThatThrownBy(() -> store("dev").forceUnlock("any"))
        .hasMessageContaining("the lock file cannot be read");
  }

  @Test
  void aLockRemovedWhileHeldStopsWritesAndIsNotDeletedByTheLoser() {
    LocalStateStore first = store("dev");
    StateLock lock = first.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO);
    LocalStateStore second = store("dev");
    second.forceUnlock(lock.info().id());
    StateLock secondLock = second.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO);

    assertThatThrownBy(() -> first.write(TestStates.sample(1)))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("was removed (force-unlock?) while this run held it");
    lock.close();

    assertThat(second.lockFile()).exists();
    second.write(TestStates.sample(1));
    secondLock.close();
    assertThat(second.lockFile()).doesNotExist();
  }

  @Test
  void oneStoreHoldsOneLockAtATime() {
    LocalStateStore store = store("dev");
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      assertThatThrownBy(() -> store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void describesTheCurrentProcess() {
    LockInfo info = LockInfo.forCurrentProcess("destroy");

    assertThat(info.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(info.host()).isEqualTo(LockInfo.currentHost()).isNotBlank();
    assertThat(info.operation()).isEqualTo("destroy");
    assertThat(info.id()).isNotEqualTo(LockInfo.forCurrentProcess("destroy").id());
  }

  private static LockInfo holder(String owner, String host, long pid) {
    return new LockInfo("3d0c9a70-1111-4222-8333-944455556666", owner, host, pid, "apply", TAKEN);
  }

  /** The pid of a process that has exited and been reaped. */
  private static long deadPid() {
    // No OS hands out this pid: Linux caps pids at 2^22, Windows uses multiples of 4.
    return Integer.MAX_VALUE - 2;
  }

  private void writeLock(String env, LockInfo info) throws IOException {
    String json =
        String.format(
            "{\"id\": \"%s\", \"owner\": \"%s\", \"host\": \"%s\", \"pid\": %d,"
                + " \"operation\": \"%s\", \"created\": \"%s\"}",
            info.id(), info.owner(), info.host(), info.pid(), info.operation(), info.created());
    Files.writeString(dir.resolve(env + ".state.json.lock"), json);
  }
}
