package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that writes states in a loop (SIGKILL, no shutdown hooks) at random moments; the
 * state file must always be a complete state, the one before or one after.
 */
class CrashSafetyIT {
  private static final int KILLS = 6;
  private static final Pattern FORCE_UNLOCK = Pattern.compile("aepform force-unlock (\\S+)");

  @TempDir Path dir;

  @Test
  void aKilledWriterNeverLeavesATornState() throws Exception {
    Random random = new Random(20260301); // fixed seed: the same kill schedule on every run
    LocalStateStore store = new LocalStateStore(dir, "crash");
    long lastSerial = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = start(kill);
      awaitFirstWrite(child, kill);
      Thread.sleep(random.nextInt(120));
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

      State state = store.read().orElseThrow();
      assertThat(CrashWriter.isComplete(state))
          .as("state after kill %d is complete", kill)
          .isTrue();
      assertThat(state.serial()).isGreaterThan(lastSerial);
      if (kill > 0) {
        // the state as the killed run found it: kept once, at its first write
        State backup = read(store.backupFile());
        assertThat(CrashWriter.isComplete(backup)).isTrue();
        assertThat(backup.serial()).isEqualTo(lastSerial);
      }
      lastSerial = state.serial();
      removeStaleLock(store, child.pid());
    }
  }

  private Process start(int kill) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            CrashWriter.class.getName(),
            dir.toString());
    builder.redirectError(dir.resolve("child-" + kill + ".err").toFile());
    return builder.start();
  }

  private void awaitFirstWrite(Process child, int kill) throws IOException {
    var out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line)
        .as("child %d: %s", kill, Files.readString(dir.resolve("child-" + kill + ".err")))
        .isEqualTo(CrashWriter.READY);
  }

  /** The dead writer's lock is reported stale with the command that removes it; run that. */
  private static void removeStaleLock(LocalStateStore store, long deadPid) {
    StateException stale =
        catchThrowableOfType(
            StateException.class,
            () -> store.lock(LockInfo.forCurrentProcess("plan"), Duration.ZERO));
    assertThat(stale).hasMessageContaining("stale lock").hasMessageContaining("pid " + deadPid);
    Matcher command = FORCE_UNLOCK.matcher(stale.getMessage());
    assertThat(command.find()).isTrue();
    store.forceUnlock(command.group(1));
  }

  private static State read(Path file) throws IOException {
    return StateCodec.read(Files.readAllBytes(file), file.toString());
  }
}
