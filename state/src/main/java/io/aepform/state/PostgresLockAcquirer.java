package io.aepform.state;

import io.aepform.error.CancelledException;
import io.aepform.state.PostgresLocks.Holder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Takes the advisory lock, polling while another run holds it, and removes it for {@code
 * force-unlock}. Unlike a lock file, a held advisory lock always has a live connection behind it:
 * there is no stale lock to detect, only a stale holder row, which the next holder overwrites.
 */
final class PostgresLockAcquirer {
  /** How long force-unlock waits for the server to end the holder's session. */
  private static final Duration TERMINATION = Duration.ofSeconds(10);

  private final PostgresLocks locks;
  private final String location;
  private final String environment;
  private final Clock clock;
  private final Duration poll;

  PostgresLockAcquirer(
      PostgresLocks locks, String location, String environment, Clock clock, Duration poll) {
    this.locks = locks;
    this.location = location;
    this.environment = environment;
    this.clock = clock;
    this.poll = poll;
  }

  /**
   * Returns once {@code connection}'s session holds the lock; throws a StateException otherwise.
   */
  void acquire(Connection connection, LockInfo info, Duration timeout) throws SQLException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!locks.tryLock(connection, info)) {
      if (System.nanoTime() >= deadline) {
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        throw held(connection, waited);
      }
      sleep(Math.min(poll.toNanos(), Math.max(deadline - System.nanoTime(), 0)));
    }
  }

  /**
   * Ends the run holding lock {@code lockId}: the server terminates the holder's session (which
   * releases the advisory lock; the run's next write then fails), and the holder row goes.
   */
  void forceUnlock(Connection connection, String lockId) throws SQLException {
    Optional<Holder> row = locks.row(connection);
    OptionalInt backend = locks.lockingBackend(connection);
    if (row.isEmpty() || !row.get().info().id().equals(lockId)) {
      throw refuse(row, backend, lockId);
    }
    if (backend.isPresent()) {
      if (backend.getAsInt() != row.get().backendPid()) {
        throw new StateException(
            StateException.Code.LOCKED,
            String.format(
                "Lock %s of the state %s is stale: the state is now locked by another session"
                    + " (backend pid %d) that has not recorded itself yet. Nothing was removed; run"
                    + " the command again to see who holds it.",
                lockId, location, backend.getAsInt()));
      }
      terminate(connection, backend.getAsInt(), lockId);
    }
    locks.deleteRow(connection, lockId);
  }

  private StateException refuse(Optional<Holder> row, OptionalInt backend, String lockId) {
    if (row.isPresent()) {
      return new StateException(
          StateException.Code.LOCKED,
          String.format(
              "The state %s is locked with id %s, not %s; refusing to remove another lock.",
              location, row.get().info().id(), lockId));
    }
    if (backend.isPresent()) {
      return new StateException(
          StateException.Code.LOCKED,
          String.format(
              "The state %s is locked by a session (backend pid %d) that has not recorded itself"
                  + " yet, not by %s; nothing was removed.",
              location, backend.getAsInt(), lockId));
    }
    return new StateException(
        StateException.Code.NOT_FOUND, "The state " + location + " is not locked.");
  }

  private void terminate(Connection connection, int pid, String lockId) throws SQLException {
    try {
      PostgresLocks.terminate(connection, pid);
    } catch (SQLException e) {
      throw new StateException(
          StateException.Code.LOCKED,
          String.format(
              "Cannot end the database session (backend pid %d) that holds lock %s of the state %s:"
                  + " %s. Only the same database user, a member of pg_signal_backend or a"
                  + " superuser may; ask a database administrator to run 'SELECT"
                  + " pg_terminate_backend(%d)'.",
              pid, lockId, location, e.getMessage(), pid),
          e);
    }
    long deadline = System.nanoTime() + TERMINATION.toNanos();
    while (locks.lockingBackend(connection).equals(OptionalInt.of(pid))) {
      if (System.nanoTime() >= deadline) {
        throw new StateException(
            StateException.Code.LOCKED,
            String.format(
                "Asked the database to end the session (backend pid %d) holding lock %s of the"
                    + " state %s, but it still holds the lock after %s; try again.",
                pid, lockId, location, LockMessages.age(TERMINATION)));
      }
      sleep(poll.toNanos());
    }
  }

  private StateException held(Connection connection, Duration waited) throws SQLException {
    Optional<Holder> holder = locks.holder(connection);
    if (holder.isPresent()) {
      return new StateException(
          StateException.Code.LOCKED,
          LockMessages.held(location, holder.get().info(), clock.instant(), waited, environment));
    }
    // Taken a moment ago by a run that has not written its row yet (or released meanwhile).
    return new StateException(
        StateException.Code.LOCKED,
        String.format(
            "The state %s is locked by a run that is just starting; waited %s. Retry, or wait"
                + " with --lock-timeout.",
            location, LockMessages.age(waited)));
  }

  private void sleep(long nanos) {
    long at = Math.max(nanos, Duration.ofMillis(5).toNanos());
    try {
      Thread.sleep(at / 1_000_000, (int) (at % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException(
          CancelledException.Code.INTERRUPTED,
          "Interrupted while waiting for the lock of the state " + location);
    }
  }
}
