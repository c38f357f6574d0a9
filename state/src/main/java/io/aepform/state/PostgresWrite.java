package io.aepform.state;

import io.aepform.state.PostgresStates.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * One write of a state on the connection that holds the lock, in one transaction: check that the
 * lock is still this run's, check the succession against the stored state (locked with {@code FOR
 * UPDATE}), append the version, and compare-and-swap the pointer. Any failure rolls it all back.
 */
final class PostgresWrite {
  private final PostgresDatabase database;
  private final PostgresStates states;
  private final PostgresLocks locks;
  private final Connection connection;
  private final LockInfo lock;
  private final String location;

  PostgresWrite(
      PostgresDatabase database,
      PostgresStates states,
      PostgresLocks locks,
      Connection connection,
      LockInfo lock,
      String location) {
    this.database = database;
    this.states = states;
    this.locks = locks;
    this.connection = connection;
    this.lock = lock;
    this.location = location;
  }

  /**
   * Stores {@code next}; with {@code force}, whatever the stored state is (even unreadable), else
   * only as the successor of the stored state ({@link StateSuccession}).
   */
  void write(State next, boolean force, Function<Row, State> decoder) {
    boolean committing = false;
    try {
      connection.setAutoCommit(false);
      checkStillLocked();
      Optional<Row> current = states.current(connection, true);
      if (!force) {
        current.ifPresent(row -> StateSuccession.check(location, decoder.apply(row), next));
      }
      states.swap(connection, current.map(Row::version), next, lock);
      committing = true;
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      rollback();
      if (committing) {
        throw unknownOutcome(next, e);
      }
      throw isConnectionLost(e) ? lockLost(e) : database.failure("write", e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  private void checkStillLocked() throws SQLException {
    if (!locks.rowNames(connection, lock.id())) {
      throw new StateException(
          StateException.Code.LOCK_LOST,
          String.format(
              "The lock %s of the state %s was removed (force-unlock?) while this run held it;"
                  + " refusing to write, another run may be using the state. Check the state with"
                  + " 'aepform plan' before going on.",
              lock.id(), location));
    }
  }

  /** Connection failures (08xxx) and a terminated session (57P01, force-unlock from elsewhere). */
  private static boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  private StateException lockLost(SQLException e) {
    return new StateException(
        StateException.Code.LOCK_LOST,
        String.format(
            "This run lost its connection to the state %s, and with it the lock %s (force-unlock?"
                + " database restart? network?): %s. Nothing was written; another run may be using"
                + " the state. Check the state with 'aepform plan' before going on.",
            location, lock.id(), e.getMessage()),
        e);
  }

  private StateException unknownOutcome(State next, SQLException e) {
    return new StateException(
        StateException.Code.LOCK_LOST,
        String.format(
            "The connection to the state %s failed while committing serial %d (%s); it may or may"
                + " not have been written, and this run no longer holds the lock. Check with"
                + " 'aepform state history' and 'aepform plan' before going on.",
            location, next.serial(), e.getMessage()),
        e);
  }

  private void rollback() {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // A broken connection has nothing to roll back: the server discards the transaction.
    }
  }
}
