package io.aepform.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The lock of one environment: a session advisory lock on {@link #key} (the real lock; it dies with
 * its connection) and a row in {@code lock_holders} naming the holder (for messages and
 * force-unlock). The row of a holder whose connection died stays behind; it is stale as soon as the
 * advisory lock is free or held by another connection, and the next holder overwrites it.
 */
final class PostgresLocks {
  /** Who the row says holds the lock, and the backend (connection) it recorded. */
  record Holder(LockInfo info, int backendPid) {}

  private final String schema;
  private final String environment;
  private final long key;

  PostgresLocks(String schema, String environment) {
    this.schema = schema;
    this.environment = environment;
    this.key = key("lock", schema, environment);
  }

  /** A 64-bit advisory lock key: the first 8 bytes of SHA-256 over {@code parts}. */
  static long key(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(("aepform\0" + String.join("\0", parts)).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Takes the advisory lock for {@code connection}'s session, if free; then records the holder. */
  boolean tryLock(Connection connection, LockInfo info) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      lock.setLong(1, key);
      try (ResultSet rows = lock.executeQuery()) {
        rows.next();
        if (!rows.getBoolean(1)) {
          return false;
        }
      }
    }
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO "
                + schema
                + ".lock_holders (environment, id, owner, host, pid, operation, created,"
                + " backend_pid) VALUES (?, ?, ?, ?, ?, ?, ?, pg_backend_pid())"
                + " ON CONFLICT (environment) DO UPDATE SET id = excluded.id,"
                + " owner = excluded.owner, host = excluded.host, pid = excluded.pid,"
                + " operation = excluded.operation, created = excluded.created,"
                + " backend_pid = excluded.backend_pid")) {
      upsert.setString(1, environment);
      upsert.setString(2, info.id());
      upsert.setString(3, info.owner());
      upsert.setString(4, info.host());
      upsert.setLong(5, info.pid());
      upsert.setString(6, info.operation());
      upsert.setTimestamp(7, Timestamp.from(info.created()));
      upsert.executeUpdate();
    }
    return true;
  }

  /** The holder row, whether or not it is stale. */
  Optional<Holder> row(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, owner, host, pid, operation, created, backend_pid FROM "
                + schema
                + ".lock_holders WHERE environment = ?")) {
      select.setString(1, environment);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        LockInfo info =
            new LockInfo(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getLong(4),
                rows.getString(5),
                rows.getTimestamp(6).toInstant());
        return Optional.of(new Holder(info, rows.getInt(7)));
      }
    }
  }

  /** The live holder: the row, when the advisory lock is held by the backend it names. */
  Optional<Holder> holder(Connection connection) throws SQLException {
    OptionalInt backend = lockingBackend(connection);
    return row(connection)
        .filter(row -> backend.isPresent() && backend.getAsInt() == row.backendPid());
  }

  /** The backend (server process id) that holds the advisory lock, if any. */
  OptionalInt lockingBackend(Connection connection) throws SQLException {
    // pg_locks shows a bigint advisory key as two 32-bit halves: classid (high), objid (low).
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND classid::bigint = ? AND objid::bigint = ?")) {
      select.setLong(1, key >>> 32);
      select.setLong(2, key & 0xFFFF_FFFFL);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
      }
    }
  }

  /** Whether the row still names lock {@code id} (a force-unlock replaces or removes it). */
  boolean rowNames(Connection connection, String id) throws SQLException {
    return row(connection).map(row -> row.info().id().equals(id)).orElse(false);
  }

  /** Removes the row if it names {@code id}, then lets go of the advisory lock. */
  void release(Connection connection, String id) throws SQLException {
    deleteRow(connection, id);
    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, key);
      unlock.execute();
    }
  }

  void deleteRow(Connection connection, String id) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM " + schema + ".lock_holders WHERE environment = ? AND id = ?")) {
      delete.setString(1, environment);
      delete.setString(2, id);
      delete.executeUpdate();
    }
  }

  /** Asks the server to end backend {@code pid}; false when it may not (another role). */
  static boolean terminate(Connection connection, int pid) throws SQLException {
    try (PreparedStatement kill = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
      kill.setInt(1, pid);
      try (ResultSet rows = kill.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }
}
