package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresStateStoreLockIT {
  private static TestDatabase database;

  @TempDir Path dir;
  private PostgresConfig config;
  private PostgresStateStore first;
  private PostgresStateStore second;

  @BeforeAll
  static void startDatabase() throws Exception {
    database = TestDatabase.start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    database.close();
  }

  @BeforeEach
  void twoRunners() {
    config = database.newSchema();
    first = PostgresStateStore.open(config, "dev");
    second = PostgresStateStore.open(config, "dev");
  }

  @Test
  void aHeldLockFailsTheSecondRunAtOnceNamingTheHolder() {
    LockInfo holder = LockInfo.forCurrentProcess("apply");
    try (StateLock lock = first.lock(holder, Duration.ZERO)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> second.lock(LockInfo.forCurrentProcess("plan"), Duration.ZERO))
          .isInstanceOf(StateException.class)
          .hasMessageContaining("is locked by " + holder.owner() + "@" + holder.host())
          .hasMessageContaining("running 'apply' since " + holder.created())
          .hasMessageContaining("lock id " + holder.id())
          .hasMessageContaining("aepform force-unlock " + holder.id() + " --env dev");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aWaitingRunGoesOnOnceTheLockIsReleasedAndTimesOutOtherwise() throws Exception {
    StateLock held = first.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO);
    assertThatThrownBy(
            () -> second.lock(LockInfo.forCurrentProcess("plan"), Duration.ofMillis(300)))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("waited 0.");

    CompletableFuture<StateLock> waiting =
        CompletableFuture.supplyAsync(
            () -> second.lock(LockInfo.forCurrentProcess("apply"), Duration.ofSeconds(20)));
    Thread.sleep(300);
    assertThat(waiting).isNotDone();
    held.close();
    try (StateLock lock = waiting.get(10, TimeUnit.SECONDS)) {
      second.write(TestStates.empty(1));
    }
    assertThat(first.read()).contains(TestStates.empty(1));
  }

  @Test
  void aStaleHolderRowIsOverwritten() throws Exception {
    first.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO).close();
    database.execute(
        "INSERT INTO "
            + config.schema()
            + ".lock_holders VALUES ('dev', 'gone', 'bob', 'ci-7', 42, 'apply', now(), 99999)");

    LockInfo info = LockInfo.forCurrentProcess("apply");
    try (StateLock lock = second.lock(info, Duration.ZERO)) {
      second.write(TestStates.empty(1));
      assertThatThrownBy(() -> first.lock(LockInfo.forCurrentProcess("plan"), Duration.ZERO))
          .hasMessageContaining("lock id " + info.id());
    }
  }

  @Test
  void forceUnlockRefusesAnotherIdAndEndsTheHolderWithTheRightOne() {
    LockInfo holder = LockInfo.forCurrentProcess("apply");
    StateLock stuck = first.lock(holder, Duration.ZERO);
    first.write(TestStates.empty(1));

    assertThatThrownBy(() -> second.forceUnlock("not-the-id"))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("locked with id " + holder.id() + ", not not-the-id");
    assertThatThrownBy(() -> second.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO))
        .isInstanceOf(StateException.class);

    PostgresStateStore third = PostgresStateStore.open(config, "dev");
    third.forceUnlock(holder.id());
    try (StateLock lock = second.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      second.write(TestStates.empty(2));
    }
    // the forced-out run may not write over what the new holder wrote
    assertThatThrownBy(() -> first.write(TestStates.empty(2)))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("lost its connection")
        .hasMessageContaining("Nothing was written");
    stuck.close();
    assertThat(first.history()).extracting(StateVersion::serial).containsExactly(2L, 1L);
    assertThatThrownBy(() -> third.forceUnlock(holder.id())).hasMessageContaining("is not locked");
  }

  @Test
  void aKilledHolderLeavesNoLockBehind() throws Exception {
    Process child = startHolder();
    try {
      String line =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(line)
          .as(Files.readString(dir.resolve("child.err")))
          .isEqualTo(PostgresLockHolder.READY);
      assertThatThrownBy(() -> first.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO))
          .hasMessageContaining("(pid " + child.pid() + ") running 'crash-test'");
    } finally {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    // the server ends the session of a closed connection: the lock is free at once, no unlock
    try (StateLock lock = first.lock(LockInfo.forCurrentProcess("apply"), Duration.ofSeconds(10))) {
      first.write(TestStates.empty(1));
    }
    assertThat(first.read()).contains(TestStates.empty(1));
  }

  private Process startHolder() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            PostgresLockHolder.class.getName(),
            database.url(),
            config.schema(),
            "dev");
    File err = dir.resolve("child.err").toFile();
    builder.redirectError(err);
    return builder.start();
  }
}
