package io.aepform.state;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The child process of {@link PostgresStateStoreLockIT}: takes the lock of a PostgreSQL state, says
 * so, and holds it until it is killed.
 */
public final class PostgresLockHolder {
  static final String READY = "locked";

  private PostgresLockHolder() {}

  @SuppressWarnings("try") // the lock is held for the scope, never referenced
  public static void main(String[] args) throws InterruptedException {
    PostgresConfig config = new PostgresConfig(args[0], args[1], "postgres", null);
    PostgresStateStore store = PostgresStateStore.open(config, args[2]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("crash-test"), Duration.ZERO)) {
      out.println(READY);
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
