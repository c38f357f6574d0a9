package io.aepform.state;

import io.aepform.state.PostgresStates.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shared backend: the state of each environment in a PostgreSQL database that every member of a
 * team and every CI runner reaches. Implements every rule of {@link StateStore}, and keeps every
 * version written ({@link StateHistory}); see {@code docs/state.md}.
 *
 * <ul>
 *   <li>The lock is a session advisory lock held by a connection dedicated to the run, plus a row
 *       naming the holder. It dies with its connection: a killed runner leaves no stuck lock.
 *   <li>A write appends a version and moves the environment's pointer to it in one transaction,
 *       with a compare-and-swap on (lineage, serial): a writer that lost a race writes nothing.
 *   <li>History replaces the local backend's {@code .backup} file: every version is kept.
 * </ul>
 *
 * <p>Thread-safe; one instance holds at most one lock at a time, and {@link #write} must be called
 * through the instance that holds it.
 */
public final class PostgresStateStore implements StateStore, StateHistory {
  private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Duration POLL = Duration.ofMillis(100);

  private final PostgresDatabase database;
  private final String environment;
  private final String location;
  private final PostgresStates states;
  private final PostgresLocks locks;
  private final PostgresLockAcquirer acquirer;
  private Session session;

  private PostgresStateStore(PostgresConfig config, String environment, Clock clock) {
    if (!ENVIRONMENT.matcher(environment).matches()) {
      throw new IllegalArgumentException("not a valid environment name: '" + environment + "'");
    }
    this.environment = environment;
    this.location =
        String.format(
            "%s (schema %s, environment %s)", config.redactedUrl(), config.schema(), environment);
    this.database = new PostgresDatabase(config, location);
    this.states = new PostgresStates(config.schema(), environment, location);
    this.locks = new PostgresLocks(config.schema(), environment);
    this.acquirer = new PostgresLockAcquirer(locks, location, environment, clock, POLL);
  }

  /**
   * The store of {@code environment} in the database of {@code config}. Connects only when used;
   * the tables are created or migrated on first use.
   *
   * @throws IllegalArgumentException when {@code environment} is not a valid environment name
   */
  public static PostgresStateStore open(PostgresConfig config, String environment) {
    return new PostgresStateStore(config, environment, Clock.systemUTC());
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public synchronized StateLock lock(LockInfo info, Duration timeout) {
    if (session != null) {
      throw new IllegalStateException("this store already holds lock " + session.lock.id());
    }
    Connection connection = database.connect();
    try {
      database.migrate(connection);
      acquirer.acquire(connection, info, timeout);
    } catch (SQLException e) {
      PostgresDatabase.closeQuietly(connection);
      throw database.failure("take the lock of", e);
    } catch (RuntimeException e) {
      PostgresDatabase.closeQuietly(connection);
      throw e;
    }
    session = new Session(connection, info);
    return new PostgresLock(info);
  }

  @Override
  public Optional<State> read() {
    return database.run("read", c -> states.current(c, false)).map(this::decode);
  }

  @Override
  public Optional<State> read(long serial) {
    return database.run("read", c -> states.version(c, serial)).map(this::decode);
  }

  @Override
  public List<StateVersion> history() {
    return database.run("read the history of", states::versions).stream()
        .map(Row::version)
        .toList();
  }

  @Override
  public synchronized void write(State state) {
    write(state, false);
  }

  @Override
  public synchronized void replace(State state) {
    write(state, true);
  }

  private void write(State state, boolean force) {
    if (session == null) {
      throw new IllegalStateException("write needs the lock; call lock() on this store first");
    }
    if (!state.environment().equals(environment)) {
      throw new IllegalArgumentException(
          "a state of environment '" + state.environment() + "' written to " + location);
    }
    new PostgresWrite(database, states, locks, session.connection, session.lock, location)
        .write(state, force, this::decode);
  }

  @Override
  public synchronized void forceUnlock(String lockId) {
    database.run(
        "force-unlock",
        c -> {
          acquirer.forceUnlock(c, lockId);
          return null;
        });
    if (session != null && session.lock.id().equals(lockId)) {
      PostgresDatabase.closeQuietly(session.connection);
      session = null;
    }
  }

  private State decode(Row row) {
    String source = location + ", serial " + row.version().serial();
    State state;
    try {
      state = StateCodec.read(row.json(), source);
    } catch (StateException e) {
      throw new StateException(e.reason(), e.getMessage() + ". " + recovery(), e);
    }
    if (!state.environment().equals(environment)) {
      throw new StateException(
          StateException.Code.MISMATCH,
          String.format(
              "%s: records environment '%s', not '%s'. %s",
              source, state.environment(), environment, recovery()));
    }
    return state;
  }

  private String recovery() {
    String env = environment.equals("default") ? "" : " --env " + environment;
    return String.format(
        "aepform does not overwrite a state it cannot read. To recover, find the last good version"
            + " with 'aepform state history%1$s', check it with 'aepform state show --serial N%1$s',"
            + " and make it current again with 'aepform state push --force%1$s' (docs/state.md)",
        env);
  }

  private synchronized void release(LockInfo info) {
    if (session != null && session.lock.id().equals(info.id())) {
      try {
        locks.release(session.connection, info.id());
      } catch (SQLException e) {
        // The connection is gone, and the advisory lock with it; the row left behind is stale.
      }
      PostgresDatabase.closeQuietly(session.connection);
      session = null;
    }
  }

  /** One run: the connection that holds the advisory lock, from lock() to close(). */
  private record Session(Connection connection, LockInfo lock) {}

  private final class PostgresLock implements StateLock {
    private final LockInfo info;

    PostgresLock(LockInfo info) {
      this.info = info;
    }

    @Override
    public LockInfo info() {
      return info;
    }

    @Override
    public void close() {
      release(info);
    }
  }
}
