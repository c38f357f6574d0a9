package io.aepform.state;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The states of one environment in PostgreSQL: {@code state_versions} keeps every version written
 * (append only), {@code current_state} points at the current one. A write is one transaction that
 * appends a version and moves the pointer with a compare-and-swap on (lineage, serial).
 */
final class PostgresStates {
  private static final String VERSION_COLUMNS =
      "v.serial, v.lineage, v.written, v.written_by, v.lock_id";

  /** A stored version with the JSON as written (empty when not asked for). */
  record Row(StateVersion version, byte[] json) {}

  private final String schema;
  private final String environment;
  private final String location;

  PostgresStates(String schema, String environment, String location) {
    this.schema = schema;
    this.environment = environment;
    this.location = location;
  }

  /** The current version; with {@code forUpdate}, its pointer row stays locked until commit. */
  Optional<Row> current(Connection connection, boolean forUpdate) throws SQLException {
    List<Row> rows =
        query(
            connection,
            "SELECT "
                + VERSION_COLUMNS
                + ", v.state, true FROM "
                + schema
                + ".current_state c JOIN "
                + schema
                + ".state_versions v ON v.id = c.version_id WHERE c.environment = ?"
                + (forUpdate ? " FOR UPDATE OF c" : ""));
    return rows.stream().findFirst();
  }

  /** Every version, newest first, without their JSON. */
  List<Row> versions(Connection connection) throws SQLException {
    return query(connection, versionsSql("NULL", "", "DESC"));
  }

  /** The last version written with {@code serial}. */
  Optional<Row> version(Connection connection, long serial) throws SQLException {
    return query(connection, versionsSql("v.state", " AND v.serial = " + serial, "DESC LIMIT 1"))
        .stream()
        .findFirst();
  }

  /**
   * Appends {@code next} and makes it current, provided the current version is still {@code
   * expected} (empty: there is none). The caller runs this inside a transaction.
   *
   * @throws StateException when another writer moved the pointer first (nothing is written once the
   *     caller rolls back)
   */
  void swap(Connection connection, Optional<StateVersion> expected, State next, LockInfo by)
      throws SQLException {
    long id = append(connection, next, by);
    if (move(connection, expected, next, id) != 1) {
      throw new StateException(
          StateException.Code.STALE,
          String.format(
              "Refusing to overwrite the state %s: another run wrote it while this one was writing"
                  + " serial %d. Nothing was written; run the command again to start from the"
                  + " stored state.",
              location, next.serial()));
    }
  }

  private long append(Connection connection, State state, LockInfo by) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + schema
                + ".state_versions (environment, serial, lineage, written_by, lock_id, state)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
      insert.setString(1, environment);
      insert.setLong(2, state.serial());
      insert.setString(3, state.lineage());
      insert.setString(4, by.owner() + "@" + by.host());
      insert.setString(5, by.id());
      insert.setString(6, new String(StateCodec.write(state), StandardCharsets.UTF_8));
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Points the environment at version {@code id}: the compare-and-swap. */
  private int move(Connection connection, Optional<StateVersion> expected, State next, long id)
      throws SQLException {
    String sql =
        expected.isEmpty()
            ? "INSERT INTO "
                + schema
                + ".current_state (lineage, serial, version_id, environment)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (environment) DO NOTHING"
            : "UPDATE "
                + schema
                + ".current_state SET lineage = ?, serial = ?, version_id = ?, updated = now()"
                + " WHERE environment = ? AND lineage = ? AND serial = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, next.lineage());
      statement.setLong(2, next.serial());
      statement.setLong(3, id);
      statement.setString(4, environment);
      if (expected.isPresent()) {
        statement.setString(5, expected.get().lineage());
        statement.setLong(6, expected.get().serial());
      }
      return statement.executeUpdate();
    }
  }

  private String versionsSql(String json, String condition, String order) {
    return "SELECT "
        + VERSION_COLUMNS
        + ", "
        + json
        + ", coalesce(c.version_id = v.id, false) FROM "
        + schema
        + ".state_versions v LEFT JOIN "
        + schema
        + ".current_state c ON c.environment = v.environment WHERE v.environment = ?"
        + condition
        + " ORDER BY v.id "
        + order;
  }

  private List<Row> query(Connection connection, String sql) throws SQLException {
    List<Row> result = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, environment);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          StateVersion version =
              new StateVersion(
                  environment,
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getTimestamp(3).toInstant(),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getBoolean(7));
          String json = rows.getString(6);
          result.add(
              new Row(version, json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    return result;
  }
}
